/** Which addresses and URLs a webhook may target: the SSRF rules, without a database or network. */
import { describe, expect, test } from 'vitest';
import { addressBytes, checkWebhookUrl, refusedAddress } from '../../server/webhooks/address-policy.ts';

describe('refusedAddress', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:a00:1::', 'private'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['2001:db8::1', 'documentation'],
  ])('%s is refused (%s)', (address, why) => {
    expect(refusedAddress(address)).toContain(why);
  });

  test.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  test('text that is no address is refused', () => {
    expect(refusedAddress('example.com')).toBe('not an IP address');
    expect(refusedAddress('1.2.3')).toBe('not an IP address');
  });

  test('IPv6 text is read into its 16 bytes, :: and a dotted tail included', () => {
    expect([...(addressBytes('::ffff:1.2.3.4') as Uint8Array)]).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4,
    ]);
    expect([...(addressBytes('2001:db8::ff00:42:8329') as Uint8Array)]).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29,
    ]);
    expect([...(addressBytes('1::') as Uint8Array)]).toEqual([0, 1, ...Array(14).fill(0)]);
  });
});

describe('checkWebhookUrl', () => {
  test.each([
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://10.0.0.5/hook', 'private'],
    ['https://[::1]/hook', 'loopback'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://0x7f.1/hook', 'loopback'],
    ['https://2130706433/hook', 'loopback'],
    ['https://100.64.1.1/hook', 'CGNAT'],
    ['https://localhost/hook', 'not a public host name'],
    ['https://api.localhost/hook', 'not a public host name'],
    ['https://intranet/hook', 'not a public host name'],
    ['http://example.com/hook', 'must start with https://'],
    ['ftp://example.com/hook', 'must start with https://'],
    ['https://user:secret@example.com/hook', 'user name or password'],
    ['https://example.com/hook#part', 'fragment'],
    ['example.com/hook', 'not an absolute URL'],
  ])('%s is refused without the setting (%s)', (url, why) => {
    const checked = checkWebhookUrl(url, false);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toContain(why);
  });

  test('a public https URL is taken, as the URL parser normalizes it', () => {
    const checked = checkWebhookUrl('HTTPS://Hooks.Example.COM:8443/in?x=1', false);
    expect(checked.ok && checked.url.href).toBe('https://hooks.example.com:8443/in?x=1');
  });

  test('with private targets allowed, loopback and http are taken; credentials still are not', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', true).ok).toBe(true);
    expect(checkWebhookUrl('http://[::1]:4000/hook', true).ok).toBe(true);
    expect(checkWebhookUrl('http://user:pw@127.0.0.1/hook', true).ok).toBe(false);
    expect(checkWebhookUrl('file:///etc/passwd', true).ok).toBe(false);
  });
});
