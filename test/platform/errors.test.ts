/**
 * Error answers: bad input is a 400 that names the field, a taken value is a 409, an unexpected
 * failure is a bare 500; every body has Fastify's four keys and nothing more, but for a 400's `field`
 * naming the input in a machine-readable way. And docs/errors.md
 * documents exactly the codes the code base can answer with.
 */
import { readFile } from 'node:fs/promises';
import { errorCodes } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, createContact, expectStatus, marker } from './provision.ts';

let t: TestApp;
let agencyId: string;
let clientId: string;
let otherClientId: string;

beforeAll(async () => {
  t = await createTestApp();
  agencyId = (await createAgency(t)).id;
  clientId = (await createClient(t, t.adminToken, agencyId)).id;
  otherClientId = (await createClient(t, t.adminToken, agencyId)).id;
});
afterAll(() => t?.close());

function expectShape(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { message: string; field?: string } {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  const keys = Object.keys(body).sort();
  expect(keys).toEqual(
    status === 400 && 'field' in body
      ? ['code', 'error', 'field', 'message', 'statusCode']
      : ['code', 'error', 'message', 'statusCode'],
  );
  expect(body).toMatchObject({ statusCode: status, code });
  expect(typeof body.error).toBe('string');
  expect(body.error).not.toBe('Error');
  return body;
}

describe('bad input: 400 whose message names the field', () => {
  const contacts = () => `/v1/clients/${clientId}/contacts`;
  const cases: Array<[string, () => Promise<LightMyRequestResponse>, string, string]> = [
    [
      'a contact without email',
      () => t.call('POST', contacts(), t.adminToken, { name: 'No Email' }),
      'FST_ERR_VALIDATION',
      'email',
    ],
    [
      'a contact with a bad email',
      () => t.call('POST', contacts(), t.adminToken, { email: 'not-an-email' }),
      'UPZ_INVALID_EMAIL',
      'email',
    ],
    [
      'a contact email with a trailing dot',
      () => t.call('POST', contacts(), t.adminToken, { email: 'ada@example.com.' }),
      'UPZ_INVALID_EMAIL',
      'email',
    ],
    [
      'a contact with a bad phone',
      () => t.call('POST', contacts(), t.adminToken, { email: 'p@example.test', phone: 'call me' }),
      'FST_ERR_VALIDATION',
      'phone',
    ],
    [
      'a contact with a field it does not have',
      () => t.call('POST', contacts(), t.adminToken, { email: 'n@example.test', nickname: 'x' }),
      'FST_ERR_VALIDATION',
      'nickname',
    ],
    [
      'a contact name that is too long',
      () => t.call('POST', contacts(), t.adminToken, { email: 'l@example.test', name: 'x'.repeat(201) }),
      'FST_ERR_VALIDATION',
      'name',
    ],
    [
      'an agency with an empty name',
      () => t.call('POST', '/v1/agencies', t.adminToken, { name: '' }),
      'FST_ERR_VALIDATION',
      'name',
    ],
    [
      'an agency with a blank name',
      () => t.call('POST', '/v1/agencies', t.adminToken, { name: '   ' }),
      'FST_ERR_VALIDATION',
      'name',
    ],
    ['an agency without a name', () => t.call('POST', '/v1/agencies', t.adminToken, {}), 'FST_ERR_VALIDATION', 'name'],
    [
      'a client with a name too long',
      () => t.call('POST', `/v1/agencies/${agencyId}/clients`, t.adminToken, { name: 'x'.repeat(201) }),
      'FST_ERR_VALIDATION',
      'name',
    ],
    [
      'a user with a short password',
      () =>
        t.call('POST', `/v1/clients/${clientId}/users`, t.adminToken, {
          email: 'u@example.test',
          password: 'short',
          role: 'viewer',
        }),
      'FST_ERR_VALIDATION',
      'password',
    ],
    [
      'a user with an unknown role',
      () =>
        t.call('POST', `/v1/agencies/${agencyId}/users`, t.adminToken, {
          email: 'u@example.test',
          password: 'long enough password',
          role: 'owner',
        }),
      'FST_ERR_VALIDATION',
      'role',
    ],
    [
      'a user with a bad email',
      () =>
        t.call('POST', `/v1/agencies/${agencyId}/users`, t.adminToken, {
          email: 'u@',
          password: 'long enough password',
          role: 'viewer',
        }),
      'UPZ_INVALID_EMAIL',
      'email',
    ],
    [
      'a client id that is not a UUID',
      () => t.call('GET', '/v1/clients/not-a-uuid/contacts', t.adminToken),
      'FST_ERR_VALIDATION',
      'clientId',
    ],
    [
      'an agency id that is not a UUID',
      () => t.call('GET', '/v1/agencies/42/clients', t.adminToken),
      'FST_ERR_VALIDATION',
      'agencyId',
    ],
    [
      'a contact id that is not a UUID',
      () => t.call('GET', `${contacts()}/123`, t.adminToken),
      'FST_ERR_VALIDATION',
      'contactId',
    ],
    ['a page limit of 0', () => t.call('GET', `${contacts()}?limit=0`, t.adminToken), 'FST_ERR_VALIDATION', 'limit'],
    [
      'a page limit too large',
      () => t.call('GET', `${contacts()}?limit=100000`, t.adminToken),
      'FST_ERR_VALIDATION',
      'limit',
    ],
    [
      'a cursor the API never gave out',
      () => t.call('GET', `${contacts()}?cursor=bm90IGEgY3Vyc29y`, t.adminToken),
      'UPZ_INVALID_CURSOR',
      'cursor',
    ],
    [
      'an audit cursor that is not a number',
      () => t.call('GET', `/v1/clients/${clientId}/audit-log?cursor=abc`, t.adminToken),
      'FST_ERR_VALIDATION',
      'cursor',
    ],
    [
      'sign-in without a password',
      () => t.call('POST', '/v1/auth/token', null, { email: 'a@example.test' }),
      'FST_ERR_VALIDATION',
      'password',
    ],
  ];

  test.each(cases)('%s', async (_name, request, code, field) => {
    const body = expectShape(await request(), 400, code);
    expect(body.message).toContain(field);
    expect(body.field).toBe(field);
  });

  test('`field` is the dotted path of a nested input, and of one the body should not have', async () => {
    const nested = expectShape(
      await t.call('POST', contacts(), t.adminToken, { email: 'nested@example.test', attributes: { 'a\u0001b': 'x' } }),
      400,
      'FST_ERR_VALIDATION',
    );
    expect(nested.field).toBe('attributes.a\u0001b');
    const settings = `/v1/clients/${clientId}/settings`;
    const deep = expectShape(
      await t.call('PATCH', settings, t.adminToken, {
        widget: { theme: { primary: '#000000', text: 'black', background: '#ffffff' } },
      }),
      400,
      'FST_ERR_VALIDATION',
    );
    expect(deep.field).toBe('widget.theme.text');
    const extra = expectShape(
      await t.call('PATCH', settings, t.adminToken, {
        widget: { theme: { primary: '#000000', text: '#000000', background: '#ffffff', accent: '#ff0000' } },
      }),
      400,
      'FST_ERR_VALIDATION',
    );
    expect(extra.field).toBe('widget.theme.accent');
  });

  test('a NUL character, which the database cannot store, is a 400 too, not a 500', async () => {
    const inBody = expectShape(
      await t.call('POST', contacts(), t.adminToken, { email: 'nul@example.test', name: 'A\u0000B' }),
      400,
      'UPZ_INVALID_JSON_VALUE',
    );
    expect(inBody.message).toMatch(/^body\/name: /);
    expect(inBody.field).toBe('name');
    const inJson = expectShape(
      await t.call('POST', contacts(), t.adminToken, { email: 'nul@example.test', attributes: { note: 'A\u0000B' } }),
      400,
      'UPZ_INVALID_JSON_VALUE',
    );
    expect(inJson.message).toMatch(/^body\/attributes\/note: /);
    expect(inJson.field).toBe('attributes.note');
    // Outside a body, text reaches the database, which refuses it.
    expectShape(await t.call('GET', `${contacts()}?q=a%00b`, t.adminToken), 400, 'UPZ_DB_22021');
  });
});

describe("Fastify's own request errors keep their code", () => {
  const post = (headers: Record<string, string>, payload: string) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/clients/${clientId}/contacts`,
      headers: { authorization: `Bearer ${t.adminToken}`, ...headers },
      payload,
    });

  test('invalid JSON, empty JSON, a body too large, a type the API does not read', async () => {
    expectShape(await post({ 'content-type': 'application/json' }, '{"email":'), 400, 'FST_ERR_CTP_INVALID_JSON_BODY');
    expectShape(await post({ 'content-type': 'application/json' }, ''), 400, 'FST_ERR_CTP_EMPTY_JSON_BODY');
    expectShape(
      await post(
        { 'content-type': 'application/json' },
        JSON.stringify({ email: 'big@example.test', name: 'x'.repeat(70_000) }),
      ),
      413,
      'FST_ERR_CTP_BODY_TOO_LARGE',
    );
    expectShape(await post({ 'content-type': 'application/xml' }, '<contact/>'), 415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE');
  });

  test('a URL that does not decode, without the path repeated back', async () => {
    const response = await t.call('GET', `/v1/clients/%E0%A4%A/contacts?secret=${'s'.repeat(50)}`, t.adminToken);
    const body = expectShape(response, 400, 'FST_ERR_BAD_URL');
    expect(response.body).not.toMatch(/E0|%|contacts|sss/);
    expect(body.message).toMatch(/cannot be read/);
  });

  test('a route that does not exist, without the path repeated back', async () => {
    const body = expectShape(await t.call('GET', '/v1/nothing-here', t.adminToken), 404, 'UPZ_NOT_FOUND');
    expect(body.message).toBe('No route answers GET at this path');
    const probe = await t.call(
      'GET',
      `/v1/${encodeURIComponent('<script>alert(1)</script>')}/${'x'.repeat(2000)}`,
      null,
    );
    expect(probe.statusCode).toBe(404);
    expect(probe.body).not.toMatch(/script|xxxx/);
  });
});

describe('headers of authenticated answers', () => {
  test('API answers (a tenant’s data, a token) are never cached or sniffed; the bundle keeps its own caching', async () => {
    for (const url of [`/v1/clients/${clientId}`, `/v1/agencies`, `/v1/clients/${clientId}/contacts`]) {
      const response = await t.call('GET', url, t.adminToken);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    // Refusals of authenticated routes carry them too.
    const refused = await t.call('GET', `/v1/clients/${clientId}`, null);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['cache-control']).toBe('no-store');
    // So does the sign-in answer, which carries a token.
    const token = await t.call('POST', '/v1/auth/token', null, {
      email: 'nobody@example.test',
      password: 'wrong password',
    });
    expect(token.headers['cache-control']).toBe('no-store');
    expect(token.headers['x-content-type-options']).toBe('nosniff');
    // The widget bundle is public and cacheable.
    const bundle = await t.call('GET', '/widget.js', null);
    expect(bundle.headers['cache-control']).not.toBe('no-store');
  });
});

describe('a value that is taken: 409', () => {
  test('a contact email the client already has, in another case', async () => {
    const email = `${marker('Dupe')}@Example.test`;
    await createContact(t, t.adminToken, clientId, { email });
    for (const again of [email.toLowerCase(), email.toUpperCase(), email]) {
      const body = expectShape(
        await t.call('POST', `/v1/clients/${clientId}/contacts`, t.adminToken, { email: again }),
        409,
        'UPZ_DB_23505',
      );
      expect(body.message).toMatch(/^email: /);
      // The taken value is not repeated back, nor anything about the row that holds it.
      expect(body.message).not.toContain(email.toLowerCase());
    }
    // Unique per client: another client may have the same contact.
    expectStatus(await t.call('POST', `/v1/clients/${otherClientId}/contacts`, t.adminToken, { email }), 201);
  });

  test('a contact changed to an email another contact of the client has', async () => {
    const first = await createContact(t, t.adminToken, clientId);
    const second = await createContact(t, t.adminToken, clientId);
    const body = expectShape(
      await t.call('PATCH', `/v1/clients/${clientId}/contacts/${second.id}`, t.adminToken, {
        email: first.email.toUpperCase(),
      }),
      409,
      'UPZ_DB_23505',
    );
    expect(body.message).toMatch(/^email: /);
  });

  test('a user email that any tenant already uses', async () => {
    const email = `${marker('user')}@example.test`;
    expectStatus(
      await t.call('POST', `/v1/agencies/${agencyId}/users`, t.adminToken, {
        email,
        password: 'long enough password',
        role: 'viewer',
      }),
      201,
    );
    const body = expectShape(
      await t.call('POST', `/v1/clients/${clientId}/users`, t.adminToken, {
        email: email.toUpperCase(),
        password: 'long enough password',
        role: 'viewer',
      }),
      409,
      'UPZ_DB_23505',
    );
    expect(body.message).toMatch(/^email: /);
  });
});

describe('an unexpected failure: a bare 500', () => {
  /** Runs DDL as the connecting role (the owner of the schema), and undoes it afterwards. */
  async function withBrokenSchema(breakIt: string, repair: string, check: () => Promise<void>) {
    await sql.raw(breakIt).execute(t.db.handle.db);
    try {
      await check();
    } finally {
      await sql.raw(repair).execute(t.db.handle.db);
    }
  }

  function expectBare500(response: LightMyRequestResponse, leaks: string[]) {
    const body = expectShape(response, 500, 'UPZ_INTERNAL');
    expect(body).toEqual({
      statusCode: 500,
      code: 'UPZ_INTERNAL',
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged.',
    });
    for (const leak of [...leaks, 'SELECT', 'select', 'stack', 'does not exist', '.ts:', 'node_modules', ' at ']) {
      expect(response.body).not.toContain(leak);
    }
  }

  test('a query on a column that is gone', async () => {
    await withBrokenSchema(
      'ALTER TABLE contacts RENAME COLUMN phone TO phone_gone',
      'ALTER TABLE contacts RENAME COLUMN phone_gone TO phone',
      async () => {
        expectBare500(await t.call('GET', `/v1/clients/${clientId}/contacts`, t.adminToken), [
          'phone',
          'contacts',
          'column',
        ]);
      },
    );
    // And the route works again once the schema is whole.
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/contacts`, t.adminToken), 200);
  });

  test('a function of the schema that is gone', async () => {
    await withBrokenSchema(
      'ALTER FUNCTION audit_verify_chain(uuid, uuid) RENAME TO audit_verify_chain_gone',
      'ALTER FUNCTION audit_verify_chain_gone(uuid, uuid) RENAME TO audit_verify_chain',
      async () => {
        expectBare500(await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, t.adminToken), [
          'audit_verify_chain',
          'function',
          'uuid',
        ]);
      },
    );
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, t.adminToken), 200);
  });
});

describe('docs/errors.md', () => {
  interface Section {
    code: string;
    text: string;
  }

  async function read(path: string): Promise<string> {
    return readFile(new URL(`../../${path}`, import.meta.url), 'utf8');
  }

  /** Codes made with createError('CODE', 'message' or CONSTANT, status) in server/errors.ts, with their status. */
  async function createdCodes(): Promise<Map<string, number>> {
    const source = await read('server/errors.ts');
    const codes = new Map<string, number>();
    for (const match of source.matchAll(
      /createError\(\s*'([A-Z0-9_]+)'\s*,\s*(?:'(?:[^'\\]|\\.)*'|[A-Z][A-Z0-9_]*)\s*,\s*(\d{3})\s*,?\s*\)/g,
    )) {
      codes.set(match[1] as string, Number(match[2]));
    }
    // Every createError call must have been understood, or a code could slip past this test.
    expect(codes.size).toBe((source.match(/createError\(/g) ?? []).length);
    return codes;
  }

  /** Codes the error handler answers with: its literal codes, and UPZ_DB_ plus each SQLSTATE it maps. */
  async function handlerCodes(): Promise<Map<string, number | null>> {
    const source = await read('server/http/error-handler.ts');
    const codes = new Map<string, number | null>([
      ['UPZ_INTERNAL', 500],
      ['FST_ERR_VALIDATION', 400],
      ['UPZ_ERROR', null],
      ['UPZ_NOT_FOUND', 404],
      ['FST_ERR_BAD_URL', 400],
      ['UPZ_INVALID_EMAIL', 400],
    ]);
    for (const match of source.matchAll(/'((?:UPZ|FST)_[A-Z0-9_]+)'/g)) {
      expect(
        codes.has(match[1] as string),
        `${match[1]} is answered by the error handler: add it here and to docs/errors.md`,
      ).toBe(true);
    }
    const table = source.slice(source.indexOf('const PG_STATUS'));
    for (const match of table.matchAll(/'([0-9A-Z]{5})':\s*\{\s*status:\s*(\d{3})/g))
      codes.set(`UPZ_DB_${match[1]}`, Number(match[2]));
    expect([...codes.keys()].filter((code) => code.startsWith('UPZ_DB_')).length).toBeGreaterThanOrEqual(5);
    return codes;
  }

  async function documented(): Promise<Section[]> {
    const doc = await read('docs/errors.md');
    const parts = doc.split(/^### /m).slice(1);
    return parts.map((part) => {
      const [heading, ...rest] = part.split('\n');
      return { code: (heading as string).trim(), text: rest.join('\n').split(/^## /m)[0] as string };
    });
  }

  test('every code created in server/errors.ts has a section with its status, when, and what to do', async () => {
    const sections = new Map((await documented()).map((section) => [section.code, section.text]));
    const codes = await createdCodes();
    expect(codes.size).toBeGreaterThan(10);
    for (const [code, status] of codes) {
      const text = sections.get(code);
      expect(text, `docs/errors.md has no section for ${code}`).toBeDefined();
      expect(text).toContain(`**Status:** ${status}`);
      expect(text).toMatch(/\*\*When:\*\* \S/);
      expect(text).toMatch(/\*\*What to do:\*\* \S/);
    }
  });

  test('every code of the error handler (UPZ_DB_* mappings, FST_ERR_VALIDATION, UPZ_INTERNAL) has a section', async () => {
    const sections = new Map((await documented()).map((section) => [section.code, section.text]));
    for (const [code, status] of await handlerCodes()) {
      const text = sections.get(code);
      expect(text, `docs/errors.md has no section for ${code}`).toBeDefined();
      if (status !== null) expect(text, code).toContain(`**Status:** ${status}`);
      expect(text).toMatch(/\*\*What to do:\*\* \S/);
    }
  });

  test('and vice versa: every documented code is one the code base or Fastify answers with, documented once', async () => {
    const created = await createdCodes();
    const handled = await handlerCodes();
    const fastify = new Set(Object.keys(errorCodes));
    const codes = (await documented()).map((section) => section.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(
        created.has(code) || handled.has(code) || fastify.has(code),
        `${code} is documented but nothing answers with it`,
      ).toBe(true);
    }
  });
});
