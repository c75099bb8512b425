/** The audit signing key is made once and kept: in the data dir (embedded) or in the database. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { digestSigner, loadDigestSigningKey } from '../../server/audit/digest-key.ts';
import { TenantDatabase } from '../../server/db/tenant-db.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let data: TenantDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  data = new TenantDatabase(database.handle.db);
});
afterAll(() => database?.close());

test('embedded: a file of the data dir, readable by its owner only, the same key at the next start', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'upzento-key-'));
  try {
    const first = digestSigner(await loadDigestSigningKey(data, 'pglite', dir));
    const again = digestSigner(await loadDigestSigningKey(data, 'pglite', dir));
    expect(again.keyId).toBe(first.keyId);
    expect((await stat(path.join(dir, 'audit-signing-key.pem'))).mode & 0o777).toBe(0o600);
    // In memory: a key per process, nothing written.
    expect(digestSigner(await loadDigestSigningKey(data, 'pglite', 'memory:')).keyId).not.toBe(first.keyId);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: kept in the database, so every instance signs with the same key', async () => {
  const first = digestSigner(await loadDigestSigningKey(data, 'postgres', 'memory:'));
  const second = digestSigner(await loadDigestSigningKey(data, 'postgres', 'memory:'));
  expect(second.keyId).toBe(first.keyId);
  expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
});
