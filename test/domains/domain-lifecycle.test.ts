/**
 * Domain registration, verification against the suite's own DNS server, and the lifecycle driven by
 * a fake clock: pending → verified → failing (still authorized) → revoked; pending → expired;
 * DNS failures never change a status.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../server/db/schema.ts';
import { TenantDatabase, type PrivilegedOptions } from '../../server/db/tenant-db.ts';
import { DomainChecks } from '../../server/domains/domain-checks.ts';
import { DomainScheduler } from '../../server/domains/scheduler.ts';
import { challengeFor } from '../../server/domains/txt-challenge.ts';
import { createDomainFixture, HOUR, TIMINGS, type DomainFixture } from '../support/domain-fixture.ts';

let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture();
});
afterAll(() => f.close());

const domains = (clientId = f.clientId) => `/v1/clients/${clientId}/domains`;

async function register(hostname: string, includeSubdomains = false) {
  return f.t.call('POST', domains(), f.t.adminToken, { hostname, includeSubdomains });
}

async function verify(id: string) {
  const response = await f.t.call('POST', `${domains()}/${id}/verify`, f.t.adminToken);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function widgetConfig(origin: string) {
  return f.t.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin } });
}

interface AuditItem {
  action: string;
  actor: { type: string; id: string | null };
  target: { type: string; id: string };
  details: Record<string, unknown>;
}

/** The client's audit entries about one domain, oldest first. */
async function auditOf(domainId: string): Promise<AuditItem[]> {
  const log = await f.t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=500`, f.t.adminToken);
  const items = log.json().items as AuditItem[];
  return items.filter((item) => item.target.type === 'domain' && item.target.id === domainId).reverse();
}

/** Each entry's action and who did it: a user (the platform admin here) or the system (the scheduler). */
function actionsBy(entries: AuditItem[]): string[] {
  return entries.map((entry) => `${entry.action} by ${entry.actor.type}`);
}

describe('registration', () => {
  test('stores the host a browser would put in Origin, with a TXT challenge of its own', async () => {
    const response = await register('Shop.Example.COM.');
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      hostname: 'shop.example.com',
      includeSubdomains: false,
      status: 'pending',
      challenge: { type: 'TXT', name: '_upzento-challenge.shop.example.com' },
    });
    const token = body.challenge.value.replace(/^upzento-verification=/, '');
    expect(body.challenge.value.startsWith('upzento-verification=')).toBe(true);
    // 128 bits in base64url is 22 characters.
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    const other = (await register('other.example.com')).json();
    expect(other.challenge.value).not.toBe(body.challenge.value);
  });

  test('internationalized names are stored in their ASCII form', async () => {
    const response = await register('bücher.example');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().hostname).toBe('xn--bcher-kva.example');
  });

  test('the same host in another spelling is the same domain: 409', async () => {
    await register('dup.example.com');
    const again = await register('DUP.example.com.');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/hostname/);
  });

  test.each([
    ['https://example.com/path', /URL|path|scheme/i],
    ['example.com/path', /path/i],
    ['192.168.0.1', /IP/i],
    ['[::1]', /IP|bracket|address/i],
    ['a..b.com', /empty/i],
    [`${'a'.repeat(64)}.com`, /63|long/i],
    ['co.uk', /public suffix/i],
    ['github.io', /public suffix/i],
    ['localhost', /label|single|public suffix/i],
  ])('rejects %s with a 400 that names the field', async (hostname, reason) => {
    const response = await register(hostname);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().message).toMatch(/^hostname: /);
    expect(response.json().message).toMatch(reason);
  });

  test('a name under a public suffix is accepted', async () => {
    expect((await register('someone.github.io')).statusCode).toBe(201);
  });
});

describe('verification', () => {
  test('not found, wrong value, DNS failure, then the right value', async () => {
    const created = (await register('verify.example.com')).json();
    const name = created.challenge.name;

    let domain = await verify(created.id);
    expect(domain.status).toBe('pending');
    expect(domain.lastCheck).toMatchObject({
      outcome: 'not_found',
      queried: name,
      expected: created.challenge.value,
      found: [],
    });
    expect(domain.lastCheck.message).toContain(name);

    f.dns.setTxt(name, ['upzento-verification=somebody-elses-token', 'v=spf1 -all']);
    domain = await verify(created.id);
    expect(domain.status).toBe('pending');
    expect(domain.lastCheck.outcome).toBe('wrong_value');
    expect(domain.lastCheck.found).toEqual(['upzento-verification=somebody-elses-token', 'v=spf1 -all']);
    expect(domain.lastCheck.message).toMatch(/none is/);

    f.dns.setBehaviour(name, 'servfail');
    domain = await verify(created.id);
    expect(domain.status).toBe('pending');
    expect(domain.lastCheck.outcome).toBe('dns_failure');
    expect(domain.lastCheck.message).toMatch(/temporary/);

    f.dns.setBehaviour(name, 'normal');
    f.dns.setTxt(name, ['v=spf1 -all', created.challenge.value]);
    domain = await verify(created.id);
    expect(domain.status).toBe('verified');
    expect(domain.verifiedAt).not.toBeNull();
    expect(domain.lastCheck.outcome).toBe('matched');
  });

  test('a truncated answer is asked again over TCP, and a value split into 255-byte strings is joined', async () => {
    const created = (await register('big.example.com')).json();
    const name = created.challenge.name;
    // Enough records to overflow a UDP answer, plus the challenge split across character-strings.
    const filler = Array.from({ length: 8 }, (_, i) => `filler-${i}-${'x'.repeat(240)}`);
    const value = created.challenge.value as string;
    f.dns.setTxt(name, [...filler, [value.slice(0, 10), value.slice(10)]]);
    f.dns.setBehaviour(name, 'truncate-udp');
    const before = f.dns.queries.length;
    const domain = await verify(created.id);
    expect(domain.status).toBe('verified');
    const transports = f.dns.queries
      .slice(before)
      .filter((q) => q.name === name)
      .map((q) => q.transport);
    expect(transports).toEqual(['udp', 'tcp']);
  });

  test('a decoy reply with a wrong id is ignored', async () => {
    const created = (await register('decoy.example.com')).json();
    f.dns.setTxt(created.challenge.name, [created.challenge.value]);
    f.dns.setBehaviour(created.challenge.name, 'decoy-then-answer');
    expect((await verify(created.id)).status).toBe('verified');
  });

  test('a challenge delegated by CNAME is followed', async () => {
    const created = (await register('alias.example.com')).json();
    f.dns.setCname(created.challenge.name, 'challenges.dns-host.example');
    f.dns.setTxt('challenges.dns-host.example', [created.challenge.value]);
    expect((await verify(created.id)).status).toBe('verified');
  });

  test('registration, verification and a later manual check are audited on the domain, by the user', async () => {
    const id = await f.verifiedDomain('audited.example.com');
    await verify(id);

    const entries = await auditOf(id);
    expect(actionsBy(entries)).toEqual([
      'domain.registered by user',
      'domain.verified by user',
      'domain.checked by user',
    ]);
    expect(entries.every((entry) => entry.actor.id !== null)).toBe(true);
    expect(entries[1]?.details).toMatchObject({
      hostname: 'audited.example.com',
      from: 'pending',
      to: 'verified',
      outcome: 'matched',
      reason: 'manual',
    });
    expect(entries[2]?.details).toMatchObject({
      from: 'verified',
      to: 'verified',
      outcome: 'matched',
      reason: 'manual',
    });
  });
});

describe('lifecycle on a fake clock', () => {
  test('verified → failing (still authorized) → revoked after the grace period', async () => {
    const id = await f.verifiedDomain('life.example.com');
    const origin = 'https://life.example.com';
    expect((await widgetConfig(origin)).statusCode).toBe(200);
    const name = '_upzento-challenge.life.example.com';

    // The record disappears; the next scheduled re-check is a day later.
    f.dns.remove(name);
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    const round = await f.t.app.scheduler.runOnce();
    expect(round.ran).toBe(true);
    let domain = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === id);
    expect(domain.status).toBe('failing');
    expect(domain.failingSince).not.toBeNull();
    expect((await widgetConfig(origin)).statusCode).toBe(200);

    // A DNS failure during the grace period changes nothing.
    f.dns.setBehaviour(name, 'servfail');
    f.clock.advance(2 * HOUR);
    await f.t.app.scheduler.runOnce();
    domain = (await f.t.call('GET', domains(), f.t.adminToken)).json().items.find((d: { id: string }) => d.id === id);
    expect(domain.status).toBe('failing');
    expect(domain.lastCheck.outcome).toBe('dns_failure');
    f.dns.setBehaviour(name, 'normal');

    // Grace period over, record still missing.
    f.clock.advance(TIMINGS.gracePeriodMs);
    await f.t.app.scheduler.runOnce();
    domain = (await f.t.call('GET', domains(), f.t.adminToken)).json().items.find((d: { id: string }) => d.id === id);
    expect(domain.status).toBe('revoked');
    const refused = await widgetConfig(origin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('Domain not authorized for this client');

    const entries = await auditOf(id);
    // The DNS failure between them changed nothing, so it left no entry.
    expect(actionsBy(entries).slice(-2)).toEqual(['domain.failing by system', 'domain.revoked by system']);
    expect(entries.at(-2)?.details).toMatchObject({
      from: 'verified',
      to: 'failing',
      outcome: 'not_found',
      reason: 'scheduled',
    });
    expect(entries.at(-1)?.details).toMatchObject({
      from: 'failing',
      to: 'revoked',
      outcome: 'not_found',
      reason: 'scheduled',
    });
  });

  test('a failing domain whose record comes back is verified again', async () => {
    const id = await f.verifiedDomain('comeback.example.com');
    const name = '_upzento-challenge.comeback.example.com';
    const value = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === id).challenge.value;
    f.dns.remove(name);
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    await f.t.app.scheduler.runOnce();
    f.dns.setTxt(name, [value]);
    f.clock.advance(TIMINGS.retryIntervalMs + 1);
    await f.t.app.scheduler.runOnce();
    const domain = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === id);
    expect(domain.status).toBe('verified');
    expect(domain.failingSince).toBeNull();
  });

  test('a pending challenge never met expires after its time', async () => {
    const created = (await register('never.example.com')).json();
    f.clock.advance(TIMINGS.challengeTtlMs + HOUR);
    await f.t.app.scheduler.runOnce();
    const domain = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === created.id);
    expect(domain.status).toBe('expired');
    const entries = await auditOf(created.id);
    expect(actionsBy(entries)).toEqual(['domain.registered by user', 'domain.expired by system']);
    expect(entries[1]?.details).toMatchObject({ from: 'pending', to: 'expired' });
  });

  test('a pending domain whose record appears later is verified by the scheduler, without a click', async () => {
    const created = (await register('later.example.com')).json();
    f.dns.setTxt(created.challenge.name, [created.challenge.value]);
    f.clock.advance(TIMINGS.retryIntervalMs + 1);
    await f.t.app.scheduler.runOnce();
    const domain = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === created.id);
    expect(domain.status).toBe('verified');
  });

  test('deleting a verified domain refuses its origin at once, and is audited', async () => {
    const id = await f.verifiedDomain('gone.example.com');
    expect((await widgetConfig('https://gone.example.com')).statusCode).toBe(200);
    const deleted = await f.t.call('DELETE', `${domains()}/${id}`, f.t.adminToken);
    expect(deleted.statusCode).toBe(204);
    expect((await widgetConfig('https://gone.example.com')).statusCode).toBe(403);
    expect(actionsBy(await auditOf(id)).at(-1)).toBe('domain.deleted by user');
    expect((await f.t.call('DELETE', `${domains()}/${id}`, f.t.adminToken)).statusCode).toBe(404);
  });
});

describe('scheduler', () => {
  test('a round takes every due domain, batch after batch, and records unchanged re-checks', async () => {
    const ids: string[] = [];
    for (const name of ['batch-1', 'batch-2', 'batch-3', 'batch-4', 'batch-5'])
      ids.push(await f.verifiedDomain(`${name}.example.com`));
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    const scheduler = new DomainScheduler({
      data: f.t.data,
      lockDb: null,
      checks: f.t.app.domainChecks,
      timings: TIMINGS,
      now: f.clock.now,
      batchSize: 2,
    });
    const round = await scheduler.runOnce();
    expect(round.ran).toBe(true);
    expect(round.failed).toBe(0);
    expect(round.checked).toBeGreaterThanOrEqual(5);
    const items = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.filter((d: { id: string }) => ids.includes(d.id));
    for (const domain of items) {
      expect(domain.status).toBe('verified');
      expect(domain.lastCheck.at).toBe(f.clock.now().toISOString());
      expect(new Date(domain.nextCheckAt).getTime()).toBe(f.clock.now().getTime() + TIMINGS.recheckIntervalMs);
    }
    // Nothing is due any more.
    expect((await scheduler.runOnce()).checked).toBe(0);
  });

  test('outcomes that cannot be written fail the round, which stops taking domains; they stay due', async () => {
    for (const name of ['write-1', 'write-2', 'write-3']) await f.verifiedDomain(`${name}.example.com`);
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    const real = f.t.app.domainChecks;
    let lookups = 0;
    const checks = {
      lookup: (...args: Parameters<typeof real.lookup>) => {
        lookups += 1;
        return real.lookup(...args);
      },
      apply: real.apply.bind(real),
      expire: real.expire.bind(real),
      recordUnchanged: () => Promise.reject(new Error('the database went away')),
    } as unknown as typeof real;
    const options = { data: f.t.data, lockDb: null, timings: TIMINGS, now: f.clock.now, batchSize: 1, concurrency: 1 };
    const lastChecks = async () => {
      const items: Array<{ hostname: string; lastCheck: { at: string } }> = (
        await f.t.call('GET', domains(), f.t.adminToken)
      ).json().items;
      return items.filter((d) => d.hostname.startsWith('write-')).map((d) => d.lastCheck.at);
    };
    const checkedBefore = await lastChecks();
    await expect(new DomainScheduler({ ...options, checks }).runOnce()).rejects.toThrow('the database went away');
    // The failed round checked fewer domains than were due, and wrote none of them…
    expect(lookups).toBeGreaterThan(0);
    expect(await lastChecks()).toEqual(checkedBefore);
    // …which stay due: the next round checks and records all three.
    const again = await new DomainScheduler({ ...options, checks: real }).runOnce();
    expect(again.failed).toBe(0);
    expect(lookups).toBeLessThan(again.checked);
    expect(await lastChecks()).toEqual(checkedBefore.map(() => f.clock.now().toISOString()));
  });

  test('a TXT record holding a NUL neither stops a round nor the writing of the outcomes beside it', async () => {
    const created = (await register('nul-byte.example.com')).json();
    f.dns.setTxt(created.challenge.name, ['before\0after']);
    const beside = await f.verifiedDomain('beside-nul.example.com');
    try {
      f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
      const round = await f.t.app.scheduler.runOnce();
      expect(round.failed).toBe(0);
      const items = (await f.t.call('GET', domains(), f.t.adminToken)).json().items;
      const odd = items.find((d: { id: string }) => d.id === created.id);
      // jsonb refuses \u0000: the record is kept with U+FFFD in its place.
      expect(odd).toMatchObject({
        status: 'pending',
        lastCheck: { outcome: 'wrong_value', found: ['before\uFFFDafter'] },
      });
      expect(items.find((d: { id: string }) => d.id === beside).lastCheck.at).toBe(f.clock.now().toISOString());
    } finally {
      for (const id of [created.id, beside]) await f.t.call('DELETE', `${domains()}/${id}`, f.t.adminToken);
    }
  });

  test('a round already running is joined, not run twice', async () => {
    const [first, second] = await Promise.all([f.t.app.scheduler.runOnce(), f.t.app.scheduler.runOnce()]);
    expect(first).toBe(second);
  });
});

describe('how a re-check is committed', () => {
  /** Notes, inside each privileged transaction, whether its commit waits for the disk. */
  class CommitWatch extends TenantDatabase {
    readonly seen: string[] = [];
    override privilegedEach<R>(
      reason: string,
      fn: (db: Kysely<Database>, database: string) => Promise<R>,
      options?: PrivilegedOptions,
    ): Promise<R[]> {
      const watched = async (db: Kysely<Database>, database: string) => {
        const { rows } = await sql<{ value: string }>`SELECT current_setting('synchronous_commit') AS value`.execute(
          db,
        );
        this.seen.push(`${reason}: ${rows[0]?.value}`);
        return fn(db, database);
      };
      return super.privilegedEach(reason, watched, options);
    }
  }

  test('unchanged outcomes are written without waiting for the disk; the round reads as usual', async () => {
    const id = await f.verifiedDomain('relaxed.example.com');
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    const data = new CommitWatch(f.t.db.handle.db);
    const checks = new DomainChecks({
      data,
      resolver: f.resolver,
      timings: TIMINGS,
      now: f.clock.now,
      verdicts: { invalidate: () => {} },
    });
    const scheduler = new DomainScheduler({ data, lockDb: null, checks, timings: TIMINGS, now: f.clock.now });
    const round = await scheduler.runOnce();
    expect(round.checked).toBeGreaterThan(0);
    expect(new Set(data.seen)).toEqual(
      new Set(['scheduler: domains due for a check: on', 'scheduler: record unchanged re-checks: off']),
    );
    const [row] = await f.t.data.privileged('test: the re-checked domain', (db) =>
      db
        .selectFrom('domains')
        .select(['status', 'last_check', 'hostname', 'challenge_token'])
        .where('domain_id', '=', id)
        .execute(),
    );
    // Stored as facts only: the name asked and the value expected are the domain's own columns.
    const { value } = challengeFor(row!.hostname, row!.challenge_token);
    expect(row).toMatchObject({
      status: 'verified',
      last_check: { at: f.clock.now().toISOString(), outcome: 'matched', found: [value] },
    });
    expect(Object.keys(row!.last_check ?? {}).sort()).toEqual(['at', 'found', 'outcome']);
  });
});

describe('scheduler and a manual check at once', () => {
  test('a re-check read before a manual check does not overwrite the newer result', async () => {
    const id = await f.verifiedDomain('race.example.com');
    f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
    const [due] = await f.t.data.privileged('test: read the domain as the scheduler does', (db) =>
      db.selectFrom('domains').selectAll().where('domain_id', '=', id).execute(),
    );
    // A manual check lands after the scheduler read the row…
    await f.t.call('POST', `${domains()}/${id}/verify`, f.t.adminToken);
    const manual = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === id);
    // …and the scheduler's older result is then refused.
    const check = await f.t.app.domainChecks.lookup(due!.hostname, due!.challenge_token, 'scheduled', {
      agencyId: due!.agency_id,
      clientId: due!.client_id,
    });
    const written = await f.t.app.domainChecks.recordUnchanged([
      {
        domain: due!,
        check: { ...check, found: ['stale'] },
        next: {
          status: 'verified',
          createdAt: due!.created_at,
          verifiedAt: due!.verified_at,
          failingSince: null,
          nextCheckAt: new Date(0),
        },
      },
    ]);
    expect(written).toBe(0);
    const after = (await f.t.call('GET', domains(), f.t.adminToken))
      .json()
      .items.find((d: { id: string }) => d.id === id);
    expect(after.lastCheck).toEqual(manual.lastCheck);
  });
});
