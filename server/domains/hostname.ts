/**
 * The one spelling of a customer's domain that we store, compare and put in DNS questions:
 * exactly the host a browser writes in `Origin` for pages on that name. Two inputs a browser would
 * treat as one host (`Bücher.DE.`, `xn--bcher-kva.de`) normalise to one string, so they are one domain.
 */
import { isIP } from 'node:net';
import { parse as parseDomain } from 'tldts';

export type HostnameResult = { ok: true; hostname: string } | { ok: false; reason: string };

export const CHALLENGE_PREFIX = '_upzento-challenge.';

/** Longest name DNS can carry, as dotted text without the root dot (255 octets on the wire, RFC 1035 §2.3.4). */
const MAX_DNS_NAME = 253;
/**
 * A domain is only worth storing if its challenge record can exist, so the prefix's length comes off
 * DNS's limit: a 240-character hostname is valid DNS, but `_upzento-challenge.` + it is not.
 */
const MAX_HOSTNAME = MAX_DNS_NAME - CHALLENGE_PREFIX.length;
const MAX_LABEL = 63;

/**
 * Characters that make the input something other than a bare hostname. Whitespace and controls are
 * listed because URL parsing silently strips tabs and newlines (`exa\tmple.com` → `example.com`),
 * which would store a name the customer did not type.
 */
const NOT_A_HOSTNAME: ReadonlyArray<[RegExp, string]> = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  [/[\s\u0000-\u001f\u007f]/u, 'contains whitespace or control characters'],
  [/:\/\//, 'is a URL; give only the hostname, e.g. example.com'],
  [/[/\\?#]/, 'contains a path, query or fragment; give only the hostname, e.g. example.com'],
  [/@/, 'contains a user name (@); give only the hostname, e.g. example.com'],
  [/[[\]]/, 'is an IP address; a domain name is needed'],
  [/:/, 'contains a port or scheme (:); give only the hostname, e.g. example.com'],
  [/\*/, 'contains a wildcard (*); add the domain itself and choose "include subdomains" instead'],
];

export function normalizeHostname(input: string): HostnameResult {
  if (input === '') return { ok: false, reason: 'The hostname is empty' };
  for (const [pattern, reason] of NOT_A_HOSTNAME) {
    if (pattern.test(input)) return { ok: false, reason: `"${input}" ${reason}` };
  }

  let url: URL;
  try {
    url = new URL(`https://${input}`);
  } catch {
    // WHATWG reads a name whose last label is a number as IPv4, and fails when the rest is not one.
    return looksNumeric(lastLabel(input))
      ? { ok: false, reason: `"${input}" looks like an IP address; a domain name is needed` }
      : { ok: false, reason: `"${input}" is not a valid hostname` };
  }
  // The characters refused above leave URL no room to find a port, path or credentials; this guards the guard.
  if (url.port !== '' || url.pathname !== '/' || url.search !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, reason: `"${input}" is not a bare hostname` };
  }

  // Browsers send `https://example.com.` and `https://example.com` as different origins, but a customer
  // typing the dot means the same domain, and the form without it is the one browsers show.
  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;

  if (isIP(hostname) !== 0) return { ok: false, reason: `"${input}" is an IP address; a domain name is needed` };
  const labels = hostname.split('.');
  if (labels.some((label) => label === '')) {
    return { ok: false, reason: `"${input}" has an empty label (a leading dot or two dots in a row)` };
  }
  const long = labels.find((label) => label.length > MAX_LABEL);
  if (long !== undefined) {
    return { ok: false, reason: `"${input}" has a label longer than ${MAX_LABEL} characters: "${long}"` };
  }
  if (hostname.length > MAX_HOSTNAME) {
    return {
      ok: false,
      reason:
        `"${input}" is too long: at most ${MAX_HOSTNAME} characters, ` +
        `so that ${CHALLENGE_PREFIX}<hostname> still fits in DNS`,
    };
  }
  if (labels.length === 1) {
    return { ok: false, reason: `"${input}" is a single name, not a domain; use a full domain such as example.com` };
  }

  // Private suffixes (github.io, blogspot.com) count: proving control of one would authorise every
  // customer hosted under it.
  const parsed = parseDomain(hostname, { allowPrivateDomains: true });
  if (parsed.isIp) return { ok: false, reason: `"${input}" is an IP address; a domain name is needed` };
  if (parsed.domain === null || parsed.publicSuffix === hostname) {
    return {
      ok: false,
      reason: `"${input}" is a public suffix, under which anyone can register names; add your own domain under it`,
    };
  }

  return { ok: true, hostname };
}

/** Where the customer puts the verification TXT record. `hostname` is one `normalizeHostname` returned. */
export function challengeRecordName(hostname: string): string {
  return CHALLENGE_PREFIX + hostname;
}

function lastLabel(input: string): string {
  const labels = input.replace(/\.$/, '').split('.');
  return labels[labels.length - 1] ?? '';
}

/** WHATWG's "ends in a number" test: decimal, or 0x hex. */
function looksNumeric(label: string): boolean {
  return /^(?:[0-9]+|0[xX][0-9a-fA-F]*)$/.test(label);
}
