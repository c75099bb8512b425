import { describe, expect, it, test } from 'vitest';
import { decideOrigin, MALFORMED_ORIGIN, type OriginPolicy } from '../../server/embedding/origin-policy.ts';

const policy: OriginPolicy = {
  domains: [
    { hostname: 'example.com', includeSubdomains: false },
    { hostname: 'shop.test', includeSubdomains: true },
    { hostname: 'xn--bcher-kva.de', includeSubdomains: false },
  ],
  allowLocalhost: false,
};
const withLocalhost: OriginPolicy = { ...policy, allowLocalhost: true };

describe('decideOrigin allows', () => {
  it.each([
    ['https://example.com', 'the verified host'],
    ['https://EXAMPLE.com', 'the verified host in capitals, which WHATWG lower-cases'],
    ['https://Example.COM', 'mixed case'],
    ['https://shop.test', 'a domain verified with subdomains, itself'],
    ['https://www.shop.test', 'a subdomain of a domain verified with subdomains'],
    ['https://a.b.c.shop.test', 'a deep subdomain'],
    ['https://WWW.Shop.Test', 'a subdomain in capitals'],
    ['https://xn--bcher-kva.de', 'an IDN as browsers send it, in punycode'],
  ])('%s (%s), echoing it exactly', (origin) => {
    expect(decideOrigin(origin, policy)).toEqual({ allowed: true, origin });
  });
});

describe('decideOrigin denies', () => {
  it.each([
    [undefined, /no Origin/],
    ['', /no Origin/],
    ['null', /opaque/],
    ['http://example.com', /not https/],
    ['ws://example.com', /scheme:\/\/host/],
    ['ftp://example.com', /scheme:\/\/host/],
    ['file://example.com', /scheme:\/\/host/],
    ['example.com', /scheme:\/\/host/],
    ['//example.com', /scheme:\/\/host/],
    ['https:example.com', /scheme:\/\/host/],
    ['https://example.com:8443', /names a port/],
    // Browsers never write the default port; an Origin that does is not one a browser sent.
    ['https://example.com:443', /names a port/],
    ['https://example.com:0443', /scheme:\/\/host/],
    ['https://example.com:', /scheme:\/\/host/],
    ['https://example.com:99999', /scheme:\/\/host/],
    ['https://example.com.', /ends in a dot/],
    ['https://www.shop.test.', /ends in a dot/],
    ['https://example.com/', /scheme:\/\/host/],
    ['https://example.com/path', /scheme:\/\/host/],
    ['https://example.com?x', /scheme:\/\/host/],
    ['https://example.com#x', /scheme:\/\/host/],
    ['https://example.com\\', /scheme:\/\/host/],
    ['https://user@example.com', /scheme:\/\/host/],
    ['https://evil.test@example.com', /scheme:\/\/host/],
    ['https://ex%61mple.com', /scheme:\/\/host/],
    ['https://exa\tmple.com', /scheme:\/\/host/],
    [' https://example.com', /scheme:\/\/host/],
    ['https://example.com ', /scheme:\/\/host/],
    ['https://evil-example.com', /not a verified domain/],
    ['https://notexample.com', /not a verified domain/],
    ['https://example.com.evil.test', /not a verified domain/],
    ['https://www.example.com', /not a verified domain/],
    ['https://shop.test.evil.test', /not a verified domain/],
    ['https://evilshop.test', /not a verified domain/],
    ['https://.shop.test', /scheme:\/\/host/],
    ['https://a..shop.test', /scheme:\/\/host/],
    ['https://xn--zz.shop.test', /scheme:\/\/host/],
    ['http://www.shop.test', /not https/],
    ['https://com', /not a verified domain/],
    ['https://127.0.0.2', /not a verified domain/],
    ['https://0x7f.1', /loopback/i],
    // Browsers send hosts in punycode: a header with other bytes was not written by one, even when
    // WHATWG would map it onto a verified host (a soft hyphen vanishes from a host).
    ['https://bücher.de', /printable ASCII/],
    ['https://exa\u00admple.com', /printable ASCII/],
    [`https://${'a'.repeat(300)}.shop.test`, /at most 270 characters/],
  ])('%j', (origin, reason) => {
    const decision = decideOrigin(origin, policy);
    expect(decision.allowed).toBe(false);
    expect(!decision.allowed && decision.reason).toMatch(reason);
  });
});

test('a malformed Origin is not repeated in the reason, which is logged', () => {
  const origin = `https://${'\u00ad'.repeat(16_000)}example.com`;
  expect(decideOrigin(origin, policy)).toBe(MALFORMED_ORIGIN);
  expect(JSON.stringify(MALFORMED_ORIGIN)).not.toContain('\u00ad');
});

describe('loopback origins', () => {
  const loopback = [
    'http://localhost',
    'http://localhost:3000',
    'https://localhost:8443',
    'http://127.0.0.1:5173',
    'https://127.0.0.1',
    'http://[::1]:8080',
    'http://[::1]',
  ];

  it.each(loopback)('%s is allowed only when the client allows localhost', (origin) => {
    expect(decideOrigin(origin, withLocalhost)).toEqual({ allowed: true, origin });
    expect(decideOrigin(origin, policy)).toMatchObject({ allowed: false, reason: expect.stringMatching(/Loopback/) });
  });

  it.each([
    ['http://localhost:0', /scheme:\/\/host/],
    ['http://localhost:65536', /scheme:\/\/host/],
    ['http://localhost.evil.test:3000', /not https/],
    ['http://127.0.0.1.evil.test', /not https/],
    ['http://localhost/app', /scheme:\/\/host/],
    ['ws://localhost:3000', /scheme:\/\/host/],
  ])('%s is still denied with localhost on', (origin, reason) => {
    const decision = decideOrigin(origin, withLocalhost);
    expect(decision.allowed).toBe(false);
    expect(!decision.allowed && decision.reason).toMatch(reason);
  });

  it('does not let localhost stand in for a verified domain', () => {
    expect(decideOrigin('https://example.com', withLocalhost)).toEqual({
      allowed: true,
      origin: 'https://example.com',
    });
    expect(decideOrigin('http://example.com', withLocalhost).allowed).toBe(false);
  });
});

describe('a client with no verified domains', () => {
  it('allows nothing but, when enabled, loopback', () => {
    const empty: OriginPolicy = { domains: [], allowLocalhost: true };
    expect(decideOrigin('https://example.com', empty).allowed).toBe(false);
    expect(decideOrigin('http://localhost:3000', empty).allowed).toBe(true);
  });
});
