/**
 * What a fresh database needs before the first request: the platform row, the first platform
 * admin, and the signing key when none is configured.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { TenantDatabase } from '../db/tenant-db.ts';
import { writeAudit } from '../db/audit-writer.ts';
import { hashPassword, type PasswordCost } from '../auth/password.ts';

/** Advisory lock key of first-admin creation ("upzento admin"). */
const FIRST_ADMIN_LOCK = 0x75707a656e746f02n;

export async function ensurePlatform(data: TenantDatabase): Promise<string> {
  return data.privileged('bootstrap: the platform row', async (db) => {
    await db
      .insertInto('platform')
      .values({ name: 'Upzento' })
      .onConflict((oc) => oc.column('singleton').doNothing())
      .execute();
    const row = await db.selectFrom('platform').select('platform_id').executeTakeFirstOrThrow();
    return row.platform_id;
  });
}

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated here and must be shown once. */
  generatedPassword: string | null;
}

/** Creates the platform admin when the database has no users at all; null when it has some. */
export async function ensureFirstAdmin(
  data: TenantDatabase,
  platformId: string,
  wanted: { email: string | null; password: string | null },
  cost: PasswordCost,
): Promise<FirstAdmin | null> {
  const email = wanted.email ?? 'admin@upzento.local';
  const generatedPassword = wanted.password === null ? randomBytes(15).toString('base64url') : null;
  const passwordHash = await hashPassword(wanted.password ?? (generatedPassword as string), cost);
  return data.privileged('bootstrap: the first platform admin', async (db) => {
    // Instances starting together on an empty database take turns, so only the first creates it.
    await sql`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK.toString()}::bigint)`.execute(db);
    const any = await db.selectFrom('accounts').select('user_id').limit(1).executeTakeFirst();
    if (any) return null;
    const userId = randomUUID();
    await db
      .insertInto('accounts')
      .values({
        user_id: userId,
        email,
        tenant_type: 'platform',
        agency_id: null,
        client_id: null,
        password_hash: passwordHash,
      })
      .execute();
    await writeAudit(
      db,
      { agencyId: platformId, tenantId: platformId, tenantType: 'platform' },
      { type: 'system', id: null, requestId: null, ip: null },
      {
        action: 'user.created',
        targetType: 'user',
        targetId: userId,
        details: { email, role: 'admin', bootstrap: true },
      },
    );
    return { email, generatedPassword };
  });
}

/**
 * The JWT signing key when UPZENTO_JWT_SECRET is not set: kept in the data dir for the embedded
 * database (so tokens survive a restart), in the database for PostgreSQL (so every instance
 * signs with the same key), and per process for an in-memory database.
 */
export async function loadSigningKey(
  data: TenantDatabase,
  kind: 'postgres' | 'pglite',
  dataDir: string,
): Promise<string> {
  const fresh = randomBytes(48).toString('base64url');
  if (kind === 'pglite') {
    if (dataDir === 'memory:') return fresh;
    const file = path.join(dataDir, 'jwt-secret');
    try {
      return (await readFile(file, 'utf8')).trim();
    } catch {
      await writeFile(file, fresh, { mode: 0o600 });
      return fresh;
    }
  }
  return data.privileged('bootstrap: the signing key', async (db) => {
    await db
      .insertInto('system_settings')
      .values({ key: 'jwt_secret', value: fresh })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', 'jwt_secret')
      .executeTakeFirstOrThrow();
    return row.value;
  });
}
