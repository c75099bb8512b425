/**
 * Values copied from `shared/widget-wire.ts`. Importing them from there would drag TypeBox into the bundle,
 * because that module builds its schemas at load time; a test keeps the copies equal to the originals.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The API version this bundle's requests are written for, and the header that names it (shared/api-version.ts). */
export const API_VERSION_HEADER = 'Upzento-Version';
export const WIDGET_API_VERSION = '2026-12-01';

/**
 * What every client's public key looks like, loosely (the server's rule is stricter): enough to tell the
 * docs' `PUBLIC_KEY` placeholder or a client id from a key without asking the server.
 */
export const PUBLIC_KEY_PATTERN = /^pk_[\w-]{1,64}$/;
