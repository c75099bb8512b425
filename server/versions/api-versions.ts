/**
 * The API's versions, oldest first, Stripe's way: each is a date, handlers answer in the newest
 * one only, and each older one is the newest seen through the changes made since
 * (server/versions/changes/). A deprecated version still serves, with `Deprecation` (RFC 9745),
 * `Sunset` (RFC 8594) and a `Link` to the list of versions on every answer.
 */
import { API_VERSION_HEADER } from '../../shared/api-version.ts';

export const API_VERSIONS = ['2026-06-01', '2026-12-01'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface VersionLifecycle {
  /** The day it was deprecated, `YYYY-MM-DD`; null while it is current. */
  readonly deprecatedOn: string | null;
  /** The day after which it may stop being served, `YYYY-MM-DD`; null when none is set. */
  readonly sunsetOn: string | null;
}

export const LIFECYCLES: Readonly<Record<ApiVersion, VersionLifecycle>> = {
  '2026-06-01': { deprecatedOn: '2026-12-01', sunsetOn: '2027-12-01' },
  '2026-12-01': { deprecatedOn: null, sunsetOn: null },
};

export const OLDEST_VERSION: ApiVersion = API_VERSIONS[0];
export const NEWEST_VERSION: ApiVersion = API_VERSIONS[API_VERSIONS.length - 1] as ApiVersion;

/** The request header, as Node's lower-cased headers hold it. */
export const VERSION_HEADER = API_VERSION_HEADER.toLowerCase();

/** Where a deprecated version's answers point (`Link: …; rel="deprecation"`). */
export const VERSIONS_PATH = '/v1/versions';

const KNOWN = new Set<string>(API_VERSIONS);

/** The version a header or body names, or null when it names none of this API's. */
export function knownVersion(value: unknown): ApiVersion | null {
  return typeof value === 'string' && KNOWN.has(value) ? (value as ApiVersion) : null;
}

/**
 * The version a stored pin is served in: itself, or for one this build no longer serves (removed after
 * its sunset) the oldest one it still does that is newer.
 */
export function servedVersion(stored: string): ApiVersion {
  return knownVersion(stored) ?? API_VERSIONS.find((version) => version > stored) ?? NEWEST_VERSION;
}

/** Negative when `a` is older than `b`, 0 when they are the same, positive when newer. */
export function compareVersions(a: ApiVersion, b: ApiVersion): number {
  return API_VERSIONS.indexOf(a) - API_VERSIONS.indexOf(b);
}

/** `2026-06-01, 2026-12-01`: for messages. */
export const KNOWN_VERSIONS_TEXT = API_VERSIONS.join(', ');

function midnight(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The headers every answer in a version carries, made once: the version, and for a deprecated one
 * when it was deprecated (`@<unix seconds>`), its sunset (an HTTP-date) and the list of versions.
 */
function headersOf(version: ApiVersion): Readonly<Record<string, string>> {
  const { deprecatedOn, sunsetOn } = LIFECYCLES[version];
  return Object.freeze({
    [VERSION_HEADER]: version,
    ...(deprecatedOn !== null && {
      deprecation: `@${midnight(deprecatedOn).getTime() / 1000}`,
      link: `<${VERSIONS_PATH}>; rel="deprecation"; type="application/json"`,
    }),
    ...(sunsetOn !== null && { sunset: midnight(sunsetOn).toUTCString() }),
  });
}

export const VERSION_HEADERS: Readonly<Record<ApiVersion, Readonly<Record<string, string>>>> = Object.freeze(
  Object.fromEntries(API_VERSIONS.map((version) => [version, headersOf(version)])) as Record<
    ApiVersion,
    Readonly<Record<string, string>>
  >,
);

/** The same headers as name, value, name, value …: set by an indexed loop, they cost a request no allocation. */
const HEADER_LISTS = Object.fromEntries(
  API_VERSIONS.map((version) => [version, Object.freeze(Object.entries(VERSION_HEADERS[version]).flat())]),
) as Record<ApiVersion, readonly string[]>;

/** Sets the headers of an answer in `version` (the widget's hot path among them). */
export function setVersionHeaders(reply: { header(name: string, value: string): unknown }, version: ApiVersion): void {
  const list = HEADER_LISTS[version];
  for (let i = 0; i < list.length; i += 2) reply.header(list[i] as string, list[i + 1] as string);
}
