/**
 * Signed digests of the audit chains, on the suite's database: the job signs each chain that moved,
 * the API gives the chain and its digests, and the offline verifier (server/audit/digest-verifier.ts,
 * also `npm run verify-audit`) finds every kind of tampering with rows, heads and digests, reporting
 * the right first mismatch. The exported rows are tampered with here as someone with the database's
 * rights could, including one who recomputes every SHA-256 after the change.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  digestHash,
  digestText,
  publicKeys,
  rowHash,
  verifyAuditLog,
  type ChainRow,
  type SignedDigest,
} from '../../server/audit/digest-verifier.ts';
import { digestSigner } from '../../server/audit/digest-key.ts';
import { DIGEST_LOCK_KEY } from '../../server/audit/digests.ts';
import { main as verifyAuditCli } from '../../server/audit/verify-audit-cli.ts';
import { FakeClock, HOUR } from '../support/domain-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';
import { createAgencyWithClient, createContact, createUser, expectStatus } from '../platform/provision.ts';

const clock = new FakeClock(Date.parse('2026-03-01T09:00:00Z'));
const privateKey: KeyObject = generateKeyPairSync('ed25519').privateKey;
const signer = digestSigner(privateKey);
const keys = publicKeys([signer.publicKeyPem]);

let t: TestApp;
let clientId: string;
let agencyId: string;
let clientAdmin: string;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, auditSigningKey: privateKey });
  const tree = await createAgencyWithClient(t);
  clientId = tree.client.id;
  agencyId = tree.agencyId;
  clientAdmin = (await createUser(t, t.adminToken, 'clients', clientId, 'admin')).token;
  // A row whose content tests the canonical form: quotes, backslashes, control characters, non-ASCII,
  // numbers jsonb writes its own way, keys jsonb orders its own way.
  const details = {
    note: 'line\nbreak\ttab\u0001 "q" \\ Zoë 😀 </script>\u2028',
    // biome-ignore lint/correctness/noPrecisionLoss: a number too long for a double is one of the values under test.
    big: 12345678901234567890,
    tiny: 1e-7,
    flag: true,
    none: null,
    list: ['a', 2],
    zz: { b: 1, a: [] },
    a: 'short key',
  };
  await t.data.privileged('test: a row with every kind of value', (db) =>
    sql`SELECT audit_append(${agencyId}::uuid, ${clientId}::uuid, 'client', 'system', NULL, NULL, 'test.recorded', 'test', 'target "x"',
      ${`{"n": 1.50, "exp": 1E+3, ${JSON.stringify(details).slice(1)}`}::jsonb, ${'req-"1"\\'}, '2001:db8::1')`.execute(
      db,
    ),
  );
}, 60_000);
afterAll(() => t?.close());

async function activity(n: number) {
  for (let i = 0; i < n; i++) await createContact(t, clientAdmin, clientId);
}

async function exported(token = clientAdmin, level = `clients/${clientId}`) {
  const rows: ChainRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await t.call('GET', `/v1/${level}/audit-log/chain?limit=3${cursor ? `&cursor=${cursor}` : ''}`, token);
    expectStatus(page, 200);
    rows.push(...page.json().items);
    cursor = page.json().nextCursor;
  } while (cursor);
  const digests = await t.call('GET', `/v1/${level}/audit-log/digests`, token);
  expectStatus(digests, 200);
  return { rows, digests: digests.json().items as SignedDigest[] };
}

/** Three digests over 3 × 3 contacts, an hour apart. */
let rows: ChainRow[];
let digests: SignedDigest[];

describe('the job and the API', () => {
  test('the public key is published, with its id', async () => {
    const response = await t.call('GET', '/v1/audit/digest-key', null);
    expectStatus(response, 200);
    expect(response.json()).toEqual({ algorithm: 'Ed25519', keyId: signer.keyId, publicKey: signer.publicKeyPem });
  });

  test('each run signs the chains that moved, and only those; each digest chains to the one before', async () => {
    for (let run = 0; run < 3; run++) {
      await activity(3);
      clock.advance(HOUR);
      const result = await t.app.auditDigests.runOnce();
      expect(result.ran).toBe(true);
      expect(result.written).toBeGreaterThanOrEqual(1);
    }
    expect(await t.app.auditDigests.runOnce()).toMatchObject({ written: 0 });
    // As the platform admin, who sees every row whole: the tampering below has every field to change.
    ({ rows, digests } = await exported(t.adminToken));
    expect(rows.some((row) => row.sealed)).toBe(false);
    expect(digests.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(digests[1]!.previousDigestHash).toBe(digestHash(digests[0]!));
    expect(digests[2]!.periodStart).toBe(digests[1]!.periodEnd);
    expect(digests[2]!.headSeq).toBe(rows[rows.length - 1]!.seq);
    expect(digests.reduce((sum, d) => sum + d.rowCount, 0)).toBe(rows.length);
  });

  test('a chain that did not move gets a digest again after a day, so its newest digest is never old', async () => {
    clock.advance(25 * HOUR);
    expect((await t.app.auditDigests.runOnce()).written).toBeGreaterThanOrEqual(1);
    const again = (await exported()).digests;
    expect(again).toHaveLength(4);
    expect(again[3]).toMatchObject({ rowCount: 0, headSeq: digests[2]!.headSeq, headHash: digests[2]!.headHash });
  });

  test('the rows hash, in JavaScript, exactly as the database hashed them', () => {
    expect(rows.length).toBeGreaterThan(9);
    for (const row of rows) expect(rowHash(row.prevHash, row), `row ${row.seq}`).toBe(row.hash);
    expect(
      rows.some(
        (row) => row.action === 'test.recorded' && row.details!.includes('\\u0001') && row.details!.includes('1.50'),
      ),
    ).toBe(true);
  });

  test('the untouched export verifies offline; so does the verify route', async () => {
    expect(verifyAuditLog(rows, digests, keys)).toMatchObject({
      valid: true,
      firstMismatch: null,
      rowsChecked: rows.length,
      digestsChecked: 3,
      coveredThroughSeq: digests[2]!.headSeq,
    });
    const route = await t.call('GET', `/v1/clients/${clientId}/audit-log/digests/verify`, clientAdmin);
    expectStatus(route, 200);
    expect(route.json()).toMatchObject({ valid: true, firstMismatch: null, digestsChecked: 4 });
    // The agency's own chain and the platform's are signed too.
    expect(
      (await t.call('GET', `/v1/agencies/${agencyId}/audit-log/digests/verify`, t.adminToken)).json(),
    ).toMatchObject({ valid: true });
    expect(
      (await t.call('GET', `/v1/agencies/${t.platformId}/audit-log/digests/verify`, t.adminToken)).json(),
    ).toMatchObject({ valid: true });
  });

  test('rows the reader may not see whole are sealed, and still checked by their place', async () => {
    // The platform admin acts on the client: its address and request id are not the client's to see.
    await createContact(t, t.adminToken, clientId);
    clock.advance(HOUR);
    await t.app.auditDigests.runOnce();
    const seen = await exported();
    const sealed = seen.rows.filter((row) => row.sealed);
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed[0]).toEqual({
      seq: sealed[0]!.seq,
      prevHash: expect.any(String),
      hash: expect.any(String),
      sealed: true,
    });
    expect(verifyAuditLog(seen.rows, seen.digests, keys)).toMatchObject({ valid: true, sealedRows: sealed.length });
    const whole = await exported(t.adminToken);
    expect(whole.rows.some((row) => row.sealed)).toBe(false);
  });

  test('digests are append-only for the application: no update, no delete', async () => {
    await expect(
      t.data.scoped({ agencyId, clientId }, { type: 'system', id: null, requestId: null, ip: null }, (q) =>
        sql`UPDATE audit_digests SET head_hash = '' WHERE tenant_id = ${clientId}`.execute(q.unfiltered),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      t.data.privileged('test: delete a digest', (db) =>
        sql`DELETE FROM audit_digests WHERE tenant_id = ${clientId}`.execute(db),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  test('only admins read digests and the chain, and only in their subtree', async () => {
    const viewer = (await createUser(t, t.adminToken, 'clients', clientId, 'viewer')).token;
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/audit-log/digests`, viewer), 403);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/audit-log/chain`, viewer), 403);
    const other = await createAgencyWithClient(t);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/audit-log/chain`, other.agencyAdmin.token), 404);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/audit-log/digests/verify`, other.agencyAdmin.token), 404);
  });

  test.runIf(onPostgres)('one run at a time across processes: the advisory lock', async () => {
    const other = new pg.Client({ connectionString: t.db.url as string });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [DIGEST_LOCK_KEY.toString()]);
      expect(await t.app.auditDigests.runOnce()).toEqual({ ran: false, written: 0, failed: 0 });
      await other.query('SELECT pg_advisory_unlock($1::bigint)', [DIGEST_LOCK_KEY.toString()]);
    } finally {
      await other.end();
    }
  });
});

/** The rows again, each hash recomputed from `from` on, as someone rewriting the chain would. */
function rechained(list: ChainRow[], from = 0): ChainRow[] {
  const out = list.map((row) => ({ ...row }));
  for (let i = from; i < out.length; i++) {
    const row = out[i]!;
    row.prevHash = i === 0 ? '' : out[i - 1]!.hash;
    row.hash = rowHash(row.prevHash, row);
  }
  return out;
}

/** A digest with changed fields, signed again with the deployment's key (a forger who has it). */
function resigned(d: SignedDigest, change: Partial<SignedDigest>): SignedDigest {
  const next = { ...d, ...change };
  return { ...next, signature: signer.sign(digestText(next)) };
}

const mismatchOf = (r: ChainRow[], d: SignedDigest[] = digests) => verifyAuditLog(r, d, keys).firstMismatch;

describe('tampering with rows is caught at the first row it touches', () => {
  test('a changed field', () => {
    const k = 4;
    const changed = rows.map((row) => (row.seq === k ? { ...row, action: 'contact.deleted' } : row));
    expect(mismatchOf(changed)).toMatchObject({ kind: 'row', seq: k, reason: 'content' });
    const ip = rows.map((row) =>
      row.seq === k + 1 ? { ...row, details: row.details!.replace('}', ', "x": 1}') } : row,
    );
    expect(mismatchOf(ip)).toMatchObject({ kind: 'row', seq: k + 1, reason: 'content' });
  });

  test('a deleted row', () => {
    expect(mismatchOf(rows.filter((row) => row.seq !== 5))).toMatchObject({ kind: 'row', seq: 5, reason: 'missing' });
    // The newest rows a digest covers, deleted: the log ends before the head the digest signed.
    const head = digests[2]!.headSeq;
    expect(mismatchOf(rows.filter((row) => row.seq < head))).toMatchObject({
      kind: 'row',
      seq: head,
      reason: 'missing',
    });
  });

  test('an inserted row', () => {
    const copy = { ...rows[5]!, action: 'user.created' };
    const inserted = [...rows.slice(0, 6), copy, ...rows.slice(6)];
    expect(mismatchOf(inserted)).toMatchObject({ kind: 'row', seq: copy.seq, reason: 'out_of_order' });
    // Inserted and every later seq and hash recomputed: the chain is consistent, the signed head is not.
    const renumbered = [
      ...rows.slice(0, 6),
      { ...copy, seq: rows[5]!.seq + 1 },
      ...rows.slice(6).map((row) => ({ ...row, seq: row.seq + 1 })),
    ];
    const forged = rechained(renumbered, 6);
    const firstDigestAfter = digests.find((d) => d.headSeq >= 7)!;
    expect(mismatchOf(forged)).toMatchObject({ kind: 'digest', seq: firstDigestAfter.seq, reason: 'head' });
  });

  test('reordered rows', () => {
    const swapped = [...rows];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(mismatchOf(swapped)).toMatchObject({ kind: 'row', seq: 4, reason: 'out_of_order' });
    // Their contents swapped under the same seqs, hashes recomputed: only the digest can tell.
    const contents = rows.map((row) => ({ ...row }));
    const a = contents[3]!;
    const b = contents[4]!;
    contents[3] = { ...b, seq: a.seq, prevHash: a.prevHash, hash: a.hash };
    contents[4] = { ...a, seq: b.seq, prevHash: b.prevHash, hash: b.hash };
    expect(mismatchOf(contents)).toMatchObject({ kind: 'row', seq: 4, reason: 'content' });
    const forged = rechained(contents, 3);
    expect(mismatchOf(forged)).toMatchObject({
      kind: 'digest',
      seq: digests.find((d) => d.headSeq >= 4)!.seq,
      reason: 'head',
    });
  });

  test('a row’s link to the one before', () => {
    const relinked = rows.map((row) => (row.seq === 6 ? { ...row, prevHash: rows[3]!.hash } : row));
    expect(mismatchOf(relinked)).toMatchObject({ kind: 'row', seq: 6, reason: 'prev_hash' });
  });
});

describe('tampering with heads and digests is caught at the first digest it touches', () => {
  test('a changed field, not signed again: the signature', () => {
    const changed = digests.map((d) => (d.seq === 2 ? { ...d, rowCount: d.rowCount + 1 } : d));
    expect(mismatchOf(rows, changed)).toMatchObject({ kind: 'digest', seq: 2, reason: 'signature' });
    const head = digests.map((d) => (d.seq === 3 ? { ...d, headHash: rows[2]!.hash } : d));
    expect(mismatchOf(rows, head)).toMatchObject({ kind: 'digest', seq: 3, reason: 'signature' });
  });

  test('a bad signature, or one by a key not given', () => {
    const bad = digests.map((d) => (d.seq === 1 ? { ...d, signature: Buffer.alloc(64, 7).toString('base64') } : d));
    expect(mismatchOf(rows, bad)).toMatchObject({ kind: 'digest', seq: 1, reason: 'signature' });
    const otherKey = publicKeys([generateKeyPairSync('ed25519').publicKey]);
    expect(verifyAuditLog(rows, digests, otherKey).firstMismatch).toMatchObject({
      kind: 'digest',
      seq: 1,
      reason: 'unknown_key',
    });
  });

  test('a broken digest chain, even signed again', () => {
    const broken = digests.map((d) => (d.seq === 2 ? resigned(d, { previousDigestHash: 'a'.repeat(64) }) : d));
    expect(mismatchOf(rows, broken)).toMatchObject({ kind: 'digest', seq: 2, reason: 'chain' });
  });

  test('a removed digest', () => {
    expect(
      mismatchOf(
        rows,
        digests.filter((d) => d.seq !== 2),
      ),
    ).toMatchObject({ kind: 'digest', seq: 2, reason: 'missing' });
    expect(
      mismatchOf(
        rows,
        digests.filter((d) => d.seq !== 1),
      ),
    ).toMatchObject({ kind: 'digest', seq: 1, reason: 'missing' });
  });

  test('a head changed and signed again: the rows do not reach it', () => {
    const d2 = digests[1]!;
    const moved = digests.map((d) => (d.seq === 2 ? resigned(d, { headHash: rows[0]!.hash }) : d));
    // Digest 3 still names the old hash of digest 2: the chain breaks there first, unless it is signed again too.
    const relinked = moved.map((d) => (d.seq === 3 ? resigned(d, { previousDigestHash: digestHash(moved[1]!) }) : d));
    expect(mismatchOf(rows, relinked)).toMatchObject({ kind: 'digest', seq: 2, reason: 'head' });
    expect(d2.headSeq).toBeGreaterThan(0);
  });

  test('the first mismatch is the earliest in the chain: a row before a bad digest', () => {
    const bad = digests.map((d) => (d.seq === 3 ? { ...d, signature: Buffer.alloc(64).toString('base64') } : d));
    const changed = rows.map((row) => (row.seq === 2 ? { ...row, targetId: 'x' } : row));
    expect(mismatchOf(changed, bad)).toMatchObject({ kind: 'row', seq: 2 });
    expect(mismatchOf(rows, bad)).toMatchObject({ kind: 'digest', seq: 3, reason: 'signature' });
  });
});

describe('npm run verify-audit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'upzento-verify-'));
    await writeFile(path.join(dir, 'key.pem'), signer.publicKeyPem);
    await writeFile(path.join(dir, 'log.json'), JSON.stringify({ items: rows }));
    await writeFile(path.join(dir, 'digests.json'), JSON.stringify({ items: digests }));
    await writeFile(
      path.join(dir, 'tampered.json'),
      JSON.stringify({ items: rows.map((row) => (row.seq === 3 ? { ...row, actorId: null } : row)) }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('the function a command line calls: 0 when the files match, 1 at the first mismatch, 2 for missing files', async () => {
    const files = (log: string) => [
      '--public-key',
      path.join(dir, 'key.pem'),
      '--log',
      path.join(dir, log),
      '--digests',
      path.join(dir, 'digests.json'),
      '--json',
    ];
    expect(await verifyAuditCli(files('log.json'))).toBe(0);
    expect(await verifyAuditCli(files('tampered.json'))).toBe(1);
    expect(await verifyAuditCli(files('nowhere.json'))).toBe(2);
    expect(await verifyAuditCli(['--log', 'x'])).toBe(2);
  });

  test('the npm script', async () => {
    const run = (log: string) =>
      promisify(execFile)(
        'npm',
        [
          'run',
          '--silent',
          'verify-audit',
          '--',
          '--public-key',
          path.join(dir, 'key.pem'),
          '--log',
          path.join(dir, log),
          '--digests',
          path.join(dir, 'digests.json'),
        ],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
        },
      );
    const ok = await run('log.json');
    expect(ok.stdout).toContain('matches its signed digests');
    await expect(run('tampered.json')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('row 3: its content does not hash'),
    });
  }, 30_000);
  test('upzento audit verify-digests: the same check from the command line, with no server', async () => {
    const run = (log: string, ...extra: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          'bin/upzento.mjs',
          'audit',
          'verify-digests',
          '--public-key',
          path.join(dir, 'key.pem'),
          '--log',
          path.join(dir, log),
          '--digests',
          path.join(dir, 'digests.json'),
          ...extra,
        ],
        { cwd: path.resolve(import.meta.dirname, '../..'), env: { ...process.env, NO_COLOR: '1' } },
      );
    const ok = await run('log.json', '--json');
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, rowsChecked: rows.length });
    await expect(run('tampered.json')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('row 3: its content does not hash'),
    });
    await expect(run('nowhere.json')).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
