/**
 * The one form of id the API takes and gives: a UUID in lower-case hex, as PostgreSQL prints it.
 * (JSON Schema's `uuid` format also admits `urn:uuid:` and upper case, which reached the database
 * as unparseable ids.)
 */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

const UUID = new RegExp(UUID_PATTERN);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
