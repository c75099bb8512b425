/**
 * What one client can make the server keep about its domains is bounded: how many it registers (a
 * clear 409 past the limit, never one more under concurrent requests), the list in pages, and the
 * TXT records a check stores, however many a name holds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KEPT_RECORDS } from '../../server/domains/txt-challenge.ts';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';

const LIMIT = 4;
let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture({ maxDomainsPerClient: LIMIT });
});
afterAll(() => f.close());

const register = (hostname: string, clientId = f.clientId) =>
  f.t.call('POST', `/v1/clients/${clientId}/domains`, f.t.adminToken, { hostname });

describe('domains per client', () => {
  test('the limit holds under concurrent registrations, with a 409 that says what to do', async () => {
    const { clientId } = await f.anotherClient('Busy');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => register(`site${i}.example`, clientId)));
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes.filter((code) => code === 201)).toHaveLength(LIMIT);
    const refused = answers.filter((answer) => answer.statusCode === 409);
    expect(refused).toHaveLength(10 - LIMIT);
    expect(refused[0]!.json()).toMatchObject({ code: 'UPZ_LIMIT_REACHED', error: 'Conflict' });
    expect(refused[0]!.json().message).toContain(`${LIMIT} domains`);
    const list = await f.t.call('GET', `/v1/clients/${clientId}/domains`, f.t.adminToken);
    expect(list.json().items).toHaveLength(LIMIT);
  });

  test('a deleted domain frees its place', async () => {
    const { clientId } = await f.anotherClient('Tidy');
    const ids: string[] = [];
    for (let i = 0; i < LIMIT; i++) ids.push((await register(`tidy${i}.example`, clientId)).json().id);
    expect((await register('one-more.example', clientId)).statusCode).toBe(409);
    expect((await f.t.call('DELETE', `/v1/clients/${clientId}/domains/${ids[0]}`, f.t.adminToken)).statusCode).toBe(
      204,
    );
    expect((await register('one-more.example', clientId)).statusCode).toBe(201);
  });
});

describe('the domain list', () => {
  test('pages in hostname order, every domain once', async () => {
    const { clientId } = await f.anotherClient('Paged');
    for (const host of ['d.example', 'b.example', 'a.example', 'c.example'])
      expect((await register(host, clientId)).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await f.t.call('GET', `/v1/clients/${clientId}/domains${query}`, f.t.adminToken);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((item: { hostname: string }) => item.hostname));
      cursor = page.json().nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
  });

  test('a cursor it did not give out is a 400', async () => {
    const page = await f.t.call('GET', `/v1/clients/${f.clientId}/domains?cursor=bm90LWEtY3Vyc29y`, f.t.adminToken);
    expect(page.statusCode).toBe(400);
    expect(page.json().code).toBe('UPZ_INVALID_CURSOR');
  });
});

describe('what a check keeps', () => {
  test('a name holding 50 KB of TXT records leaves a small domain view', async () => {
    const created = await register('bulky.example');
    const { id, challenge } = created.json();
    f.dns.setTxt(
      challenge.name,
      Array.from({ length: 200 }, (_, i) => `record ${i} `.padEnd(250, 'x')),
    );
    const checked = await f.t.call('POST', `/v1/clients/${f.clientId}/domains/${id}/verify`, f.t.adminToken);
    expect(checked.statusCode).toBe(200);
    expect(checked.json().lastCheck.outcome).toBe('wrong_value');
    expect(checked.json().lastCheck.found).toHaveLength(KEPT_RECORDS);
    expect(checked.body.length).toBeLessThan(5_000);
  });
});
