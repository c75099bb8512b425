import { getServers, setServers } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedDnsServer } from '../../server/domains/dns/dns-servers.ts';
import { parseDnsServers, systemDnsServers } from '../../server/domains/dns/resolver.ts';

describe('parseDnsServers', () => {
  it.each([
    ['127.0.0.1:5353', [{ host: '127.0.0.1', port: 5353 }]],
    ['10.0.0.1', [{ host: '10.0.0.1', port: 53 }]],
    ['[::1]:5353', [{ host: '::1', port: 5353 }]],
    ['[2001:db8::1]', [{ host: '2001:db8::1', port: 53 }]],
    ['2001:db8::1', [{ host: '2001:db8::1', port: 53 }]],
    ['[0:0:0:0:0:0:0:1]:53', [{ host: '::1', port: 53 }]],
    [
      '127.0.0.1:5353, 10.0.0.2:53',
      [
        { host: '127.0.0.1', port: 5353 },
        { host: '10.0.0.2', port: 53 },
      ],
    ],
  ])('reads %j', (spec, expected) => {
    expect(parseDnsServers(spec)).toEqual(expected);
  });

  it.each([
    ['dns.example.com:53', /"dns\.example\.com:53".*not an IP address/],
    ['127.0.0.1:0', /"127\.0\.0\.1:0".*not a port number/],
    ['127.0.0.1:65536', /not a port number/],
    ['127.0.0.1:53x', /not a port number/],
    ['127.0.0.1:', /not a port number/],
    ['[::1:53', /not closed/],
    ['[::1]x', /unexpected "x"/],
    ['1.2.3.4:53,,5.6.7.8:53', /Invalid DNS server "".*empty/],
    ['', /No DNS server given/],
    ['  ', /No DNS server given/],
  ])('refuses %j, naming the entry', (spec, message) => {
    expect(() => parseDnsServers(spec)).toThrow(message);
  });
});

describe('checkedDnsServer', () => {
  it('puts an IPv6 address in the compressed form that replies come from', () => {
    expect(checkedDnsServer({ host: '0:0:0:0:0:0:0:1', port: 53 })).toEqual({ host: '::1', port: 53 });
    expect(checkedDnsServer({ host: '2001:DB8::1', port: 5353 })).toEqual({ host: '2001:db8::1', port: 5353 });
  });

  it('refuses a hostname or an impossible port', () => {
    expect(() => checkedDnsServer({ host: 'dns.example.com', port: 53 })).toThrow(/dns\.example\.com.*IP address/);
    expect(() => checkedDnsServer({ host: '127.0.0.1', port: 0 })).toThrow(/port/);
  });
});

describe('systemDnsServers', () => {
  const original = getServers();
  afterEach(() => setServers(original));

  it('reads the servers Node uses, with their ports', () => {
    setServers(['127.0.0.1', '127.0.0.2:5353', '::1', '[::1]:5300']);

    expect(systemDnsServers()).toEqual([
      { host: '127.0.0.1', port: 53 },
      { host: '127.0.0.2', port: 5353 },
      { host: '::1', port: 53 },
      { host: '::1', port: 5300 },
    ]);
  });
});
