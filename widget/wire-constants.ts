/**
 * Values copied from `shared/widget-wire.ts`. Importing them from there would drag TypeBox into the bundle,
 * because that module builds its schemas at load time; a test keeps the copies equal to the originals.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * What every client's public key looks like, loosely (the server's rule is stricter): enough to tell the
 * docs' `PUBLIC_KEY` placeholder or a client id from a key without asking the server.
 */
export const PUBLIC_KEY_PATTERN = /^pk_[\w-]{1,64}$/;
