/**
 * Bad input on every route, property-based: no request makes the server answer 5xx, and afterwards
 * every read of the tenant still answers 200.
 *
 * The routes are read from the app itself (printRoutes), so a route added later is covered without
 * touching this file. Each is called as the platform admin (the widget routes with an Origin the
 * client allows: `allowLocalhost` is on) with path parameters that name real rows or are garbage,
 * odd query strings, and bodies that are arbitrary JSON, near-valid bodies with one value spoiled
 * (lone surrogates, NUL, deep nesting, huge strings, unknown keys), or not JSON at all.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestApp } from '../support/test-app.ts';
import {
  createAgency,
  createClient,
  createContact,
  createTestAppWithDns,
  createUser,
  expectStatus,
  marker,
} from './provision.ts';

const ORIGIN = 'http://localhost:3000';

interface Route {
  method: string;
  /** As registered: `/v1/clients/:clientId/contacts/:contactId`. */
  url: string;
}

let t: TestApp;
const routes: Route[] = [];
/** What a path parameter of each name is when it names a real row. */
const real: Record<string, () => string> = {};
let agencyId: string;
let clientId: string;
let publicKey: string;

async function freshContact(): Promise<string> {
  return (await createContact(t, t.adminToken, clientId)).id;
}

beforeAll(async () => {
  t = await createTestAppWithDns({
    // Every route as it is registered, whatever prefix or wildcard it has.
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url });
    },
  });
  agencyId = (await createAgency(t)).id;
  const client = await createClient(t, t.adminToken, agencyId);
  clientId = client.id;
  publicKey = client.publicKey;
  expectStatus(await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, { allowLocalhost: true }), 200);
  const contactId = await freshContact();
  const domain = await t.call('POST', `/v1/clients/${clientId}/domains`, t.adminToken, {
    hostname: `${marker('site')}.example.com`,
  });
  expectStatus(domain, 201);
  const user = await createUser(t, t.adminToken, 'clients', clientId, 'viewer');
  const submission = await widgetCall(
    'POST',
    `/v1/widget/${publicKey}/submissions`,
    JSON.stringify({ email: 'lead@example.test', fields: { company: 'Acme' } }),
  );
  expectStatus(submission, 201);
  Object.assign(real, {
    agencyId: () => agencyId,
    clientId: () => clientId,
    contactId: () => contactId,
    domainId: () => domain.json().id,
    userId: () => user.id,
    publicKey: () => publicKey,
    flag: () => 'fuzz.flag',
  });
}, 60_000);
afterAll(() => t?.close());

function widgetCall(method: string, url: string, payload?: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: { origin: ORIGIN, 'idempotency-key': randomUUID(), 'content-type': 'application/json', ...headers },
    ...(payload !== undefined && { payload }),
  });
}

// ---------------------------------------------------------------------------------------------
// What a request is made of.

/** Every byte of the string's UTF-8 (a lone surrogate becomes U+FFFD) percent-encoded, except the unreserved. */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
}

const LONE_SURROGATES = ['\ud83d', 'a\udfffb', '\udc00\ud800'];
const nastyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    ...LONE_SURROGATES,
    '\u0000',
    'a\u0000b',
    '',
    ' ',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'toString',
    '😀',
    '1e400',
    '-1e400',
  ),
  fc.integer({ min: 2000, max: 40_000 }).map((n) => 'x'.repeat(n)),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...LONE_SURROGATES, '\u0000'))
    .map(([text, bad]) => text + bad),
);

/** A value nested `depth` levels deep, as arrays or objects. */
function nested(depth: number, asObjects: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObjects ? { a: value } : [value];
  return value;
}

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, -0, 2 ** 53 + 1)),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.tuple(fc.integer({ min: 20, max: 900 }), fc.boolean()).map(([depth, asObjects]) => nested(depth, asObjects)),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.array(nastyString, { maxLength: 4 }),
);

const KNOWN_KEYS = [
  'email',
  'password',
  'role',
  'name',
  'phone',
  'message',
  'attributes',
  'fields',
  'widget',
  'allowLocalhost',
  'hostname',
  'includeSubdomains',
  'title',
  'theme',
  'publicKey',
  'currentPassword',
  'newPassword',
  'url',
  'events',
  'intro',
  'primary',
  'context',
  'consent',
  'pageUrl',
  'referrer',
  'utm',
  'source',
  'campaign',
  'text',
  'locale',
  'strings',
  'colorScheme',
  'launcher',
  'closeOnOutsideClick',
  'privacyPolicyUrl',
  'options',
  'placeholder',
  'size',
  'offsetY',
  'close',
  'sending',
  'state',
  'percent',
  'public',
];
const anyKey = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN_KEYS) }, nastyString);

/** A body each route would accept, to spoil one part of. */
function validBody(route: Route): Record<string, unknown> {
  const email = `${marker('fuzz')}@example.test`;
  if (route.url.endsWith('/submissions')) {
    return {
      email,
      name: 'Lead',
      message: 'Hello',
      fields: { company: 'Acme' },
      context: {
        pageUrl: 'http://localhost:3000/pricing',
        referrer: 'https://search.example/',
        utm: { source: 'news', campaign: 'spring' },
      },
      consent: { text: 'I agree' },
    };
  }
  if (route.url.endsWith('/contacts') || route.url.endsWith('/:contactId'))
    return { email, name: 'Ada', phone: '+44 20', attributes: { plan: 'pro' } };
  if (route.url.endsWith('/users')) return { email, password: 'a long enough password', role: 'viewer' };
  if (route.url.endsWith('/:userId')) return { role: 'viewer' };
  if (route.url.endsWith('/settings')) {
    return {
      widget: {
        title: 'Hi',
        theme: { primary: '#000000', text: '#000000', background: '#ffffff' },
        locale: 'de',
        strings: { close: 'Zu' },
        colorScheme: 'dark',
        launcher: { display: 'button', icon: 'mail', size: 48, offsetX: 10, offsetY: 10 },
        closeOnOutsideClick: false,
        privacyPolicyUrl: 'https://acme.example/privacy',
      },
    };
  }
  if (route.url.endsWith('/domains')) return { hostname: `${marker('fuzz')}.example.com` };
  if (route.url.endsWith('/flags/:flag')) return { state: 'rollout', percent: 10, public: true };
  if (route.url.endsWith('/token')) return { email, password: 'not the password' };
  if (route.url.endsWith('/password'))
    return { currentPassword: 'not the password', newPassword: 'another long password' };
  return { name: marker('fuzz') };
}

/** The paths of the objects inside `value`, two levels deep at most: `['widget']`, `['context', 'utm']`. */
function objectPaths(value: Record<string, unknown>, depth = 2): string[][] {
  if (depth === 0) return [];
  return Object.entries(value)
    .filter(([, child]) => typeof child === 'object' && child !== null && !Array.isArray(child))
    .flatMap(([key, child]) => [
      [key],
      ...objectPaths(child as Record<string, unknown>, depth - 1).map((path) => [key, ...path]),
    ]);
}

/** The valid body with some entries replaced or added, at the top or inside one of its objects (nested ones too). */
function spoiled(route: Route): fc.Arbitrary<string> {
  const base = validBody(route);
  return fc
    .record({
      entries: fc.dictionary(anyKey, nastyValue, { minKeys: 1, maxKeys: 3 }),
      into: fc.constantFrom([], ...objectPaths(base)),
    })
    .map(({ entries, into }) => {
      const body = structuredClone(base);
      const last = into.at(-1);
      if (last === undefined) return JSON.stringify(Object.assign(body, entries));
      let parent: Record<string, unknown> = body;
      for (const key of into.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      // Spread, not assign: a `__proto__` entry stays an own property that the JSON carries.
      parent[last] = { ...(parent[last] as object), ...entries };
      return JSON.stringify(body);
    });
}

/** Text no JSON.stringify of a value makes: raw nesting, raw escapes, broken or empty JSON. */
function rawText(route: Route): fc.Arbitrary<string> {
  const valid = JSON.stringify(validBody(route));
  return fc.oneof(
    fc.integer({ min: 30, max: 20_000 }).map((depth) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    fc.integer({ min: 30, max: 5000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc
      .constantFrom('\\ud83d', '\\udfff', '\\u0000', '\\ud83d\\ude00')
      .map((sequence) => valid.replace(/"([^"\\]*)"(?=[,}])/, `"$1${sequence}"`)),
    fc.constantFrom(
      '{',
      '',
      'null',
      '[]',
      '"text"',
      '1',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"a":1,"a":2}',
    ),
    fc.constantFrom('1e400', '-1e400').map((number) => valid.replace(/"([^"\\]*)"(?=[,}])/, number)),
    fc.integer({ min: 60_000, max: 70_000 }).map((size) => JSON.stringify({ name: 'x'.repeat(size) })),
  );
}

function bodyFor(route: Route): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: spoiled(route) },
    { weight: 2, arbitrary: rawText(route) },
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  );
}

const nastySegment = fc.oneof(
  fc.uuid(),
  nastyString.map((text) => encode(text.slice(0, 3000))),
  fc.constantFrom(
    '%00',
    '%ED%A0%BD',
    '%F0%9F',
    '%C0%AF',
    '..',
    '%2F',
    '%25',
    '-1',
    '0',
    'null',
    '__proto__',
    'x'.repeat(3000),
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `{${id}}`),
);

/** The route's URL with each parameter, and a wildcard, filled by `valueFor`. */
function fill(route: Route, valueFor: (name: string, index: number) => string): string {
  let index = 0;
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => valueFor(name, index++));
  return url === '*' ? `/${valueFor('*', index)}` : url.replace('*', () => valueFor('*', index));
}

const realOr = (name: string) => real[name]?.() ?? randomUUID();

/** The route's URL with each parameter filled: mostly the real row, sometimes garbage. */
function pathFor(route: Route): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, nastySegment), { minLength: 4, maxLength: 4 })
    .map((values) => fill(route, (name, i) => values[i] ?? (name === '*' ? 'anything' : realOr(name))));
}

const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('limit', 'cursor', 'q', 'limit[]', '__proto__', 'constructor'),
        nastyString.map((text) => encode(text.slice(0, 100))),
      ),
      fc.oneof(
        fc.constantFrom(
          '0',
          '-1',
          '1e400',
          'NaN',
          '201',
          '50',
          'abc',
          '',
          '%00',
          '%ED%A0%BD',
          'x'.repeat(5000),
          Buffer.from('["x","y"]').toString('base64url'),
        ),
        nastyString.map((text) => encode(text.slice(0, 500))),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`));

interface Attempt {
  route: Route;
  url: string;
  body: string | undefined;
  contentType: string;
  origin: string;
}

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

function attemptFor(route: Route): fc.Arbitrary<Attempt> {
  return fc
    .record({
      path: pathFor(route),
      query: queryString,
      body: WITHOUT_BODY.has(route.method) ? fc.constant(undefined) : bodyFor(route),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        fc.constantFrom('application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded'),
      ),
      origin: fc.oneof(
        { weight: 8, arbitrary: fc.constant(ORIGIN) },
        fc.constantFrom(
          'http://local\u00adhost:3000',
          'null',
          `http://${'a'.repeat(5000)}.localhost:3000`,
          'https://evil.example',
        ),
      ),
    })
    .map(({ path, query, body, contentType, origin }) => ({ route, url: path + query, body, contentType, origin }));
}

function describeAttempt(a: Attempt): string {
  const body =
    a.body === undefined
      ? ''
      : ` ${a.body.length > 300 ? `${a.body.slice(0, 300)}… (${a.body.length} chars)` : a.body}`;
  return `${a.route.method} ${a.url.length > 300 ? `${a.url.slice(0, 300)}…` : a.url} [${a.contentType}]${body}`;
}

const covered = new Set<string>();
/** Answers of the random runs by status class, so a run that only ever met one refusal shows. */
const answered: Record<string, number> = {};

async function sendAttempt(a: Attempt): Promise<LightMyRequestResponse> {
  covered.add(`${a.route.method} ${a.route.url}`);
  return t.app.inject({
    method: a.route.method as 'GET',
    url: a.url,
    headers: {
      authorization: `Bearer ${t.adminToken}`,
      origin: a.origin,
      'idempotency-key': randomUUID(),
      ...(a.body !== undefined && { 'content-type': a.contentType }),
    },
    ...(a.body !== undefined && { payload: a.body }),
  });
}

function expectNo5xx(a: Attempt, response: LightMyRequestResponse): void {
  expect(
    response.statusCode,
    `${describeAttempt(a)} → ${response.statusCode} ${response.body.slice(0, 500)}`,
  ).toBeLessThan(500);
}

// ---------------------------------------------------------------------------------------------

test('the routes are read from the app: all of them, each one the app knows', () => {
  for (const route of routes.filter((route) => route.url !== '*')) {
    expect(t.app.hasRoute({ method: route.method as 'GET', url: route.url }), `${route.method} ${route.url}`).toBe(
      true,
    );
  }
  const urls = new Set(routes.map((route) => `${route.method} ${route.url}`));
  for (const known of [
    'POST /v1/auth/token',
    'PATCH /v1/clients/:clientId/settings',
    'GET /v1/clients/:clientId/submissions',
    'POST /v1/widget/:publicKey/submissions',
    'DELETE /v1/clients/:clientId/domains/:domainId',
  ]) {
    expect(urls.has(known), known).toBe(true);
  }
  expect(routes.length).toBeGreaterThanOrEqual(30);
});

test('every route, once with each kind of bad input, answers below 500', async () => {
  const kinds: Array<(route: Route) => Partial<Attempt>> = [
    () => ({
      body: '{"name":"\\ud83d","email":"\\ud83d@example.test","fields":{"a":"\\ud83d"},"widget":{"title":"\\ud83d"}}',
    }),
    () => ({ body: '{"name":"a\\u0000b","email":"a\\u0000@example.test","attributes":{"a\\u0000":1}}' }),
    () => ({ body: `{"attributes":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}` }),
    () => ({ body: JSON.stringify({ name: 'x'.repeat(60_000) }) }),
    (route) => ({ body: JSON.stringify({ ...validBody(route), unknownProperty: { nested: true } }) }),
    () => ({
      body: JSON.stringify({
        fields: { '0': { toString: 1 } },
        email: 'x@example.test',
        widget: { publicKey: 'pk_xxxxxxxxxxxxxxxxxxxxxxxx', evil: 1 },
      }),
    }),
    (route) => ({ url: `${fill(route, () => '%ED%A0%BD')}?limit=%00&cursor=%ED%A0%BD&q=%00` }),
    (route) => ({
      url: `${fill(route, (name) => (name === '*' ? 'x' : realOr(name)))}?cursor=${'x'.repeat(5000)}&q=${'%F0%9F'.repeat(50)}&extra=1`,
    }),
    (route) => ({ url: `${fill(route, (name) => (name === '*' ? 'x' : realOr(name)))}?limit=1e400` }),
    (route) => ({
      body: JSON.stringify({
        ...validBody(route),
        widget: { fields: [{ name: 'email', label: 'E', type: 'email', required: true, maxLength: '1e400' }] },
      }),
    }),
    () => ({ origin: `http://local${'\u00ad'.repeat(16_000)}host:3000` }),
  ];
  for (const route of routes) {
    const base = fc.sample(attemptFor(route), { numRuns: 1, seed: 1 })[0] as Attempt;
    for (const kind of kinds) {
      const a = { ...base, contentType: 'application/json', origin: ORIGIN, ...kind(route) };
      if (WITHOUT_BODY.has(route.method)) a.body = undefined;
      expectNo5xx(a, await sendAttempt(a));
    }
  }
  expect(covered.size).toBe(routes.length);
}, 60_000);

test('random bad input on random routes never answers 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes).chain(attemptFor), async (a) => {
      const response = await sendAttempt(a);
      expectNo5xx(a, response);
      const kind = `${String(response.statusCode).slice(0, 1)}xx`;
      answered[kind] = (answered[kind] ?? 0) + 1;
    }),
    { numRuns: 600, seed: Number(process.env.UPZENTO_FUZZ_SEED ?? 20_261_204) },
  );
  // Some requests got through every check and did their work: the runs were not all stopped at one door.
  expect(answered['2xx'] ?? 0, JSON.stringify(answered)).toBeGreaterThan(20);
  expect(answered['4xx'] ?? 0, JSON.stringify(answered)).toBeGreaterThan(100);
}, 60_000);

/**
 * The id of a row that the list above `:name` in the route's path shows (`…/webhooks` for
 * `…/webhooks/:webhookId/deliveries`), or undefined when that list is empty or is no list.
 */
async function someRowOf(
  route: Route,
  name: string,
  known: Record<string, string | undefined>,
): Promise<string | undefined> {
  const list = route.url.slice(0, route.url.indexOf(`/:${name}`));
  if (
    list.includes(':') &&
    [...list.matchAll(/:(\w+)/g)].some(([, other]) => known[other as string] === undefined && !real[other as string])
  )
    return undefined;
  const response = await t.call(
    'GET',
    fill({ method: 'GET', url: list }, (other) => known[other] ?? realOr(other)),
    t.adminToken,
  );
  const json = String(response.headers['content-type']).startsWith('application/json');
  const first =
    response.statusCode === 200 && json
      ? (response.json() as { items?: Array<{ id?: unknown }> }).items?.[0]?.id
      : undefined;
  return typeof first === 'string' ? first : undefined;
}

test('afterwards every read of the tenant answers 200, every page of it', async () => {
  // Whatever the runs changed, the client's own widget origin is allowed again and a contact exists.
  expectStatus(await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, { allowLocalhost: true }), 200);
  const contactId = await freshContact();
  // Exports the runs asked for are made, so their archives are there to read: none of them may fail.
  expect((await t.app.privacyJobs.runOnce()).failed).toBe(0);
  const reads = routes.filter((route) => route.method === 'GET' && !route.url.includes('*'));
  let checked = 0;
  for (const route of reads) {
    const ids: Record<string, string | undefined> = { contactId };
    for (const [, name] of route.url.matchAll(/:(\w+)/g))
      ids[name as string] ??= real[name as string]?.() ?? (await someRowOf(route, name as string, ids));
    // A row this suite knows no way to make (a new route's own kind of id), and the runs made none: nothing stored to read.
    if (Object.values(ids).includes(undefined)) continue;
    checked += 1;
    const path = fill(route, (name) => ids[name] as string);
    let url = path;
    for (let page = 0; page < 100; page++) {
      const response = route.url.startsWith('/v1/widget/')
        ? await widgetCall('GET', url)
        : await t.call('GET', url, t.adminToken);
      // A tenant has a deletion to read only once one was asked for, which would suspend the suite's tenant.
      if (route.url.endsWith('/deletion') && response.statusCode === 404) {
        expect(response.json(), `GET ${url}`).toMatchObject({ code: 'UPZ_NOT_FOUND', message: 'Deletion not found' });
        break;
      }
      expect(response.statusCode, `GET ${url} → ${response.body.slice(0, 500)}`).toBe(200);
      const next = String(response.headers['content-type']).includes('json') ? response.json().nextCursor : undefined;
      if (typeof next !== 'string') break;
      url = `${path}?cursor=${encodeURIComponent(next)}`;
    }
  }
  const verify = await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, t.adminToken);
  expect(verify.json().valid, verify.body).toBe(true);
  expect(checked).toBeGreaterThanOrEqual(15);
  console.info(
    `bad-input suite: ${routes.length} routes, ${covered.size} covered, ${checked} of ${reads.length} reads checked, random answers ${JSON.stringify(answered)}`,
  );
}, 60_000);
