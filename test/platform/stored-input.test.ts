/**
 * Bad input is a 400 that names the field, and nothing is stored that a later read fails on: each
 * finding of the input review, with the rows earlier versions stored and the migration that cleans
 * them (0006).
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { up as cleanStoredInput } from '../../server/db/migrations/0006-clean-stored-input.ts';
import { writeAudit } from '../../server/db/audit-writer.ts';
import { jsonbText } from '../../server/db/jsonb-text.ts';
import { MAX_JSON_DEPTH } from '../../server/http/json-body.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, expectStatus, marker } from './provision.ts';
import { storedWidgetSettings, storeWidgetSettings } from '../support/stored-widget.ts';

const LOCAL_ORIGIN = 'http://localhost:3000';

let t: TestApp;
let agencyId: string;
let client: { id: string; publicKey: string };
let other: { id: string; publicKey: string };
const logLines: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'info', stream: { write: (line: string) => logLines.push(line) } } });
  agencyId = (await createAgency(t)).id;
  client = await createClient(t, t.adminToken, agencyId);
  other = await createClient(t, t.adminToken, agencyId);
  expectStatus(await t.call('PATCH', `/v1/clients/${client.id}/settings`, t.adminToken, { allowLocalhost: true }), 200);
});
afterAll(() => t?.close());

/** A widget submission with a raw JSON body, so that what JSON.stringify cannot write can be sent. */
function submit(body: string, origin = LOCAL_ORIGIN, publicKey = client.publicKey) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${publicKey}/submissions`,
    headers: { origin, 'idempotency-key': marker('idem'), 'content-type': 'application/json' },
    payload: body,
  });
}

/** An authenticated call with a raw JSON body. */
function send(method: 'POST' | 'PATCH', url: string, body: string, token: string | null = t.adminToken) {
  return t.app.inject({
    method,
    url,
    headers: { ...(token && { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    payload: body,
  });
}

function expect400(response: { statusCode: number; body: string; json(): any }, code: string, field: RegExp) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().code).toBe(code);
  expect(response.json().message).toMatch(field);
}

async function submissionCount(clientId: string): Promise<number> {
  const row = await t.data.privileged('test: count submissions', (db) =>
    db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}

async function listSubmissions(clientId: string) {
  const response = await t.call('GET', `/v1/clients/${clientId}/submissions?limit=200`, t.adminToken);
  expectStatus(response, 200);
  return response.json().items as Array<{ id: string; fields: Record<string, string>; origin: string }>;
}

/** A submission row as an earlier version could have stored it, written past the API. */
async function storeSubmissionAsBefore(
  clientId: string,
  fields: unknown,
  origin = 'https://shop.example.test',
): Promise<string> {
  const row = await t.data.privileged('test: a row an earlier version stored', (db) =>
    db
      .insertInto('submissions')
      .values({
        agency_id: agencyId,
        client_id: clientId,
        idempotency_key: marker('idem'),
        payload_hash: '0'.repeat(64),
        email: 'old@example.test',
        origin,
        fields: JSON.stringify(fields),
      })
      .returning('submission_id')
      .executeTakeFirstOrThrow(),
  );
  return row.submission_id;
}

function runMigration(): Promise<void> {
  return (t.db.handle.direct as Kysely<unknown>).transaction().execute((trx) => cleanStoredInput(trx));
}

describe('widget submission fields', () => {
  test.each([
    ['a key outside the field-name pattern, holding an object with toString', { '0': { toString: 1 } }, /fields.*"0"/],
    ['an object value under a good key', { budget: { amount: 5 } }, /fields\/budget/],
    ['a list of objects', { budget: [{ amount: 5 }] }, /fields\/budget/],
    ['a 30 KB key', { ['k'.repeat(30_000)]: 'x' }, /fields/],
    ['an HTML key', { '<img src=x onerror=alert(1)>': 'x' }, /fields/],
    ['a value longer than 2000 characters', { note: 'x'.repeat(2001) }, /fields\/note/],
  ])('%s is a 400 naming fields, and nothing is stored', async (_what, fields, field) => {
    const before = await submissionCount(client.id);
    expect400(await submit(JSON.stringify({ email: 'lead@example.test', fields })), 'FST_ERR_VALIDATION', field);
    expect(await submissionCount(client.id)).toBe(before);
    await listSubmissions(client.id);
  });

  test('a number or boolean is taken as its text, as the validator coerces every scalar', async () => {
    const response = await submit(
      JSON.stringify({ email: 'scalar@example.test', fields: { budget: 5, urgent: true } }),
    );
    expectStatus(response, 201);
    const stored = (await listSubmissions(client.id)).find((item) => item.id === response.json().id);
    expect(stored?.fields).toEqual({ budget: '5', urgent: 'true' });
  });

  test('text values, HTML included, are stored and read back as sent', async () => {
    const fields = { company: '<b>Acme</b> & Co', budget: '5000' };
    const response = await submit(JSON.stringify({ email: 'html@example.test', fields }));
    expectStatus(response, 201);
    const stored = (await listSubmissions(client.id)).find((item) => item.id === response.json().id);
    expect(stored?.fields).toEqual(fields);
  });

  test('a row an earlier version stored with non-text fields no longer fails the list: its text fields are shown', async () => {
    const id = await storeSubmissionAsBefore(other.id, {
      '0': { toString: 1 },
      company: 'Acme',
      budget: 5,
      nested: { a: [1] },
    });
    const listed = (await listSubmissions(other.id)).find((item) => item.id === id);
    expect(listed?.fields).toEqual({ company: 'Acme' });
  });
});

describe('every JSON body: lone surrogates, NUL and deep nesting are a 400 naming the path', () => {
  const LONE = '"\\ud83d"';
  test.each([
    [
      'a widget field value',
      () => submit(`{"email":"lead@example.test","fields":{"note":${LONE}}}`),
      /^body\/fields\/note: .*surrogate/,
    ],
    [
      'a widget field key',
      () => submit(`{"email":"lead@example.test","fields":{${LONE}:"x"}}`),
      /^body\/fields: a property name .*surrogate/,
    ],
    [
      'the email at sign-in',
      () => send('POST', '/v1/auth/token', `{"email":"\\ud83d@example.test","password":"whatever it is"}`, null),
      /^body\/email: .*surrogate/,
    ],
    [
      'a contact name',
      () => send('POST', `/v1/clients/${client.id}/contacts`, `{"email":"s@example.test","name":${LONE}}`),
      /^body\/name: /,
    ],
    [
      'a contact attribute',
      () =>
        send(
          'POST',
          `/v1/clients/${client.id}/contacts`,
          `{"email":"s@example.test","attributes":{"note":"a\\udc00b"}}`,
        ),
      /^body\/attributes\/note: /,
    ],
    ['an agency name', () => send('POST', '/v1/agencies', `{"name":${LONE}}`), /^body\/name: /],
    [
      'a widget title',
      () => send('PATCH', `/v1/clients/${client.id}/settings`, `{"widget":{"title":${LONE}}}`),
      /^body\/widget\/title: /,
    ],
    [
      'NUL in a widget field',
      () => submit('{"email":"lead@example.test","fields":{"note":"a\\u0000b"}}'),
      /^body\/fields\/note: .*U\+0000/,
    ],
    [
      'NUL in a contact attribute key',
      () =>
        send('POST', `/v1/clients/${client.id}/contacts`, '{"email":"n@example.test","attributes":{"a\\u0000":"x"}}'),
      /^body\/attributes: a property name .*U\+0000/,
    ],
  ])('%s', async (_what, request, message) => {
    const before = await submissionCount(client.id);
    expect400(await request(), 'UPZ_INVALID_JSON_VALUE', message);
    expect(await submissionCount(client.id)).toBe(before);
  });

  test('a well-formed pair (an emoji) is text like any other', async () => {
    const response = await submit(JSON.stringify({ email: 'emoji@example.test', fields: { mood: 'happy 😀' } }));
    expectStatus(response, 201);
    expect((await listSubmissions(client.id)).find((item) => item.id === response.json().id)?.fields).toEqual({
      mood: 'happy 😀',
    });
  });

  test('a refusal shows a long key cut short, and escaped', async () => {
    const response = await send(
      'POST',
      `/v1/clients/${client.id}/contacts`,
      `{"email":"k@example.test","attributes":{"${'k'.repeat(5000)}":{"\\ud800":1}}}`,
    );
    expect400(response, 'UPZ_INVALID_JSON_VALUE', /^body\/attributes\/k{40}…: a property name/);
    expect(response.body.length).toBeLessThan(400);
  });

  test('JSON nested thousands of levels deep is a 400, not a stack overflow', async () => {
    const deep = `{"email":"deep@example.test","attributes":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    expect400(
      await send('POST', `/v1/clients/${client.id}/contacts`, deep),
      'UPZ_INVALID_JSON_VALUE',
      /^body\/attributes\/a\/0\/.*nested deeper than 32 levels/,
    );
  });

  test(`the depth limit is ${MAX_JSON_DEPTH} levels, counted from the body`, async () => {
    const nest = (levels: number) =>
      `{"email":"d@example.test","attributes":{"a":${'['.repeat(levels)}${']'.repeat(levels)}}}`;
    // The body and attributes are two levels: 30 arrays more is 32, 31 is 33.
    expect(
      await send('POST', `/v1/clients/${client.id}/contacts`, nest(MAX_JSON_DEPTH - 2)).then((r) => r.json().code),
    ).not.toBe('UPZ_INVALID_JSON_VALUE');
    expect400(
      await send('POST', `/v1/clients/${client.id}/contacts`, nest(MAX_JSON_DEPTH - 1)),
      'UPZ_INVALID_JSON_VALUE',
      /nested deeper/,
    );
  });
});

describe('JSON written from elsewhere than a body', () => {
  test('jsonb text: NUL and lone surrogates become U+FFFD, escaped backslashes stay as they are', () => {
    const text = jsonbText({ a: 'x\u0000y', '\ud83d': '\\u0000', pair: '😀', tail: '\\\ud800' });
    expect(JSON.parse(text)).toEqual({ a: 'x\uFFFDy', '\uFFFD': '\\u0000', pair: '😀', tail: '\\\uFFFD' });
  });

  test('an audit entry whose details hold them (a header, a DNS answer) is stored, not a failed request', async () => {
    const tenant = { agencyId, tenantId: client.id, tenantType: 'client' as const };
    const actor = { type: 'system' as const, id: null, requestId: null, ip: null };
    await t.data.privileged('test: audit details from elsewhere', (db) =>
      writeAudit(db, tenant, actor, {
        action: 'test.recorded',
        targetType: 'test',
        details: { origin: 'a\u0000b', name: 'c\udc00d' },
      }),
    );
    const log = await t.call('GET', `/v1/clients/${client.id}/audit-log`, t.adminToken);
    expectStatus(log, 200);
    expect(log.json().items.find((item: { action: string }) => item.action === 'test.recorded')).toBeDefined();
    expect((await t.call('GET', `/v1/clients/${client.id}/audit-log/verify`, t.adminToken)).json().valid).toBe(true);
  });
});

describe('numbers too large to be finite', () => {
  test.each(['contacts', 'submissions', 'audit-log', 'domains'])(
    '?limit=1e400 on %s is a 400 naming limit, not a 500',
    async (list) => {
      for (const limit of ['1e400', '-1e400', 'Infinity']) {
        expect400(
          await t.call('GET', `/v1/clients/${client.id}/${list}?limit=${limit}`, t.adminToken),
          'UPZ_INVALID_INPUT',
          /^querystring\/limit/,
        );
      }
    },
  );

  test('a widget field maxLength of "1e400" is a 400, not stored as null and served as 0', async () => {
    const settings = `/v1/clients/${client.id}/settings`;
    const before = (await t.call('GET', settings, t.adminToken)).json();
    const field = { name: 'email', label: 'Email', type: 'email', required: true, maxLength: '1e400' };
    expect400(
      await t.call('PATCH', settings, t.adminToken, { widget: { fields: [field] } }),
      'UPZ_INVALID_INPUT',
      /^body\/widget\/fields\/0\/maxLength: must be a finite number/,
    );
    expect((await t.call('GET', settings, t.adminToken)).json()).toEqual(before);
  });

  test('a JSON number such as 1e400, which JSON.parse reads as Infinity, is refused in any body', async () => {
    const response = await send(
      'POST',
      `/v1/clients/${client.id}/contacts`,
      '{"email":"inf@example.test","attributes":{"score":1e400}}',
    );
    expect400(response, 'UPZ_INVALID_JSON_VALUE', /^body\/attributes\/score: is not a finite number/);
  });
});

describe('contact attributes', () => {
  const contacts = () => `/v1/clients/${client.id}/contacts`;

  test.each([
    ['a key longer than 64 characters', { ['k'.repeat(65)]: 'x' }],
    ['an empty key', { '': 'x' }],
    ['an object value', { address: { city: 'Paris' } }],
    ['a list holding an object', { tags: [{ a: 1 }] }],
    ['a string longer than 2000 characters', { note: 'x'.repeat(2001) }],
    ['more than 50 attributes', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, i]))],
    // A key the Record's pattern does not match must not carry its value past the checks.
    ['a key with a line break, holding a nested object', { 'a\nb': { deep: { deeper: 'x'.repeat(3000) } } }],
    ['a key with a tab', { 'a\tb': 'x' }],
  ])('%s is a 400 naming attributes', async (_what, attributes) => {
    const response = await t.call('POST', contacts(), t.adminToken, {
      email: `${marker('attr')}@example.test`,
      attributes,
    });
    expect400(response, 'FST_ERR_VALIDATION', /attributes/);
  });

  test('scalars and lists of scalars are kept and read back', async () => {
    const attributes = { plan: 'pro', seats: 12, trial: false, referrer: null, tags: ['a', 'b', 3] };
    const response = await t.call('POST', contacts(), t.adminToken, {
      email: `${marker('attr')}@example.test`,
      attributes,
    });
    expectStatus(response, 201);
    const read = await t.call('GET', `${contacts()}/${response.json().id}`, t.adminToken);
    expect(read.json().attributes).toEqual(attributes);
    expectStatus(await t.call('GET', contacts(), t.adminToken), 200);
  });
});

describe('widget settings accept only their documented properties', () => {
  const settings = () => `/v1/clients/${client.id}/settings`;
  const emailField = { name: 'email', label: 'Email', type: 'email', required: true };

  test.each([
    ['publicKey (another client’s)', () => ({ widget: { publicKey: other.publicKey } }), /publicKey/],
    ['an unknown widget property', () => ({ widget: { evil: 'x'.repeat(1000) } }), /evil/],
    ['an unknown top-level property', () => ({ allowLocalhost: true, extra: 1 }), /extra/],
    [
      'an unknown theme property',
      () => ({ widget: { theme: { primary: '#000000', text: '#000000', background: '#ffffff', shadow: 'x' } } }),
      /shadow/,
    ],
    ['an unknown field property', () => ({ widget: { fields: [{ ...emailField, onclick: 'x' }] } }), /onclick/],
  ])('%s is a 400 naming it, and nothing changes', async (_what, body, field) => {
    const before = (await t.call('GET', settings(), t.adminToken)).json();
    expect400(await t.call('PATCH', settings(), t.adminToken, body()), 'FST_ERR_VALIDATION', field);
    expect((await t.call('GET', settings(), t.adminToken)).json()).toEqual(before);
  });

  test('properties stored by an earlier version are never served nor carried into a change, and the served key is the client’s', async () => {
    const target = await createClient(t, t.adminToken, agencyId);
    expectStatus(
      await t.call('PATCH', `/v1/clients/${target.id}/settings`, t.adminToken, { allowLocalhost: true }),
      200,
    );
    const before = await storedWidgetSettings(t, target.id);
    await storeWidgetSettings(t, target.id, {
      ...before,
      publicKey: other.publicKey,
      evil: 'x'.repeat(10_000),
      theme: { ...before.theme, shadow: 'x' },
    });
    t.app.verdicts.invalidate(target.id);

    const config = await t.app.inject({
      method: 'GET',
      url: `/v1/widget/${target.publicKey}/config`,
      headers: { origin: LOCAL_ORIGIN },
    });
    expectStatus(config, 200);
    expect(config.json().publicKey).toBe(target.publicKey);
    expect(config.body).not.toContain(other.publicKey);
    expect(config.body).not.toContain('evil');
    expect(config.json().theme).toEqual({ primary: '#2563eb', text: '#111827', background: '#ffffff' });

    const read = await t.call('GET', `/v1/clients/${target.id}/settings`, t.adminToken);
    expect(Object.keys(read.json().widget)).not.toContain('evil');

    expectStatus(
      await t.call('PATCH', `/v1/clients/${target.id}/settings`, t.adminToken, { widget: { title: 'Changed' } }),
      200,
    );
    const row = await storedWidgetSettings(t, target.id);
    expect(row).not.toHaveProperty('publicKey');
    expect(row).not.toHaveProperty('evil');
    expect(row.title).toBe('Changed');
  });

  test('sizes are bounded: twenty fields at most, every text with its maximum', async () => {
    const fields = [
      emailField,
      ...Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, label: 'x', type: 'text', required: false })),
    ];
    expect400(await t.call('PATCH', settings(), t.adminToken, { widget: { fields } }), 'FST_ERR_VALIDATION', /fields/);
    expect400(
      await t.call('PATCH', settings(), t.adminToken, { widget: { intro: 'x'.repeat(501) } }),
      'FST_ERR_VALIDATION',
      /intro/,
    );
    expect400(
      await t.call('PATCH', settings(), t.adminToken, {
        widget: { fields: [{ ...emailField, label: 'x'.repeat(301) }] },
      }),
      'FST_ERR_VALIDATION',
      /label/,
    );
  });
});

describe('an Origin no browser sends', () => {
  // A soft hyphen (U+00AD, one byte in a header) vanishes when WHATWG parses a host, so this reads as
  // http://localhost:3000, which the client allows: it used to be allowed, echoed and stored whole.
  const SOFT = '\u00ad';
  test.each([
    ['non-ASCII', `http://local${SOFT}host:3000`],
    ['16 KB long', `http://local${SOFT.repeat(16_000)}host:3000`],
    ['16 KB of ASCII', `http://${'a'.repeat(16_000)}.localhost:3000`],
  ])('%s: 403, no Access-Control-Allow-Origin, not logged, cached or stored', async (_what, origin) => {
    const before = await submissionCount(client.id);
    logLines.length = 0;
    for (const response of [
      await t.app.inject({ method: 'GET', url: `/v1/widget/${client.publicKey}/config`, headers: { origin } }),
      await submit(JSON.stringify({ email: 'origin@example.test' }), origin),
      await t.app.inject({
        method: 'OPTIONS',
        url: `/v1/widget/${client.publicKey}/submissions`,
        headers: { origin, 'access-control-request-method': 'POST' },
      }),
    ]) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ message: 'Domain not authorized for this client' });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.body).not.toContain(origin);
    }
    expect(await submissionCount(client.id)).toBe(before);
    expect(t.app.verdicts.peek(client.publicKey, origin)).toBeUndefined();
    const logged = logLines.join('\n');
    // The first refusal of a client is written (later ones within 10 s are counted, not written),
    // with the Origin's length in place of the Origin.
    if (_what === 'non-ASCII')
      expect(logged).toMatch(/widget origin refused.*\(\d+ characters\)|\(\d+ characters\).*widget origin refused/);
    expect(logged).not.toContain(origin.slice(0, 40));
    expect(logged).not.toContain('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  test('the browser’s own spelling still passes', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/widget/${client.publicKey}/config`,
      headers: { origin: LOCAL_ORIGIN },
    });
    expectStatus(response, 200);
    expect(response.headers['access-control-allow-origin']).toBe(LOCAL_ORIGIN);
  });
});

describe('migration 0006 cleans what earlier versions stored', () => {
  test('submission fields: bad keys and non-text values dropped, numbers and booleans made text', async () => {
    const target = await createClient(t, t.adminToken, agencyId);
    const messy = await storeSubmissionAsBefore(target.id, {
      '0': { toString: 1 },
      company: 'Acme',
      budget: 5,
      urgent: true,
      note: null,
      list: [1],
      ['k'.repeat(300)]: 'x',
    });
    const notObject = await storeSubmissionAsBefore(target.id, ['a', 'b']);
    const clean = await storeSubmissionAsBefore(target.id, { company: 'Fine' });
    await runMigration();
    const rows = await t.data.privileged('test: read cleaned submissions', (db) =>
      db.selectFrom('submissions').select(['submission_id', 'fields']).where('client_id', '=', target.id).execute(),
    );
    const fieldsOf = (id: string) => rows.find((row) => row.submission_id === id)?.fields;
    expect(fieldsOf(messy)).toEqual({ company: 'Acme', budget: '5', urgent: 'true' });
    expect(fieldsOf(notObject)).toEqual({});
    expect(fieldsOf(clean)).toEqual({ company: 'Fine' });
    expect((await listSubmissions(target.id)).length).toBe(3);
  });

  test('widget settings: unknown properties removed at every level, documented ones kept', async () => {
    const target = await createClient(t, t.adminToken, agencyId);
    const before = await storedWidgetSettings(t, target.id);
    const messy = {
      ...before,
      publicKey: other.publicKey,
      evil: { deep: 'x' },
      theme: { ...before.theme, shadow: 'x' },
      fields: before.fields.map((field: object) => ({ ...field, onclick: 'x' })),
    };
    await storeWidgetSettings(t, target.id, messy);
    await runMigration();
    expect(await storedWidgetSettings(t, target.id)).toEqual(before);
  });

  test('a second run changes nothing', async () => {
    const target = await createClient(t, t.adminToken, agencyId);
    const before = await storedWidgetSettings(t, target.id);
    await runMigration();
    await runMigration();
    expect(await storedWidgetSettings(t, target.id)).toEqual(before);
  });
});
