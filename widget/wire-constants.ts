/**
 * Values copied from `shared/widget-wire.ts`. Importing them from there would drag TypeBox into the bundle,
 * because that module builds its schemas at load time; a test keeps the copies equal to the originals.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
