/**
 * One re-check round at a time across server processes: the round takes a session advisory lock on
 * the direct connection, and a process that cannot get it skips the round. PostgreSQL only: the
 * embedded database belongs to one process and needs no lock.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SCHEDULER_LOCK_KEY } from '../../server/domains/scheduler.ts';
import { createDomainFixture, TIMINGS, type DomainFixture } from '../support/domain-fixture.ts';
import { onPostgres } from '../support/test-database.ts';

let f: DomainFixture;
beforeAll(async () => {
  if (onPostgres) f = await createDomainFixture();
});
afterAll(async () => {
  await f?.close();
});

test.runIf(onPostgres)(
  'a round is skipped while another process holds the lock, and runs once it is free',
  async () => {
    await f.verifiedDomain('locked.example.com');
    f.clock.advance(TIMINGS.recheckIntervalMs * 2);

    // Another "process": its own connection, holding the same session lock.
    const other = new pg.Client({ connectionString: f.t.db.url as string });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [SCHEDULER_LOCK_KEY.toString()]);
      const skipped = await f.t.app.scheduler.runOnce();
      expect(skipped).toEqual({ ran: false, checked: 0, expired: 0, failed: 0 });
      await other.query('SELECT pg_advisory_unlock($1::bigint)', [SCHEDULER_LOCK_KEY.toString()]);
      const ran = await f.t.app.scheduler.runOnce();
      expect(ran.ran).toBe(true);
      expect(ran.checked).toBeGreaterThanOrEqual(1);
    } finally {
      await other.end();
    }
  },
);
