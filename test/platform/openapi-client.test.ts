/**
 * The typed client in client/: its generated files are what `npm run generate:client` writes from the
 * document this server serves (so a change to a route's schema without regenerating fails here), and
 * it talks to a real listening server with its token, typed answers and errors.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFiles, CLIENT_DIR } from '../../client/generate.ts';
import { createUpzentoClient, ok, UpzentoApiError } from '../../client/index.ts';
import { openApiDocument } from '../support/openapi-responses.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, listen, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
});

afterAll(() => t?.close());

describe('client/ generated files', () => {
  it('are what npm run generate:client writes from the document the server serves', async () => {
    const expected = await clientFiles(await openApiDocument(t));
    for (const [name, text] of Object.entries(expected)) {
      const committed = await readFile(path.join(CLIENT_DIR, name), 'utf8');
      // Not toBe: a stale file would print hundreds of kilobytes of diff.
      expect(committed === text, `client/${name} is stale: run \`npm run generate:client\` and commit it`).toBe(true);
    }
    expect(expected['schema.d.ts']).toContain('"/v1/clients/{clientId}/contacts"');
  });

  it('would fail if the document changed', async () => {
    const document = await openApiDocument(t);
    (document.info as { version: string }).version = '0.0.0-changed';
    const changed = await clientFiles(document);
    expect(changed['openapi.json']).not.toBe(await readFile(path.join(CLIENT_DIR, 'openapi.json'), 'utf8'));
  });
});

describe('createUpzentoClient', () => {
  it('signs in, sends the token it is given before each request, and types the answers', async () => {
    let token: string | null = null;
    let asked = 0;
    const api = createUpzentoClient({
      baseUrl: `${base}/`,
      token: () => {
        asked += 1;
        return token;
      },
    });
    const signedIn = ok(await api.POST('/v1/auth/token', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }));
    expect(signedIn.tokenType).toBe('Bearer');
    token = signedIn.accessToken;
    const agency = ok(await api.POST('/v1/agencies', { body: { name: 'Client Test Agency' } }));
    const listed = ok(await api.GET('/v1/agencies'));
    expect(listed.items.map((item) => item.id)).toContain(agency.id);
    const client = ok(
      await api.POST('/v1/agencies/{agencyId}/clients', {
        params: { path: { agencyId: agency.id } },
        body: { name: 'Client Test Bakery' },
      }),
    );
    expect(client.publicKey).toMatch(/^pk_/);
    const contacts = ok(
      await api.GET('/v1/clients/{clientId}/contacts', {
        params: { path: { clientId: client.id }, query: { limit: 5 } },
      }),
    );
    expect(contacts).toEqual({ items: [], nextCursor: null });
    expect(asked).toBe(5);
  });

  it('turns an error answer into an UpzentoApiError with its code', async () => {
    const anonymous = createUpzentoClient({ baseUrl: base });
    const refused = await anonymous.GET('/v1/agencies');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.code).toBe('UPZ_UNAUTHORIZED');
    expect(() => ok(refused)).toThrow(UpzentoApiError);

    const api = createUpzentoClient({ baseUrl: base, token: t.adminToken });
    const missing = await api.GET('/v1/clients/{clientId}', {
      params: { path: { clientId: '00000000-0000-4000-8000-000000000000' } },
    });
    let thrown: unknown;
    try {
      ok(missing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpzentoApiError);
    expect(thrown).toMatchObject({
      status: 404,
      code: 'UPZ_NOT_FOUND',
      message: '404 UPZ_NOT_FOUND: Client not found',
    });
  });
});
