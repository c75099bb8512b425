/**
 * A lead's context (page URL, referrer, UTM) and consent: stored with the submission, returned by the
 * submissions API, refused with a 400 naming the field when malformed; consent required when the widget
 * asks for it; the email checked by shared/email.ts's rule.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, expectStatus } from './provision.ts';

const LOCAL_ORIGIN = 'http://localhost:3000';
const EMAIL = { name: 'email', label: 'Email', type: 'email', required: true };

let t: TestApp;
let agencyId: string;
let client: { id: string; publicKey: string };

beforeAll(async () => {
  // Every case here is a widget request from one address: the per-address limit is not what is tested.
  t = await createTestApp({ submissionsPerMinute: 1_000_000 });
  agencyId = (await createAgency(t)).id;
  client = await createClient(t, t.adminToken, agencyId);
  expectStatus(await t.call('PATCH', `/v1/clients/${client.id}/settings`, t.adminToken, { allowLocalhost: true }), 200);
});
afterAll(() => t?.close());

function submit(body: object, key = randomUUID(), target = client) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${target.publicKey}/submissions`,
    headers: { origin: LOCAL_ORIGIN, 'idempotency-key': key, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

async function submissions(target = client): Promise<any[]> {
  const response = await t.call('GET', `/v1/clients/${target.id}/submissions?limit=200`, t.adminToken);
  expectStatus(response, 200);
  return response.json().items;
}

describe('context and consent', () => {
  test('are stored with the lead and returned by the submissions API; the time of consent is the server’s', async () => {
    const before = Date.now();
    const context = {
      pageUrl: 'https://acme.example/pricing?utm_source=news&utm_campaign=spring#plans',
      referrer: 'https://www.search.example/?q=acme',
      utm: { source: 'news', medium: 'email', campaign: 'spring', term: 'crm tool', content: 'header-link' },
    };
    const response = await submit({
      email: 'ctx@example.test',
      context,
      consent: { text: 'I agree that Acme keeps my details.' },
    });
    expectStatus(response, 201);
    const item = (await submissions()).find((row) => row.id === response.json().id);
    expect(item.context).toEqual(context);
    expect(item.consent.text).toBe('I agree that Acme keeps my details.');
    const givenAt = Date.parse(item.consent.givenAt);
    expect(givenAt).toBeGreaterThanOrEqual(before - 1000);
    expect(givenAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('a lead without them reads with nulls; an empty referrer or UTM value is the same as none', async () => {
    const bare = await submit({ email: 'bare@example.test' });
    const empty = await submit({
      email: 'empty@example.test',
      context: { pageUrl: 'http://localhost:3000/', referrer: '', utm: { source: '' } },
    });
    const items = await submissions();
    const none = {
      pageUrl: null,
      referrer: null,
      utm: { source: null, medium: null, campaign: null, term: null, content: null },
    };
    expect(items.find((row) => row.id === bare.json().id)).toMatchObject({ context: none, consent: null });
    expect(items.find((row) => row.id === empty.json().id)).toMatchObject({
      context: { ...none, pageUrl: 'http://localhost:3000/' },
      consent: null,
    });
  });

  test('are part of what an idempotency key stands for', async () => {
    const key = randomUUID();
    const body = { email: 'same@example.test', context: { pageUrl: 'https://acme.example/a' } };
    const first = await submit(body, key);
    expectStatus(first, 201);
    expect((await submit(body, key)).json().id).toBe(first.json().id);
    expect((await submit({ ...body, context: { pageUrl: 'https://acme.example/b' } }, key)).statusCode).toBe(409);
  });

  const refusals: Array<[string, object, string]> = [
    ['a page URL that is no URL', { context: { pageUrl: 'not a url' } }, 'context.pageUrl'],
    ['a javascript: page URL', { context: { pageUrl: 'javascript:alert(1)' } }, 'context.pageUrl'],
    ['an ftp page URL', { context: { pageUrl: 'ftp://acme.example/' } }, 'context.pageUrl'],
    ['a page URL with a newline', { context: { pageUrl: 'https://acme.example/\nx' } }, 'context.pageUrl'],
    [
      'a page URL over 2048 characters',
      { context: { pageUrl: `https://acme.example/${'a'.repeat(2030)}` } },
      'context.pageUrl',
    ],
    ['a relative referrer', { context: { referrer: '/from-here' } }, 'context.referrer'],
    ['a referrer as a number', { context: { referrer: 42 } }, 'context.referrer'],
    ['a UTM value over 200 characters', { context: { utm: { source: 'x'.repeat(201) } } }, 'context.utm.source'],
    ['a UTM value with a control character', { context: { utm: { campaign: 'a\u0007b' } } }, 'context.utm.campaign'],
    ['a UTM parameter that is not one', { context: { utm: { id: '42' } } }, 'context.utm.id'],
    ['a context property that is not one', { context: { userAgent: 'x' } }, 'context.userAgent'],
    ['context as a string', { context: 'https://acme.example/' }, 'context'],
    ['consent without its text', { consent: {} }, 'consent.text'],
    ['consent with an empty text', { consent: { text: '' } }, 'consent.text'],
    ['consent of spaces', { consent: { text: '   ' } }, 'consent.text'],
    ['consent over 1000 characters', { consent: { text: 'x'.repeat(1001) } }, 'consent.text'],
    [
      'consent with a time of its own',
      { consent: { text: 'I agree', givenAt: '2020-01-01T00:00:00Z' } },
      'consent.givenAt',
    ],
    ['consent as true', { consent: true }, 'consent'],
  ];

  test.each(refusals)('%s: 400 naming the field, nothing stored', async (_what, extra, field) => {
    const before = (await submissions()).length;
    const response = await submit({ email: 'bad-context@example.test', ...extra });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().field).toBe(field);
    expect(response.json().message).toContain(field.split('.').pop());
    expect((await submissions()).length).toBe(before);
  });
});

describe('the email', () => {
  test.each(['ada@example.com.', 'user@example..com', 'jörg@example.com', 'ada@example', ' ada@example.com'])(
    '%s is a 400 UPZ_INVALID_EMAIL naming email',
    async (email) => {
      const response = await submit({ email });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'UPZ_INVALID_EMAIL', field: 'email' });
    },
  );

  test('an address the rule accepts is stored', async () => {
    expectStatus(await submit({ email: "o'brien+leads@xn--mller-kva.example" }), 201);
  });
});

describe('a widget that asks for consent', () => {
  let asking: { id: string; publicKey: string };
  beforeAll(async () => {
    asking = await createClient(t, t.adminToken, agencyId);
    const settings = await t.call('PATCH', `/v1/clients/${asking.id}/settings`, t.adminToken, {
      allowLocalhost: true,
      widget: {
        privacyPolicyUrl: 'https://acme.example/privacy',
        fields: [
          EMAIL,
          { name: 'newsletter', label: 'Send me news', type: 'checkbox', required: false },
          { name: 'agree', label: 'I agree that Acme keeps my details.', type: 'consent', required: true },
        ],
      },
    });
    expectStatus(settings, 200);
  });

  test('refuses a submission without consent, 400 UPZ_CONSENT_REQUIRED naming consent, and stores nothing', async () => {
    const response = await submit({ email: 'noconsent@example.test' }, randomUUID(), asking);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'UPZ_CONSENT_REQUIRED', field: 'consent' });
    expect(await submissions(asking)).toHaveLength(0);
  });

  test('takes one with consent, and a checkbox as true or false only', async () => {
    expectStatus(
      await submit(
        {
          email: 'yes@example.test',
          consent: { text: 'I agree that Acme keeps my details.' },
          fields: { newsletter: 'true' },
        },
        randomUUID(),
        asking,
      ),
      201,
    );
    const odd = await submit(
      { email: 'odd@example.test', consent: { text: 'I agree' }, fields: { newsletter: 'yes' } },
      randomUUID(),
      asking,
    );
    expect(odd.statusCode, odd.body).toBe(400);
    expect(odd.json().field).toBe('fields.newsletter');
    expect(await submissions(asking)).toHaveLength(1);
  });

  test('another client’s widget, which does not ask, takes leads without consent', async () => {
    expectStatus(await submit({ email: 'other@example.test' }), 201);
  });
});
