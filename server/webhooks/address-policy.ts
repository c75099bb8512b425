/**
 * Where a webhook may go. A delivery is a request the server makes on a client's behalf, so without
 * a check a client could aim it at the server's own network (SSRF): loopback, private ranges, the
 * cloud metadata address, and every other range that is not the public internet are refused, in
 * IPv4 and IPv6, including IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4). The URL is
 * checked when it is registered, and each resolved address again before every delivery connects.
 */
import { isIP } from 'node:net';

/** IPv4 ranges that are not the public internet (RFC 6890 and the multicast and reserved blocks). */
const IPV4_REFUSED: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata among them)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved (and broadcast)'],
];

/** IPv6 ranges that are not the public internet; the forms that embed IPv4 are unwrapped before these. */
const IPV6_REFUSED: ReadonlyArray<readonly [string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'IETF protocol assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

/** The 4 or 16 bytes of an IP address, or null when the text is none. */
export function addressBytes(address: string): Uint8Array | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const kind = isIP(bare);
  if (kind === 4) return Uint8Array.from(bare.split('.').map(Number));
  if (kind !== 6) return null;
  // A zone (fe80::1%eth0) names an interface, not a host: the address before it is what is checked.
  let text = bare.split('%')[0] as string;
  const bytes = new Uint8Array(16);
  // A trailing dotted quad (::ffff:127.0.0.1) is the last 32 bits.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (dotted) {
    tail = (dotted[1] as string).split('.').map(Number);
    text = `${text.slice(0, -(dotted[1] as string).length)}0:0`;
  }
  const [head, rest] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const left = head === '' ? [] : head.split(':');
  const right = rest === null || rest === '' ? [] : rest.split(':');
  const groups = rest === null ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[2 * i] = value >> 8;
    bytes[2 * i + 1] = value & 0xff;
  });
  if (dotted) bytes.set(tail, 12);
  return bytes;
}

function inRange(bytes: Uint8Array, network: Uint8Array, prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3]! & mask) !== (network[bit >> 3]! & mask)) return false;
  }
  return true;
}

const V4 = IPV4_REFUSED.map(([network, prefix, why]) => ({
  network: addressBytes(network) as Uint8Array,
  prefix,
  why,
}));
const V6 = IPV6_REFUSED.map(([network, prefix, why]) => ({
  network: addressBytes(network) as Uint8Array,
  prefix,
  why,
}));

/** The IPv4 address an IPv6 address carries (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16), or null. */
function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((byte) => byte === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12, 16);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return bytes.slice(12, 16);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

/**
 * Why an address may not be a webhook's target (a phrase such as "loopback"), or null when it is a
 * public address. Text that is no IP address is refused as such.
 */
export function refusedAddress(address: string): string | null {
  const bytes = addressBytes(address);
  if (!bytes) return 'not an IP address';
  if (bytes.length === 16) {
    const v4 = embeddedIpv4(bytes);
    if (v4) {
      const why = refusedV4(v4);
      return why && `${why}, inside an IPv6 address`;
    }
    return V6.find((range) => inRange(bytes, range.network, range.prefix))?.why ?? null;
  }
  return refusedV4(bytes);
}

function refusedV4(bytes: Uint8Array): string | null {
  return V4.find((range) => inRange(bytes, range.network, range.prefix))?.why ?? null;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Whether a URL may be registered as a webhook: https (http only where private targets are
 * allowed, which is for development and tests), no user name or password in it, and a host that
 * is not an address or name of the server's own networks. A host name is resolved only when a
 * delivery connects, and checked then.
 */
export function checkWebhookUrl(text: string, allowPrivate: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return { ok: false, reason: allowPrivate ? 'must start with https:// or http://' : 'must start with https://' };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'must not carry a user name or password' };
  if (url.hash !== '') return { ok: false, reason: 'must not have a fragment (#…)' };
  if (allowPrivate) return { ok: true, url };
  // The URL parser has already turned every spelling of an IPv4 address (0x7f.1, 2130706433) into dotted form.
  const host = url.hostname;
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) {
    const why = refusedAddress(host);
    if (why) return { ok: false, reason: `${host} is a ${why} address, not one on the public internet` };
  } else if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) {
    return { ok: false, reason: `${host} is not a public host name` };
  }
  return { ok: true, url };
}
