import { describe, expect, it } from 'vitest';
import { challengeRecordName, normalizeHostname } from '../../server/domains/hostname.ts';

describe('normalizeHostname accepts and normalises', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM.', 'example.com'],
    ['WWW.Example.com', 'www.example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['BÜCHER.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['user.github.io', 'user.github.io'],
    ['shop.example.co.uk', 'shop.example.co.uk'],
    ['example.co.uk', 'example.co.uk'],
    ['a_b.example.com', 'a_b.example.com'],
    // IDNA maps the ideographic full stop to a dot, as browsers do.
    ['example。com', 'example.com'],
    [`${'a'.repeat(63)}.example.com`, `${'a'.repeat(63)}.example.com`],
  ])('%j → %j', (input, hostname) => {
    expect(normalizeHostname(input)).toEqual({ ok: true, hostname });
  });
});

describe('normalizeHostname rejects', () => {
  it.each([
    ['', /empty/],
    ['https://example.com/x', /is a URL/],
    ['https://example.com', /is a URL/],
    ['example.com/x', /path/],
    ['example.com?x=1', /path, query/],
    ['example.com#top', /path, query/],
    ['example.com\\x', /path/],
    ['example.com:8080', /port/],
    ['mailto:me@example.com', /user name|port/],
    ['user@example.com', /user name/],
    ['*.example.com', /wildcard/],
    [' example.com', /whitespace/],
    ['exa\tmple.com', /whitespace/],
    ['example.com\n', /whitespace/],
    ['192.168.0.1', /IP address/],
    ['0x7f.1', /IP address/],
    ['127.1', /IP address/],
    ['1.2.3.4.', /IP address/],
    ['999.1.1.1', /IP address/],
    ['[::1]', /IP address/],
    ['a..b.com', /empty label/],
    ['.example.com', /empty label/],
    ['example.com..', /empty label/],
    [`${'a'.repeat(64)}.com`, /longer than 63/],
    // Length counts the ASCII form: these 30 characters encode to a 72-character xn-- label.
    ['一严乊乯五亹仞伃伨位佲侗侼信倆倫偐偵傚傿僤儉儮兓典冝凂凧刌刱.com', /longer than 63/],
    [`${Array.from({ length: 4 }, () => 'a'.repeat(60)).join('.')}.com`, /too long/],
    ['localhost', /single name/],
    ['intranet', /single name/],
    ['com', /single name/],
    ['co.uk', /public suffix/],
    ['github.io', /public suffix/],
    ['s3.amazonaws.com', /public suffix/],
    ['xn--zz.com', /not a valid hostname/],
  ])('%j', (input, reason) => {
    const result = normalizeHostname(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('leaves room for the challenge prefix within the 253 characters of a DNS name', () => {
    const fits = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(47)}.com`;
    const over = `a${fits}`;
    expect(fits).toHaveLength(234);

    const accepted = normalizeHostname(fits);
    expect(accepted).toEqual({ ok: true, hostname: fits });
    expect(accepted.ok && challengeRecordName(accepted.hostname)).toHaveLength(253);
    expect(normalizeHostname(over)).toMatchObject({ ok: false, reason: expect.stringMatching(/too long/) });
  });
});

describe('challengeRecordName', () => {
  it('puts the challenge label in front of the hostname', () => {
    expect(challengeRecordName('xn--bcher-kva.de')).toBe('_upzento-challenge.xn--bcher-kva.de');
  });
});
