/**
 * Webhooks end to end, against a real HTTP receiver on 127.0.0.1: a submission becomes a signed
 * POST, a failing or slow receiver is tried again on the retry schedule (driven by a fake clock),
 * deliveries survive a restart, the submission never waits for the network, targets inside the
 * server's own networks are refused, secrets rotate with an overlap, a delivery can be sent again,
 * and another client's admin cannot see or use an endpoint.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppOptions } from '../../server/app.ts';
import { DELIVERY_LOCK_KEY } from '../../server/webhooks/delivery-worker.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../server/webhooks/retry-schedule.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/test-database.ts';
import { createAgency, createAgencyWithClient, createClient, createUser, expectStatus } from '../platform/provision.ts';

// ---------------------------------------------------------------------------------------------
// The receiver: answers each path as told, and keeps every request with its raw body.

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** How the receiver answers the next request on a path: a status, after an optional delay. */
type Answer = { status: number; delayMs?: number };

const received: Received[] = [];
const answers = new Map<string, Answer[]>();
let receiver: http.Server;
let base: string;

function answerWith(path: string, ...list: Answer[]): void {
  answers.set(path, list);
}

function requestsTo(path: string): Received[] {
  return received.filter((request) => request.path === path);
}

/** When each answer was sent, by path. */
const answeredAt = new Map<string, number[]>();

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const queue = answers.get(path) ?? [];
      const answer = queue.length > 1 ? (queue.shift() as Answer) : (queue[0] ?? { status: 200 });
      setTimeout(() => {
        if (response.destroyed) return;
        answeredAt.set(path, [...(answeredAt.get(path) ?? []), Date.now()]);
        response.writeHead(answer.status, { 'content-type': 'text/plain' }).end('ok');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

// ---------------------------------------------------------------------------------------------
// The app: private targets allowed (the receiver is on loopback), a short time limit, a fake clock.

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const advance = (ms: number) => {
  offsetMs += ms;
};
const TIMEOUT_MS = 1000;
const webhookOptions = (extra: AppOptions['webhooks'] = {}): Partial<AppOptions> => ({
  webhooks: { allowPrivate: true, timeoutMs: TIMEOUT_MS, now: clock, ...extra },
});

let database: TestDatabase;
let t: TestApp;
let clientId: string;
let publicKey: string;
let otherAgencyClientAdmin: string;
let siblingAdmin: string;
let clientMember: string;
const ORIGIN = 'http://localhost:3000';

const counts = { delivered: 0, retried: 0, failed: 0, verified: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp(webhookOptions(), database);
  const { agencyId, agencyAdmin, client } = await createAgencyWithClient(t);
  clientId = client.id;
  publicKey = client.publicKey;
  expectStatus(await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, { allowLocalhost: true }), 200);
  const sibling = await createClient(t, agencyAdmin.token, agencyId);
  siblingAdmin = (await createUser(t, agencyAdmin.token, 'clients', sibling.id, 'admin')).token;
  clientMember = (await createUser(t, agencyAdmin.token, 'clients', clientId, 'member')).token;
  const otherAgency = (await createAgency(t)).id;
  const otherClient = await createClient(t, t.adminToken, otherAgency);
  otherAgencyClientAdmin = (await createUser(t, t.adminToken, 'clients', otherClient.id, 'admin')).token;
}, 120_000);

afterAll(async () => {
  console.log(
    `webhooks: ${counts.delivered} delivered, ${counts.retried} retried after a failed attempt, ${counts.failed} failed for good, ` +
      `${counts.verified} signatures recomputed and verified`,
  );
  await t?.close();
  await database?.close();
});

async function register(
  path: string,
  token = t.adminToken,
  app = t,
): Promise<{ id: string; secret: string; url: string }> {
  const response = await app.call('POST', `/v1/clients/${clientId}/webhooks`, token, {
    url: `${base}${path}`,
    events: ['submission.created'],
  });
  expectStatus(response, 201);
  return response.json();
}

const LEAD_CONTEXT = {
  pageUrl: 'https://acme.example/pricing?utm_source=news',
  referrer: 'https://news.example/',
  utm: { source: 'news', campaign: 'spring' },
};

async function submit(
  app = t,
  email = `lead-${randomUUID().slice(0, 8)}@example.test`,
): Promise<{ id: string; ms: number }> {
  const started = performance.now();
  const response = await app.app.inject({
    method: 'POST',
    url: `/v1/widget/${publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    payload: JSON.stringify({
      email,
      name: 'Ada Lead',
      message: 'Call me',
      fields: { company: 'Acme' },
      context: LEAD_CONTEXT,
      consent: { text: 'I agree to be called.' },
    }),
  });
  const ms = performance.now() - started;
  expectStatus(response, 201);
  return { id: response.json().id, ms };
}

async function round(app = t) {
  const result = await app.app.webhooks.runOnce();
  counts.delivered += result.delivered;
  counts.retried += result.retried;
  counts.failed += result.failed;
  return result;
}

async function deliveries(webhookId: string, app = t) {
  const response = await app.call('GET', `/v1/clients/${clientId}/webhooks/${webhookId}/deliveries`, app.adminToken);
  expectStatus(response, 200);
  return response.json().items as Array<Record<string, any>>;
}

/** The v1 signatures of a request that match one of `secrets`, recomputed here from the raw body. */
function verifiedBy(request: Received, secrets: string[]): string[] {
  const header = String(request.headers['upzento-signature']);
  const parts = header.split(',').map((part) => part.split('=') as [string, string]);
  const t = parts.find(([key]) => key === 't')?.[1];
  expect(t).toMatch(/^\d+$/);
  const given = parts.filter(([key]) => key === 'v1').map(([, value]) => value);
  const matched = secrets.filter((secret) =>
    given.includes(createHmac('sha256', secret).update(`${t}.${request.body}`).digest('hex')),
  );
  counts.verified += matched.length;
  return matched;
}

/** verifyUpzentoSignature from the JavaScript block of docs/webhooks.md. */
async function docsVerify(body: string, header: string, secret: string): Promise<boolean> {
  const doc = await readFile(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(code).toBeDefined();
  const dir = await mkdtemp(path.join(tmpdir(), 'upzento-webhooks-doc-'));
  try {
    const file = path.join(dir, 'verify.mjs');
    await writeFile(file, code as string);
    const { verifyUpzentoSignature } = await import(pathToFileURL(file).href);
    return verifyUpzentoSignature(Buffer.from(body), header, secret);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function removeAllWebhooks(): Promise<void> {
  const list = await t.call('GET', `/v1/clients/${clientId}/webhooks`, t.adminToken);
  for (const item of list.json().items)
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/webhooks/${item.id}`, t.adminToken), 204);
}

// ---------------------------------------------------------------------------------------------

describe('delivery', () => {
  test('a submission is POSTed, signed with the secret shown once, and the submission did not wait for it', async () => {
    await removeAllWebhooks();
    answerWith('/first', { status: 200 });
    const hook = await register('/first');
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await t.call('GET', `/v1/clients/${clientId}/webhooks`, t.adminToken);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: hook.id, url: `${base}/first`, events: ['submission.created'] }),
    ]);
    expect(list.body).not.toContain(hook.secret);

    const submission = await submit();
    // The outbox row is there before anything was sent: the submission's 201 waited for no network.
    expect(requestsTo('/first')).toHaveLength(0);
    expect(await deliveries(hook.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 0, submissionId: submission.id }),
    ]);

    expect(await round()).toMatchObject({ ran: true, delivered: 1, retried: 0 });
    const [request] = requestsTo('/first');
    expect(request).toBeDefined();
    expect(request?.headers['content-type']).toBe('application/json');
    expect(verifiedBy(request as Received, [hook.secret])).toEqual([hook.secret]);
    const event = JSON.parse(request?.body as string);
    expect(event).toMatchObject({
      type: 'submission.created',
      data: { id: submission.id, clientId, name: 'Ada Lead', message: 'Call me', fields: { company: 'Acme' } },
    });
    expect(Object.keys(event).sort()).toEqual(['createdAt', 'data', 'id', 'type']);
    // Where the lead came from and what it agreed to travel with it; the time of consent is the server's.
    expect(event.data.context).toEqual({
      ...LEAD_CONTEXT,
      utm: { source: 'news', medium: null, campaign: 'spring', term: null, content: null },
    });
    expect(event.data.consent).toEqual({ text: 'I agree to be called.', givenAt: expect.any(String) });
    expect(Math.abs(Date.parse(event.data.consent.givenAt) - Date.parse(event.data.createdAt))).toBeLessThan(5_000);
    expect(request?.headers['upzento-event-id']).toBe(event.id);
    expect(new Date(event.createdAt).toISOString()).toBe(event.createdAt);

    // The verifying function of docs/webhooks.md, run as a receiver would run it.
    expect(await docsVerify(request?.body as string, String(request?.headers['upzento-signature']), hook.secret)).toBe(
      true,
    );
    expect(await docsVerify(`${request?.body} `, String(request?.headers['upzento-signature']), hook.secret)).toBe(
      false,
    );
    expect(
      await docsVerify(request?.body as string, String(request?.headers['upzento-signature']), `${hook.secret}x`),
    ).toBe(false);

    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      nextAttemptAt: null,
      eventId: event.id,
    });
    expect(log?.lastLatencyMs).toBeGreaterThanOrEqual(0);
    // Nothing is due any more.
    expect(await round()).toMatchObject({ delivered: 0, retried: 0, failed: 0, nextDueAt: null });
  });

  test('a receiver failing twice is tried again after 5 s and 30 s, and gets the event once it answers 2xx, with the same id', async () => {
    await removeAllWebhooks();
    answerWith('/flaky', { status: 500 }, { status: 503 }, { status: 204 });
    const hook = await register('/flaky');
    await submit();
    expect(await round()).toMatchObject({ retried: 1, delivered: 0 });
    let [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'answered HTTP 500' });
    expect(new Date(log?.nextAttemptAt).getTime() - new Date(log?.lastAttemptAt).getTime()).toBe(RETRY_DELAYS_MS[0]);

    // Not due yet: nothing is sent before the 5 s are over.
    expect(await round()).toMatchObject({ retried: 0, delivered: 0 });
    advance(5_000);
    expect(await round()).toMatchObject({ retried: 1 });
    [log] = await deliveries(hook.id);
    expect(new Date(log?.nextAttemptAt).getTime() - new Date(log?.lastAttemptAt).getTime()).toBe(RETRY_DELAYS_MS[1]);
    advance(30_000);
    expect(await round()).toMatchObject({ delivered: 1 });

    const sent = requestsTo('/flaky');
    expect(sent).toHaveLength(3);
    const ids = sent.map((request) => JSON.parse(request.body).id);
    expect(new Set(ids).size).toBe(1);
    expect(new Set(sent.map((request) => request.headers['upzento-event-id']))).toEqual(new Set(ids));
    for (const request of sent) expect(verifiedBy(request, [hook.secret])).toEqual([hook.secret]);
    [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, nextAttemptAt: null });
  });

  test('a slow receiver is cut off at the time limit and tried again', async () => {
    await removeAllWebhooks();
    answerWith('/slow', { status: 200, delayMs: TIMEOUT_MS * 3 }, { status: 200 });
    const hook = await register('/slow');
    await submit();
    const started = performance.now();
    expect(await round()).toMatchObject({ retried: 1 });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 2.5);
    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: `no answer within ${TIMEOUT_MS / 1000} s`,
    });
    advance(5_000);
    expect(await round()).toMatchObject({ delivered: 1 });
    expect(requestsTo('/slow')).toHaveLength(2);
  });

  test('a receiver that never answers 2xx is tried for more than 24 hours, then the delivery is failed', async () => {
    await removeAllWebhooks();
    answerWith('/down', { status: 500 });
    const hook = await register('/down');
    await submit();
    let spanMs = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await round();
      expect(result.retried + result.failed, `attempt ${attempt}`).toBe(1);
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (delay !== undefined) {
        advance(delay);
        spanMs += delay;
      }
    }
    expect(spanMs).toBeGreaterThan(24 * 3600_000);
    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null, lastStatus: 500 });
    expect(requestsTo('/down')).toHaveLength(MAX_ATTEMPTS);
    expect(await round()).toMatchObject({ delivered: 0, retried: 0, failed: 0 });
  });

  test('a redirect is not followed: it is a failed attempt', async () => {
    await removeAllWebhooks();
    answerWith('/moved', { status: 302 });
    const hook = await register('/moved');
    await submit();
    expect(await round()).toMatchObject({ retried: 1 });
    const [log] = await deliveries(hook.id);
    expect(log?.lastError).toBe('answered HTTP 302 (redirects are not followed)');
    expect(requestsTo('/moved')).toHaveLength(1);
  });

  test('a delivery queued before a restart is sent by the new instance', async () => {
    await removeAllWebhooks();
    answerWith('/restart', { status: 200 });
    const hook = await register('/restart');
    await submit();
    await submit();
    const { jwtSecret } = t;
    await t.close();
    // The same database (and signing key), a new application: as after `npm start` again.
    t = await createTestApp({ ...webhookOptions(), jwtSecret }, database);
    expect(requestsTo('/restart')).toHaveLength(0);
    expect(await round()).toMatchObject({ delivered: 2 });
    expect(requestsTo('/restart')).toHaveLength(2);
    expect((await deliveries(hook.id)).map((log) => log.status)).toEqual(['delivered', 'delivered']);
  });

  test('deleting an endpoint drops its pending deliveries', async () => {
    await removeAllWebhooks();
    const hook = await register('/deleted');
    await submit();
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/webhooks/${hook.id}`, t.adminToken), 204);
    expect(await round()).toMatchObject({ delivered: 0, retried: 0 });
    expect(requestsTo('/deleted')).toHaveLength(0);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/webhooks/${hook.id}/deliveries`, t.adminToken), 404);
  });
});

describe('secrets and sending again', () => {
  test('after a rotation both secrets sign until the overlap ends, then only the new one', async () => {
    await removeAllWebhooks();
    const hook = await register('/rotating');
    const rotated = await t.call('POST', `/v1/clients/${clientId}/webhooks/${hook.id}/rotate-secret`, t.adminToken);
    expectStatus(rotated, 200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).not.toBe(hook.secret);
    expect(new Date(previousSecretExpiresAt).getTime() - clock().getTime()).toBeGreaterThan(23.9 * 3600_000);
    const list = await t.call('GET', `/v1/clients/${clientId}/webhooks`, t.adminToken);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(hook.secret);

    await submit();
    await round();
    const [during] = requestsTo('/rotating');
    expect(String(during?.headers['upzento-signature']).match(/v1=/g)).toHaveLength(2);
    expect(verifiedBy(during as Received, [secret, hook.secret])).toEqual([secret, hook.secret]);

    advance(24 * 3600_000 + 1000);
    await submit();
    await round();
    const after = requestsTo('/rotating')[1] as Received;
    expect(String(after.headers['upzento-signature']).match(/v1=/g)).toHaveLength(1);
    expect(verifiedBy(after, [secret, hook.secret])).toEqual([secret]);
    const listed = await t.call('GET', `/v1/clients/${clientId}/webhooks`, t.adminToken);
    expect(listed.json().items[0].previousSecretExpiresAt).toBeNull();
  });

  test('send again: a new delivery of the same event, sent and logged beside the first', async () => {
    await removeAllWebhooks();
    const hook = await register('/again');
    await submit();
    await round();
    const [first] = await deliveries(hook.id);
    expect(first?.status).toBe('delivered');
    const again = await t.call(
      'POST',
      `/v1/clients/${clientId}/webhooks/${hook.id}/deliveries/${first?.id}/retry`,
      t.adminToken,
    );
    expectStatus(again, 202);
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 0, eventId: first?.eventId });
    expect(again.json().id).not.toBe(first?.id);
    expect(await round()).toMatchObject({ delivered: 1 });
    const sent = requestsTo('/again');
    expect(sent.map((request) => request.headers['upzento-event-id'])).toEqual([first?.eventId, first?.eventId]);
    expect((await deliveries(hook.id)).map((log) => log.status)).toEqual(['delivered', 'delivered']);
  });

  test('every change of an endpoint is in the audit log, without its secret', async () => {
    const log = await t.call('GET', `/v1/clients/${clientId}/audit-log?limit=200`, t.adminToken);
    const actions = new Set(log.json().items.map((item: { action: string }) => item.action));
    for (const action of ['webhook.registered', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.delivery_resent'])
      expect(actions).toContain(action);
    expect(log.body).not.toMatch(/whsec_/);
  });
});

describe('refused targets', () => {
  test('without UPZENTO_WEBHOOKS_ALLOW_PRIVATE, loopback, private, link-local and mapped addresses are refused at registration', async () => {
    const strict = await createTestApp({ webhooks: { now: clock } }, database);
    try {
      for (const url of [
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://[::1]/hook',
        'https://169.254.169.254/latest/meta-data/',
        'https://[::ffff:127.0.0.1]/hook',
        'https://100.64.0.7/hook',
        'https://localhost/hook',
        `${base}/plain-http`,
        'https://user:pw@hooks.example.com/in',
      ]) {
        const response = await strict.call('POST', `/v1/clients/${clientId}/webhooks`, strict.adminToken, {
          url,
          events: ['submission.created'],
        });
        expectStatus(response, 400);
        expect(response.json()).toMatchObject({
          code: 'UPZ_INVALID_WEBHOOK_URL',
          message: expect.stringMatching(/^url: /),
        });
      }
      const refused = await strict.call('POST', `/v1/clients/${clientId}/webhooks`, strict.adminToken, {
        url: 'https://169.254.169.254/',
        events: ['submission.created'],
      });
      expect(refused.json().message).toBe(
        'url: 169.254.169.254 is a link-local (cloud metadata among them) address, not one on the public internet',
      );
    } finally {
      await strict.close();
    }
  });

  test('a public name that resolves to loopback when the delivery is made is refused then, and nothing connects', async () => {
    await removeAllWebhooks();
    const port = new URL(base).port;
    // A name that passed registration, and whose DNS now answers with a loopback address (rebinding).
    const strict = await createTestApp(
      { webhooks: { now: clock, lookup: async () => [{ address: '127.0.0.1', family: 4 }] } },
      database,
    );
    try {
      const response = await strict.call('POST', `/v1/clients/${clientId}/webhooks`, strict.adminToken, {
        url: `https://rebound.example.com:${port}/rebound`,
        events: ['submission.created'],
      });
      expectStatus(response, 201);
      await submit(strict);
      const result = await strict.app.webhooks.runOnce();
      expect(result).toMatchObject({ retried: 1, delivered: 0 });
      const [log] = await deliveries(response.json().id, strict);
      expect(log?.lastError).toBe('refused: rebound.example.com resolves to 127.0.0.1, a loopback address');
      expect(requestsTo('/rebound')).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  test('the connection goes to the address that was resolved and checked, not to a second answer', async () => {
    await removeAllWebhooks();
    const port = new URL(base).port;
    let asked = 0;
    // A name the system cannot resolve: only the worker's own lookup knows it, once per attempt.
    const lookup = async () => {
      asked++;
      return [{ address: '127.0.0.1', family: 4 as const }];
    };
    const pinned = await createTestApp(webhookOptions({ lookup }), database);
    try {
      const response = await pinned.call('POST', `/v1/clients/${clientId}/webhooks`, pinned.adminToken, {
        url: `http://receiver.upzento.invalid:${port}/pinned`,
        events: ['submission.created'],
      });
      expectStatus(response, 201);
      await submit(pinned);
      expect(await pinned.app.webhooks.runOnce()).toMatchObject({ delivered: 1 });
      expect(asked).toBe(1);
      expect(requestsTo('/pinned')[0]?.headers.host).toBe(`receiver.upzento.invalid:${port}`);
    } finally {
      await pinned.close();
    }
  });
});

describe('who may use an endpoint', () => {
  test("another client's admin, in the same agency or another, can neither see nor use it (404); a member may not (403)", async () => {
    await removeAllWebhooks();
    const hook = await register('/private');
    await submit();
    await round();
    const [delivery] = await deliveries(hook.id);
    const paths = [
      ['GET', `/v1/clients/${clientId}/webhooks`],
      ['POST', `/v1/clients/${clientId}/webhooks`],
      ['DELETE', `/v1/clients/${clientId}/webhooks/${hook.id}`],
      ['POST', `/v1/clients/${clientId}/webhooks/${hook.id}/rotate-secret`],
      ['GET', `/v1/clients/${clientId}/webhooks/${hook.id}/deliveries`],
      ['POST', `/v1/clients/${clientId}/webhooks/${hook.id}/deliveries/${delivery?.id}/retry`],
    ] as const;
    const bodyOf = (path: string) =>
      path.endsWith('/webhooks') ? { url: `${base}/x`, events: ['submission.created'] } : undefined;
    for (const token of [siblingAdmin, otherAgencyClientAdmin]) {
      for (const [method, path] of paths) {
        const response = await t.call(method, path, token, method === 'POST' ? bodyOf(path) : undefined);
        expect(response.statusCode, `${method} ${path}`).toBe(404);
        expect(response.body).not.toContain(hook.id);
      }
    }
    for (const [method, path] of paths)
      expect(
        (await t.call(method, path, clientMember, method === 'POST' ? bodyOf(path) : undefined)).statusCode,
        `${method} ${path}`,
      ).toBe(403);
    // Named under a sibling's own path (which its admin may use), the endpoint is not found either.
    const siblingClient = JSON.parse(Buffer.from(siblingAdmin.split('.')[1] as string, 'base64url').toString()).tid;
    for (const path of [
      `/v1/clients/${siblingClient}/webhooks/${hook.id}/deliveries`,
      `/v1/clients/${siblingClient}/webhooks/${hook.id}/rotate-secret`,
    ]) {
      const response = await t.call(path.endsWith('deliveries') ? 'GET' : 'POST', path, siblingAdmin);
      expectStatus(response, 404);
    }
    expectStatus(await t.call('DELETE', `/v1/clients/${siblingClient}/webhooks/${hook.id}`, siblingAdmin), 404);
    expect((await t.call('GET', `/v1/clients/${siblingClient}/webhooks`, siblingAdmin)).json().items).toEqual([]);
    // And it still works for its own client.
    expect((await deliveries(hook.id)).length).toBe(1);
  });

  test('a client keeps at most 10 endpoints (409 UPZ_LIMIT_REACHED)', async () => {
    await removeAllWebhooks();
    for (let i = 0; i < 10; i++) await register(`/limit-${i}`);
    const response = await t.call('POST', `/v1/clients/${clientId}/webhooks`, t.adminToken, {
      url: `${base}/limit-10`,
      events: ['submission.created'],
    });
    expectStatus(response, 409);
    expect(response.json().code).toBe('UPZ_LIMIT_REACHED');
    await removeAllWebhooks();
  });

  test('bad input names the field', async () => {
    for (const body of [
      { url: `${base}/x` },
      { url: `${base}/x`, events: [] },
      { url: `${base}/x`, events: ['contact.deleted'] },
      { url: `${base}/x`, events: ['submission.created'], secret: 'mine' },
    ]) {
      const response = await t.call('POST', `/v1/clients/${clientId}/webhooks`, t.adminToken, body);
      expectStatus(response, 400);
      expect(response.json().message).toMatch(/^body/);
    }
  });
});

describe('the running worker', () => {
  test.runIf(onPostgres)(
    'one process at a time: while another holds the advisory lock, a round does not run',
    async () => {
      await removeAllWebhooks();
      await register('/locked');
      await submit();
      const other = await database.reopen();
      await other.direct.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(${DELIVERY_LOCK_KEY.toString()}::bigint)`.execute(connection);
        try {
          expect(await t.app.webhooks.runOnce()).toMatchObject({ ran: false, delivered: 0 });
        } finally {
          await sql`SELECT pg_advisory_unlock(${DELIVERY_LOCK_KEY.toString()}::bigint)`.execute(connection);
        }
      });
      expect(requestsTo('/locked')).toHaveLength(0);
      expect(await round()).toMatchObject({ ran: true, delivered: 1 });
    },
  );

  test('a submission answers at once while the worker delivers it in the background', async () => {
    await removeAllWebhooks();
    answerWith('/background', { status: 200, delayMs: 800 });
    await register('/background');
    t.app.webhooks.start();
    try {
      const { ms } = await submit();
      const answered = Date.now();
      // The receiver takes 800 ms to answer; the submission did not wait for it.
      for (let i = 0; i < 100 && !answeredAt.get('/background')?.length; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const receiverAnswered = answeredAt.get('/background')?.[0] as number;
      expect(receiverAnswered).toBeDefined();
      expect(answered).toBeLessThan(receiverAnswered);
      console.log(
        `webhooks: the submission answered in ${Math.round(ms)} ms; the receiver answered ${receiverAnswered - answered} ms after it`,
      );
      counts.delivered += 1;
    } finally {
      await t.app.webhooks.stop();
    }
  });
});
