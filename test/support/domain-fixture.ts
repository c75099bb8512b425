/**
 * An app wired to the test suite's own DNS server and a clock the test moves, with one agency and
 * one client provisioned by the platform admin.
 */
import { createResolver, type TxtResolver } from '../../server/domains/dns/resolver.ts';
import { DEFAULT_TIMINGS, type DomainTimings } from '../../server/domains/lifecycle.ts';
import type { AppOptions } from '../../server/app.ts';
import { startTestDnsServer, type TestDnsServer } from './dns-server.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { TestDatabase } from './test-database.ts';

export class FakeClock {
  #now: number;
  constructor(start = Date.parse('2026-01-05T10:00:00Z')) {
    this.#now = start;
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
}

export const HOUR = 3600_000;
export const TIMINGS: DomainTimings = { ...DEFAULT_TIMINGS, jitter: 0 };

export interface DomainFixture {
  t: TestApp;
  dns: TestDnsServer;
  resolver: TxtResolver;
  clock: FakeClock;
  agencyId: string;
  clientId: string;
  publicKey: string;
  /** Registers a domain, publishes its challenge in DNS and verifies it; returns its id. */
  verifiedDomain(hostname: string, includeSubdomains?: boolean, clientId?: string): Promise<string>;
  /** Provisions another client of the same agency. */
  anotherClient(name: string): Promise<{ clientId: string; publicKey: string }>;
  close(): Promise<void>;
}

export async function createDomainFixture(
  overrides: Partial<AppOptions> = {},
  db?: TestDatabase,
  dns?: TestDnsServer,
): Promise<DomainFixture> {
  const server = dns ?? (await startTestDnsServer());
  // Generous: on a loaded machine a slow answer must not read as a DNS failure.
  const resolver = createResolver({
    servers: [{ host: server.address, port: server.port }],
    timeoutMs: 2000,
    attempts: 2,
  });
  const clock = new FakeClock();
  const t = await createTestApp({ resolver, now: clock.now, timings: TIMINGS, ...overrides }, db);
  const agency = await t.call('POST', '/v1/agencies', t.adminToken, { name: 'Agency' });
  const agencyId = agency.json().id as string;
  const anotherClient = async (name: string) => {
    const response = await t.call('POST', `/v1/agencies/${agencyId}/clients`, t.adminToken, { name });
    if (response.statusCode !== 201) throw new Error(`client: ${response.body}`);
    return { clientId: response.json().id as string, publicKey: response.json().publicKey as string };
  };
  const first = await anotherClient('Client');
  return {
    t,
    dns: server,
    resolver,
    clock,
    agencyId,
    clientId: first.clientId,
    publicKey: first.publicKey,
    anotherClient,
    async verifiedDomain(hostname, includeSubdomains = false, clientId = first.clientId) {
      const created = await t.call('POST', `/v1/clients/${clientId}/domains`, t.adminToken, {
        hostname,
        includeSubdomains,
      });
      if (created.statusCode !== 201) throw new Error(`domain: ${created.body}`);
      const { id, challenge } = created.json();
      server.setTxt(challenge.name, [challenge.value]);
      const verified = await t.call('POST', `/v1/clients/${clientId}/domains/${id}/verify`, t.adminToken);
      if (verified.json().status !== 'verified') throw new Error(`verify: ${verified.body}`);
      return id as string;
    },
    async close() {
      await t.close();
      await resolver.close();
      if (!dns) await server.close();
    },
  };
}

/** The next invalidation `t`'s verdict cache hears for `clientId` ('*' for all); rejects after timeoutMs. */
export function waitForInvalidation(t: TestApp, clientId: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no invalidation of ${clientId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = t.app.verdicts.onInvalidate((id) => {
      if (id !== clientId) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
