/**
 * Whether a widget request's `Origin` is one the client has verified. Runs on every public widget
 * request, so the usual case (a browser's own lower-case `https://host`) is decided with one regular
 * expression and string comparisons; only unusual spellings pay for a WHATWG URL parse.
 */

export interface OriginPolicy {
  /** Verified domains, `hostname` as `normalizeHostname` returns it (lower case, ASCII, no trailing dot). */
  readonly domains: ReadonlyArray<{ readonly hostname: string; readonly includeSubdomains: boolean }>;
  /** Let `http(s)://` localhost, 127.0.0.1 and [::1] on any port through, for development (contract default: off). */
  readonly allowLocalhost: boolean;
}

export type OriginDecision = { allowed: true; origin: string } | { allowed: false; reason: string };

/**
 * The refusal of an Origin no browser sends: longer than any origin can be, or holding a byte that is
 * not printable ASCII (browsers send hosts in punycode). Its reason does not repeat the header, which
 * may be kilobytes of anything; callers neither cache, log nor store such a header.
 */
export const MALFORMED_ORIGIN: OriginDecision = Object.freeze({
  allowed: false,
  reason: 'The Origin is not printable ASCII of the form scheme://host[:port] and at most 270 characters',
});

/** `https://`, a host of at most 253 characters (255 for an IPv6 literal in brackets), `:65535`. */
const MAX_ORIGIN_LENGTH = 270;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

interface ParsedOrigin {
  readonly scheme: 'http' | 'https';
  /** WHATWG-canonical host: lower case, punycode, IPv4 dotted-quad, IPv6 in brackets. */
  readonly host: string;
  /** The port as written, or undefined when none was. */
  readonly port: string | undefined;
}

/**
 * `origin` is the header as received. When allowed, `origin` in the result is that same string,
 * for `Access-Control-Allow-Origin`, which browsers compare byte for byte with their own.
 */
export function decideOrigin(origin: string | undefined, policy: OriginPolicy): OriginDecision {
  if (origin === undefined || origin === '') return { allowed: false, reason: 'The request has no Origin header' };
  // Sandboxed frames, file: pages and some redirects send "null"; it names no site, so no domain can vouch for it.
  if (origin === 'null') return { allowed: false, reason: 'The Origin is "null" (an opaque origin)' };
  // Before anything parses it: WHATWG would map some bytes away (a soft hyphen vanishes from a host),
  // and the header would then be allowed, and echoed and stored, whole.
  if (origin.length > MAX_ORIGIN_LENGTH || !PRINTABLE_ASCII.test(origin)) return MALFORMED_ORIGIN;

  const parsed = parseOrigin(origin);
  if (parsed === undefined) {
    return { allowed: false, reason: `The Origin "${origin}" is not of the form scheme://host[:port]` };
  }

  if (LOOPBACK_HOSTS.has(parsed.host)) {
    return policy.allowLocalhost
      ? { allowed: true, origin }
      : { allowed: false, reason: `Loopback origins such as "${origin}" are not enabled for this client` };
  }
  if (parsed.scheme !== 'https') return { allowed: false, reason: `The Origin "${origin}" is not https` };
  // Browsers leave the default port out when they serialise an origin, so `https://example.com:443` is
  // never what a browser sends; we refuse it like any other explicit port rather than guess at its sender.
  if (parsed.port !== undefined) return { allowed: false, reason: `The Origin "${origin}" names a port` };
  if (parsed.host.endsWith('.')) {
    // A browser keeps the dot: `https://example.com.` is another origin, with its own cookies and storage.
    return { allowed: false, reason: `The Origin "${origin}" ends in a dot, which makes it a different host` };
  }

  for (const domain of policy.domains) {
    if (parsed.host === domain.hostname) return { allowed: true, origin };
    if (domain.includeSubdomains && isSubdomainOf(parsed.host, domain.hostname)) return { allowed: true, origin };
  }
  return { allowed: false, reason: `The Origin "${origin}" is not a verified domain of this client` };
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Label boundaries only: `evil-example.com` and `notexample.com` end with `example.com` as strings,
 * but not as names.
 */
function isSubdomainOf(host: string, parent: string): boolean {
  return (
    host.length > parent.length + 1 && host.endsWith(parent) && host.charCodeAt(host.length - parent.length - 1) === DOT
  );
}

const DOT = 0x2e;

/**
 * What browsers send: a lower-case scheme and host of letters, digits, `-` and `_`, dot-separated with no
 * empty label, and a port only when it is not the default. A host matching this is already WHATWG-canonical
 * unless its last label is a number (WHATWG then reads it as IPv4: `0x7f.1` is 127.0.0.1) or it holds a
 * punycode label, which WHATWG would validate.
 */
const BROWSER_FORM = /^https?:\/\/[a-z0-9_-]+(?:\.[a-z0-9_-]+)*(?::[1-9][0-9]{0,4})?$/;
const NEEDS_WHATWG = /(?:^|\.)(?:[0-9]+|0x[0-9a-f]*)$|xn--/;
const LOWER_S = 0x73;

/** Anything outside scheme://host[:port]; `%` too, since no browser percent-encodes a serialised host. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const NOT_IN_ORIGIN = /[/\\?#@%\s\u0000-\u001f\u007f]/u;

function parseOrigin(origin: string): ParsedOrigin | undefined {
  // test() and index arithmetic rather than exec(): no match array on the path almost every request takes.
  if (BROWSER_FORM.test(origin)) {
    const scheme = origin.charCodeAt(4) === LOWER_S ? 'https' : 'http';
    const hostStart = scheme.length + 3;
    const colon = origin.indexOf(':', hostStart);
    const host = colon === -1 ? origin.slice(hostStart) : origin.slice(hostStart, colon);
    const port = colon === -1 ? undefined : origin.slice(colon + 1);
    if (port !== undefined && Number(port) > 65535) return undefined;
    if (!NEEDS_WHATWG.test(host)) return { scheme, host, port };
  }
  return parseOriginSlowly(origin);
}

/** Every other spelling: checked by hand for shape, then canonicalised by the WHATWG parser. */
function parseOriginSlowly(origin: string): ParsedOrigin | undefined {
  const separator = origin.indexOf('://');
  if (separator === -1) return undefined;
  const scheme = origin.slice(0, separator).toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return undefined;
  const authority = origin.slice(separator + 3);
  if (authority === '' || NOT_IN_ORIGIN.test(authority)) return undefined;

  // The port is what follows the last colon outside an IPv6 literal's brackets.
  const colon = authority.lastIndexOf(':');
  const hasPort = colon !== -1 && colon > authority.lastIndexOf(']');
  const port = hasPort ? authority.slice(colon + 1) : undefined;
  if (port !== undefined && !isPort(port)) return undefined;

  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  const host = url.hostname;
  // WHATWG accepts empty labels; no real site lives at `a..example.com` or `.example.com`.
  if (host.startsWith('.') || host.includes('..')) return undefined;
  return { scheme, host, port };
}

function isPort(text: string): boolean {
  return /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535;
}
