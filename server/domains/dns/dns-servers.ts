/**
 * Where the resolvers to ask come from: `UPZENTO_DNS_SERVERS`, or the system's own list.
 * Both end up as IP addresses, because a UDP reply is matched against its source address and a
 * resolver named by hostname would need DNS to find DNS.
 */
import dns from 'node:dns';
import { isIP } from 'node:net';
import type { DnsServer } from './dns-message.ts';

const DEFAULT_PORT = 53;

/**
 * Parses `host:port[,host:port…]`. The port may be left out (53). An IPv6 address with a port goes in
 * brackets (`[::1]:5353`); a bare IPv6 address is read whole, as `getServers()` prints it, port 53.
 * Throws an Error that quotes the bad entry, so a bad setting stops the start with a message that names it.
 */
export function parseDnsServers(spec: string): DnsServer[] {
  const entries = spec.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) {
    throw new Error('No DNS server given: expected host:port[,host:port…], e.g. 127.0.0.1:53 or [::1]:53');
  }
  return entries.map((entry) => {
    const parsed = parseServerEntry(entry);
    if (typeof parsed === 'string') {
      throw new Error(
        `Invalid DNS server "${entry}" in "${spec}": ${parsed}; expected host:port, e.g. 127.0.0.1:53 or [::1]:53`,
      );
    }
    return parsed;
  });
}

/** The resolvers Node itself would use (from /etc/resolv.conf or `dns.setServers`), in the same order. */
export function systemDnsServers(): DnsServer[] {
  // Through the module object: `dns.setServers()` rebinds it, and a named import would keep the old list.
  return dns.getServers().flatMap((entry) => {
    const parsed = parseServerEntry(entry);
    // getServers() only reports what c-ares accepted; an entry we cannot read is skipped, not fatal.
    return typeof parsed === 'string' ? [] : [parsed];
  });
}

/**
 * Checks a server given as an object (for `createResolver`) the way entries of the setting are checked,
 * and puts an IPv6 address in the form replies will come from. Throws an Error that names it.
 */
export function checkedDnsServer(server: DnsServer): DnsServer {
  const ipVersion = isIP(server.host);
  const port = parsePort(String(server.port));
  if (ipVersion === 0 || port === undefined) {
    throw new Error(`Invalid DNS server ${JSON.stringify(server)}: host must be an IP address and port 1-65535`);
  }
  return { host: canonicalHost(server.host), port };
}

/** A server, or why the entry is not one. */
function parseServerEntry(entry: string): DnsServer | string {
  if (entry === '') return 'the entry is empty';

  let host: string;
  let portText: string | undefined;
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close === -1) return 'the "[" of an IPv6 address is not closed';
    host = entry.slice(1, close);
    const rest = entry.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return `unexpected "${rest}" after the address`;
    if (rest !== '') portText = rest.slice(1);
    if (isIP(host) !== 6) return `"${host}" is not an IPv6 address`;
  } else if (entry.indexOf(':') !== entry.lastIndexOf(':')) {
    host = entry;
    if (isIP(host) !== 6) return `"${host}" is not an IP address (put an IPv6 address in brackets to add a port)`;
  } else {
    const colon = entry.indexOf(':');
    host = colon === -1 ? entry : entry.slice(0, colon);
    if (colon !== -1) portText = entry.slice(colon + 1);
    if (isIP(host) !== 4) return `"${host}" is not an IP address`;
  }

  const port = portText === undefined ? DEFAULT_PORT : parsePort(portText);
  if (port === undefined) return `"${portText}" is not a port number (1-65535)`;
  return { host: canonicalHost(host), port };
}

function parsePort(text: string): number | undefined {
  if (!/^[0-9]{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * Replies are matched on source address as the socket reports it, which is the compressed form;
 * `0:0:0:0:0:0:0:1` must become `::1` or no reply would ever match. Zone ids (`fe80::1%eth0`)
 * are left alone: URL cannot parse them and the kernel reports them as written.
 */
function canonicalHost(host: string): string {
  if (isIP(host) !== 6 || host.includes('%')) return host;
  return new URL(`http://[${host}]/`).hostname.slice(1, -1);
}
