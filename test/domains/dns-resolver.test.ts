import { createSocket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResolver, type TxtLookup, type TxtResolver } from '../../server/domains/dns/resolver.ts';
import { startTestDnsServer, type TestDnsServer } from '../support/dns-server.ts';

const NAME = '_upzento-challenge.example.com';

let dns: TestDnsServer;
let resolver: TxtResolver;

beforeEach(async () => {
  dns = await startTestDnsServer();
  resolver = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 300 });
});

afterEach(async () => {
  await resolver.close();
  await dns.close();
});

function expectFailure(lookup: TxtLookup): Extract<TxtLookup, { ok: false }> {
  if (lookup.ok) throw new Error(`expected a failure, got records ${JSON.stringify(lookup.records)}`);
  return lookup;
}

describe('resolveTxt', () => {
  it('returns every TXT record of the name, one string each', async () => {
    dns.setTxt(NAME, ['upzento-verification=abc', 'v=spf1 -all']);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup).toEqual({
      ok: true,
      name: NAME,
      records: ['upzento-verification=abc', 'v=spf1 -all'],
      cnameChain: [],
      server: `127.0.0.1:${dns.port}`,
    });
    expect(dns.queries).toEqual([{ name: NAME, type: 'TXT', transport: 'udp' }]);
  });

  it('joins the character-strings of one record', async () => {
    dns.setTxt(NAME, [['upzento-', 'verification=', 'abc']]);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual(['upzento-verification=abc']);
  });

  it('ignores a trailing dot and matches the answer case-insensitively', async () => {
    dns.setTxt(NAME, ['upzento-verification=abc']);

    const lookup = await resolver.resolveTxt('_UPZENTO-challenge.Example.COM.');

    expect(lookup).toMatchObject({
      ok: true,
      name: '_UPZENTO-challenge.Example.COM',
      records: ['upzento-verification=abc'],
    });
  });

  it('reports a name that does not exist as NXDOMAIN, permanent', async () => {
    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'NXDOMAIN', temporary: false, name: NAME, server: `127.0.0.1:${dns.port}` });
    expect(failure.message).toMatch(/^No TXT record at _upzento-challenge\.example\.com \(the name does not exist\)/);
  });

  it('reports a name without TXT records as NO_DATA, permanent', async () => {
    dns.setTxt(NAME, []);

    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'NO_DATA', temporary: false });
    expect(failure.message).toContain('has no TXT record');
  });

  it('reports SERVFAIL as temporary, after trying every attempt', async () => {
    dns.setTxt(NAME, ['x']);
    dns.setBehaviour(NAME, 'servfail');

    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'SERVFAIL', temporary: true });
    expect(dns.queries).toHaveLength(2);
  });

  it('reports REFUSED as temporary and does not ask the refusing server again', async () => {
    dns.setTxt(NAME, ['x']);
    dns.setBehaviour(NAME, 'refused');

    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'REFUSED', temporary: true });
    expect(dns.queries).toHaveLength(1);
  });

  it('reports a silent server as TIMEOUT once every attempt has run out', async () => {
    dns.setTxt(NAME, ['x']);
    dns.setBehaviour(NAME, 'timeout');
    const started = performance.now();

    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'TIMEOUT', temporary: true });
    expect(dns.queries).toHaveLength(2);
    // Two tries of 300 ms each: not cut short, and not stuck far beyond.
    expect(performance.now() - started).toBeGreaterThanOrEqual(550);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('ignores a reply with the wrong id and waits for the real one', async () => {
    dns.setTxt(NAME, ['upzento-verification=real']);
    dns.setBehaviour(NAME, 'decoy-then-answer');

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual(['upzento-verification=real']);
    expect(dns.queries).toHaveLength(1);
  });

  it('asks again over TCP when the UDP reply is truncated, and joins a value split into 255-byte strings', async () => {
    const token = `upzento-verification=${'t'.repeat(600)}`;
    dns.setTxt(NAME, [token]);
    dns.setBehaviour(NAME, 'truncate-udp');

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual([token]);
    expect(dns.queries.map((query) => query.transport)).toEqual(['udp', 'tcp']);
  });

  it('moves to TCP by itself when the answer outgrows the advertised EDNS size', async () => {
    const records = Array.from({ length: 6 }, (_, index) => `${index}:${'v'.repeat(300)}`);
    dns.setTxt(NAME, records);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual(records);
    expect(dns.queries.map((query) => query.transport)).toEqual(['udp', 'tcp']);
  });

  it('joins the bytes before decoding, so a character split across two strings survives', async () => {
    // 254 ASCII bytes, then a 2-byte "ü" whose bytes land in the first and second string.
    const value = `${'a'.repeat(254)}ü-end`;
    dns.setTxt(NAME, [value]);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual([value]);
  });

  it('follows a CNAME chain to the records of its last name', async () => {
    dns.setCname(NAME, 'verify.agency.test');
    dns.setCname('verify.agency.test', 'tokens.agency.test');
    dns.setTxt('tokens.agency.test', ['upzento-verification=abc']);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup).toMatchObject({
      ok: true,
      records: ['upzento-verification=abc'],
      cnameChain: ['verify.agency.test', 'tokens.agency.test'],
    });
  });

  it('ignores TXT records in the answer whose owner is not the end of the chain', async () => {
    dns.setTxt(NAME, ['upzento-verification=stale']);
    dns.setCname(NAME, 'tokens.agency.test');
    dns.setTxt('tokens.agency.test', ['upzento-verification=abc']);

    const lookup = await resolver.resolveTxt(NAME);

    expect(lookup.ok && lookup.records).toEqual(['upzento-verification=abc']);
  });

  it('reports NXDOMAIN when the CNAME target does not exist, naming the alias', async () => {
    dns.setCname(NAME, 'gone.agency.test');

    const failure = expectFailure(await resolver.resolveTxt(NAME));

    expect(failure).toMatchObject({ code: 'NXDOMAIN', temporary: false, alias: 'gone.agency.test' });
    expect(failure.message).toContain('gone.agency.test');
  });

  it('names no alias when the name asked is itself missing', async () => {
    const failure = expectFailure(await resolver.resolveTxt('missing.agency.test'));

    expect(failure.code).toBe('NXDOMAIN');
    expect(failure).not.toHaveProperty('alias');
  });

  it('stops a CNAME loop with CNAME_LOOP', async () => {
    dns.setCname(NAME, 'a.loop.test');
    dns.setCname('a.loop.test', 'b.loop.test');
    dns.setCname('b.loop.test', NAME);

    expect(expectFailure(await resolver.resolveTxt(NAME))).toMatchObject({ code: 'CNAME_LOOP', temporary: false });
  });

  it('stops a chain longer than maxCnameDepth with CNAME_LOOP, and follows one that fits', async () => {
    const bounded = createResolver({ servers: [{ host: dns.address, port: dns.port }], maxCnameDepth: 3 });
    try {
      dns.setCname('long.test', 'l1.test');
      dns.setCname('l1.test', 'l2.test');
      dns.setCname('l2.test', 'l3.test');
      dns.setCname('l3.test', 'l4.test');
      dns.setTxt('l4.test', ['deep']);
      dns.setCname('short.test', 'l2.test');

      expect(expectFailure(await bounded.resolveTxt('long.test')).code).toBe('CNAME_LOOP');
      expect(await bounded.resolveTxt('short.test')).toMatchObject({
        ok: true,
        records: ['deep'],
        cnameChain: ['l2.test', 'l3.test', 'l4.test'],
      });
    } finally {
      await bounded.close();
    }
  });

  it('settles a pending lookup when the resolver is closed', async () => {
    dns.setTxt(NAME, ['x']);
    dns.setBehaviour(NAME, 'timeout');
    const slow = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 60_000 });

    const pending = slow.resolveTxt(NAME);
    await waitFor(() => dns.queries.length === 1);
    const started = performance.now();
    await slow.close();

    expect(expectFailure(await pending)).toMatchObject({ code: 'NETWORK', temporary: true });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(expectFailure(await slow.resolveTxt(NAME)).code).toBe('NETWORK');
    expect(dns.queries).toHaveLength(1);
  });

  it('gives up at once when the caller aborts', async () => {
    dns.setTxt(NAME, ['x']);
    dns.setBehaviour(NAME, 'timeout');
    const slow = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 60_000 });
    try {
      const controller = new AbortController();
      const pending = slow.resolveTxt(NAME, { signal: controller.signal });
      await waitFor(() => dns.queries.length === 1);
      controller.abort();

      const failure = expectFailure(await pending);
      expect(failure).toMatchObject({ code: 'TIMEOUT', temporary: true });
      expect(failure.message).toContain('cancelled');
      expect(dns.queries).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('takes replies from a server given by its IPv4-mapped IPv6 address', async () => {
    dns.setTxt(NAME, ['upzento-verification=abc']);
    const mapped = createResolver({
      servers: [{ host: '::ffff:127.0.0.1', port: dns.port }],
      timeoutMs: 1000,
      attempts: 1,
    });
    try {
      expect(await mapped.resolveTxt(NAME)).toMatchObject({ ok: true, records: ['upzento-verification=abc'] });
    } finally {
      await mapped.close();
    }
  });

  it('refuses a name that is not a DNS name instead of sending it', async () => {
    await expect(resolver.resolveTxt('a..b.test')).rejects.toThrow(RangeError);
    await expect(resolver.resolveTxt(`${'x'.repeat(64)}.test`)).rejects.toThrow(RangeError);
    expect(dns.queries).toHaveLength(0);
  });
});

describe('several servers', () => {
  let second: TestDnsServer;

  beforeEach(async () => {
    second = await startTestDnsServer();
  });

  afterEach(async () => {
    await second.close();
  });

  it('asks the second server when the first times out, before trying the first again', async () => {
    dns.setBehaviour(NAME, 'timeout');
    second.setTxt(NAME, ['upzento-verification=abc']);
    const both = createResolver({
      servers: [
        { host: dns.address, port: dns.port },
        { host: second.address, port: second.port },
      ],
      timeoutMs: 200,
    });
    try {
      const lookup = await both.resolveTxt(NAME);

      expect(lookup).toMatchObject({
        ok: true,
        records: ['upzento-verification=abc'],
        server: `127.0.0.1:${second.port}`,
      });
      expect(dns.queries).toHaveLength(1);
      expect(second.queries).toHaveLength(1);
    } finally {
      await both.close();
    }
  });

  it('moves on at once from a server whose port is closed, without waiting for its time limit', async () => {
    second.setTxt(NAME, ['upzento-verification=abc']);
    const closedPort = await portNobodyListensOn();
    const both = createResolver({
      servers: [
        { host: '127.0.0.1', port: closedPort },
        { host: second.address, port: second.port },
      ],
      timeoutMs: 5000,
    });
    try {
      const started = performance.now();
      const lookup = await both.resolveTxt(NAME);

      expect(lookup).toMatchObject({
        ok: true,
        records: ['upzento-verification=abc'],
        server: `127.0.0.1:${second.port}`,
      });
      // The refusal (ICMP port unreachable) arrives in well under the 5 s the silence would have cost.
      expect(performance.now() - started).toBeLessThan(2500);
    } finally {
      await both.close();
    }
  });

  it('does not move on from a permanent answer', async () => {
    second.setTxt(NAME, ['upzento-verification=abc']);
    const both = createResolver({
      servers: [
        { host: dns.address, port: dns.port },
        { host: second.address, port: second.port },
      ],
    });
    try {
      expect(expectFailure(await both.resolveTxt(NAME)).code).toBe('NXDOMAIN');
      expect(second.queries).toHaveLength(0);
    } finally {
      await both.close();
    }
  });
});

describe('re-querying a CNAME target', () => {
  it('asks for the target when the answer holds only the CNAME', async () => {
    const authoritative = await startTestDnsServer({ followCnames: false });
    const direct = createResolver({ servers: [{ host: authoritative.address, port: authoritative.port }] });
    try {
      authoritative.setCname(NAME, 'tokens.agency.test');
      authoritative.setTxt('tokens.agency.test', ['upzento-verification=abc']);

      const lookup = await direct.resolveTxt(NAME);

      expect(lookup).toMatchObject({
        ok: true,
        records: ['upzento-verification=abc'],
        cnameChain: ['tokens.agency.test'],
      });
      expect(authoritative.queries.map((query) => query.name)).toEqual([NAME, 'tokens.agency.test']);
    } finally {
      await direct.close();
      await authoritative.close();
    }
  });

  it('still stops a loop when every step needs its own query', async () => {
    const authoritative = await startTestDnsServer({ followCnames: false });
    const direct = createResolver({ servers: [{ host: authoritative.address, port: authoritative.port }] });
    try {
      authoritative.setCname('a.loop.test', 'b.loop.test');
      authoritative.setCname('b.loop.test', 'a.loop.test');

      expect(expectFailure(await direct.resolveTxt('a.loop.test')).code).toBe('CNAME_LOOP');
      expect(authoritative.queries).toHaveLength(2);
    } finally {
      await direct.close();
      await authoritative.close();
    }
  });
});

describe('createResolver', () => {
  it('refuses options that cannot work', () => {
    expect(() => createResolver({ servers: [] })).toThrow(/at least one/);
    expect(() => createResolver({ servers: [{ host: '127.0.0.1', port: 53 }], timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createResolver({ servers: [{ host: '127.0.0.1', port: 53 }], attempts: 1.5 })).toThrow(/attempts/);
    expect(() => createResolver({ servers: [{ host: 'localhost', port: 53 }] })).toThrow(/IP address/);
    expect(() => createResolver({ servers: [{ host: '127.0.0.1', port: 70000 }] })).toThrow(/port/);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A UDP port that was just free on 127.0.0.1: bound, then closed again. */
async function portNobodyListensOn(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
