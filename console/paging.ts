/** Cursor-paged lists of the API, as the console asks for them: one page's query, or every page. */

/** A list's query without the parameters that are not set (the client's types leave no room for undefined). */
export function listQuery<T extends Record<string, string | number | null | undefined>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}

/**
 * Reads page after page with `read` until the list ends or `cap` items are in hand; `complete` is
 * false when items were left unread.
 */
export async function readAll<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  cap: number,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await read(cursor);
    items.push(...page.items);
    if (items.length > cap) return { items: items.slice(0, cap), complete: false };
    if (!page.nextCursor) return { items, complete: true };
    if (items.length === cap) return { items, complete: false };
    cursor = page.nextCursor;
  }
}
