/** The console's paging helpers: a query without unset parameters, and reading every page up to a cap. */
import { describe, expect, test } from 'vitest';
import { listQuery, readAll } from '../../console/paging.ts';

/** A list of `total` numbers served `size` at a time, with the cursor as the next index; counts the reads. */
function pagedList(total: number, size: number) {
  const reads: (string | undefined)[] = [];
  async function read(cursor: string | undefined) {
    reads.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return { items, nextCursor: start + size < total ? String(start + size) : null };
  }
  return { read, reads };
}

describe('listQuery', () => {
  test('drops undefined, null and empty values and keeps the rest', () => {
    expect(listQuery({ q: undefined, cursor: null, action: '', limit: 25, contactId: 'c1' })).toEqual({
      limit: 25,
      contactId: 'c1',
    });
  });
});

describe('readAll', () => {
  test('follows every cursor to the end of the list', async () => {
    const list = pagedList(450, 200);
    const { items, complete } = await readAll(list.read, 10_000);
    expect(items).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(complete).toBe(true);
    expect(list.reads).toEqual([undefined, '200', '400']);
  });

  test('stops at the cap and says the list went on', async () => {
    const list = pagedList(1000, 200);
    const { items, complete } = await readAll(list.read, 300);
    expect(items).toHaveLength(300);
    expect(items.at(-1)).toBe(299);
    expect(complete).toBe(false);
    expect(list.reads).toHaveLength(2);
  });

  test('a list of exactly the cap is complete; one more is not', async () => {
    expect((await readAll(pagedList(400, 200).read, 400)).complete).toBe(true);
    const over = await readAll(pagedList(401, 200).read, 400);
    expect(over).toMatchObject({ complete: false });
    expect(over.items).toHaveLength(400);
  });

  test('an empty list is one read and complete', async () => {
    const list = pagedList(0, 200);
    expect(await readAll(list.read, 10)).toEqual({ items: [], complete: true });
    expect(list.reads).toEqual([undefined]);
  });
});
