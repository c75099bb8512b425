/**
 * Keyset pagination cursors: the sort key of the last row of a page, opaque to callers.
 * Pages are ordered newest first by (created_at, id), which an index serves directly; a cursor
 * stays valid while rows are inserted, unlike an offset.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { aboutField, InvalidCursor } from '../errors.ts';
import { isUuid } from '../db/uuid.ts';

// Cursors hold times the API wrote; anything outside these years is not one (and would overflow a timestamp).
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 0, 1);

export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isUuid(value[1])) {
      const at = new Date(value[0]);
      const time = at.getTime();
      if (time >= EARLIEST && time < LATEST) return { at, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw aboutField(new InvalidCursor(), 'cursor');
}

/** Given limit + 1 rows, the page and the cursor of the next one. */
export function paginate<T>(
  rows: T[],
  limit: number,
  key: (row: T) => Keyset,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(key(items[items.length - 1] as T)) };
}

/**
 * One page of `query`, newest first by (created_at, `id`), starting after the row `after` names:
 * limit + 1 rows are read, so the page knows whether another follows. `query` reads one table.
 */
export async function newestFirstPage<
  DB,
  TB extends keyof DB,
  O extends { created_at: Date } & Record<K, string>,
  K extends string,
>(
  query: SelectQueryBuilder<DB, TB, O>,
  id: K,
  after: Keyset | null,
  limit: number,
): Promise<{ items: O[]; nextCursor: string | null }> {
  let page = query
    .orderBy(sql.ref('created_at'), 'desc')
    .orderBy(sql.ref(id), 'desc')
    .limit(limit + 1);
  if (after) page = page.where(sql<boolean>`(${sql.ref('created_at')}, ${sql.ref(id)}) < (${after.at}, ${after.id})`);
  return paginate(await page.execute(), limit, (row) => ({ at: row.created_at, id: row[id] }));
}

/** A cursor for a list in the order of one text column (a hostname, say): the last row's value. */
export function encodeTextCursor(value: string): string {
  return Buffer.from(JSON.stringify(['t', value])).toString('base64url');
}

export function decodeTextCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value[0] === 't' &&
      typeof value[1] === 'string' &&
      !value[1].includes('\0')
    ) {
      return value[1];
    }
  } catch {
    // fall through to the error below
  }
  throw aboutField(new InvalidCursor(), 'cursor');
}
