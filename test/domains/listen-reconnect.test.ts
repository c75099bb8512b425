/**
 * The LISTEN that keeps verdict caches in step survives its connection: when the session is
 * killed, the listener reconnects, LISTENs again, and drops every cached verdict, since
 * notifications sent while it was away are lost. PostgreSQL only (PGlite has no sessions to lose).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POLICY_CHANNEL } from '../../server/embedding/policy-events.ts';
import { createDomainFixture, waitForInvalidation, type DomainFixture } from '../support/domain-fixture.ts';
import { onPostgres } from '../support/test-database.ts';

let f: DomainFixture;
beforeAll(async () => {
  if (onPostgres) f = await createDomainFixture();
});
afterAll(async () => {
  await f?.close();
});

test.runIf(onPostgres)('a killed LISTEN session is restored, and everything cached is dropped', async () => {
  const config = () =>
    f.t.app.inject({
      method: 'GET',
      url: `/v1/widget/${f.publicKey}/config`,
      headers: { origin: 'https://relisten.example.com' },
    });
  await f.verifiedDomain('relisten.example.com');
  expect((await config()).statusCode).toBe(200);

  const admin = new pg.Client({ connectionString: f.t.db.url as string });
  await admin.connect();
  try {
    const resumed = waitForInvalidation(f.t, '*');
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
        WHERE application_name = 'upzento-listen' AND datname = current_database()`,
    );
    expect(killed.rows.length).toBeGreaterThan(0);
    await resumed;

    // Listening again: a notification reaches the cache.
    const arrived = waitForInvalidation(f.t, f.clientId);
    await admin.query('SELECT pg_notify($1, $2)', [POLICY_CHANNEL, f.clientId]);
    await arrived;
  } finally {
    await admin.end();
  }
  expect((await config()).statusCode).toBe(200);
});
