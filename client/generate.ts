/**
 * Writes the typed client's generated files from the document the server builds from its routes:
 *   client/openapi.json   the OpenAPI 3.1 document, as GET /openapi.json serves it
 *   client/schema.d.ts    its TypeScript types (openapi-typescript), which client/index.ts uses
 *
 *   npm run generate:client
 *
 * The server is built on an in-memory embedded database and never listens. A test fails when the
 * committed files differ from what this would write.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { TenantDatabase } from '../server/db/tenant-db.ts';
import { createResolver } from '../server/domains/dns/resolver.ts';
import { ensurePlatform } from '../server/tenants/bootstrap.ts';

export const CLIENT_DIR = path.dirname(new URL(import.meta.url).pathname);

/** The document a server with the default options serves at GET /openapi.json. */
export async function serverDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ databaseUrl: null, databaseDirectUrl: null, dataDir: 'memory:' });
  const resolver = createResolver({ servers: [{ host: '127.0.0.1', port: 9 }], timeoutMs: 200, attempts: 1 });
  try {
    await migrateToLatest(database.direct as Kysely<unknown>);
    const platformId = await ensurePlatform(new TenantDatabase(database.db));
    const app = await buildApp({ database, jwtSecret: randomBytes(32).toString('hex'), platformId, resolver });
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);
      return response.json();
    } finally {
      await app.close();
    }
  } finally {
    await resolver.close();
    await database.close();
  }
}

/** The generated files' contents, by name, for a document. */
export async function clientFiles(
  document: Record<string, unknown>,
): Promise<Record<'openapi.json' | 'schema.d.ts', string>> {
  const ast = await openapiTS(structuredClone(document) as never, { alphabetize: false });
  return {
    'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
    'schema.d.ts': astToString(ast),
  };
}

async function main(): Promise<void> {
  const files = await clientFiles(await serverDocument());
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(CLIENT_DIR, name), text);
    console.log(`client/${name}: ${Buffer.byteLength(text)} bytes`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
