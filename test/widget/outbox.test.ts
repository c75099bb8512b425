// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../widget/api-client.js';
import { createOutbox, type OutboxItem, type OutboxStorage } from '../../widget/outbox.js';
import { createWidget } from '../../widget/index.js';
import {
  API_BASE,
  created,
  fakeFetch,
  fillValidForm,
  networkError,
  part,
  submitForm,
} from '../support/widget-fixtures.js';

type SendResult = ApiResult<{ id?: string } | undefined>;
const KEY = 'upzento:outbox:pk_test';

function item(n: number): OutboxItem {
  return { key: `00000000-0000-4000-8000-00000000000${n}`, request: { email: `lead${n}@example.com` } };
}

/** A send whose replies the test releases by hand, to hold deliveries in flight. */
function manualSend() {
  const pending: { item: OutboxItem; resolve: (result: SendResult) => void }[] = [];
  const send = vi.fn((sent: OutboxItem) => new Promise<SendResult>((resolve) => pending.push({ item: sent, resolve })));
  return { send, pending };
}

const ok: SendResult = { ok: true, data: { id: 'id-1' } };
const offline: SendResult = { ok: false, error: { kind: 'network', message: 'Failed to fetch' } };
const refused: SendResult = { ok: false, error: { kind: 'http', status: 422, message: 'nope' } };

function stored(): OutboxItem[] {
  return JSON.parse(localStorage.getItem(KEY) ?? '[]');
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('outbox', () => {
  it('persists an item before anything is sent, and removes it once the server has it', async () => {
    const { send, pending } = manualSend();
    const onDelivery = vi.fn();
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery });
    outbox.add(item(1));
    expect(stored()).toEqual([item(1)]);

    const delivery = outbox.deliver(item(1));
    expect(stored()).toEqual([item(1)]);
    pending[0]!.resolve(ok);
    expect(await delivery).toEqual({ status: 'sent', id: 'id-1' });
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(onDelivery).toHaveBeenCalledOnce();
  });

  it('keeps an item the network refused and drops one the server refused', async () => {
    const { send, pending } = manualSend();
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery: () => {} });
    outbox.add(item(1));
    outbox.add(item(2));
    const first = outbox.deliver(item(1));
    const second = outbox.deliver(item(2));
    pending[0]!.resolve(offline);
    pending[1]!.resolve(refused);
    expect(await first).toMatchObject({ status: 'pending' });
    expect(await second).toMatchObject({ status: 'rejected', error: { status: 422 } });
    expect(stored()).toEqual([item(1)]);
  });

  it('never sends one item twice at once: a second delivery joins the first', async () => {
    const { send, pending } = manualSend();
    const onDelivery = vi.fn();
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery });
    outbox.add(item(1));
    const deliveries = [outbox.deliver(item(1)), outbox.deliver(item(1)), outbox.flush(), outbox.flush()];
    expect(send).toHaveBeenCalledOnce();
    pending[0]!.resolve(ok);
    await Promise.all(deliveries);
    expect(send).toHaveBeenCalledOnce();
    expect(onDelivery).toHaveBeenCalledOnce();
  });

  it('does not resend an item that another path delivered while a flush was waiting', async () => {
    const { send, pending } = manualSend();
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery: () => {} });
    outbox.add(item(1));
    outbox.add(item(2));
    const flush = outbox.flush();
    // While the flush waits on item 1, the form path delivers item 2.
    const direct = outbox.deliver(item(2));
    pending[1]!.resolve(ok);
    await direct;
    pending[0]!.resolve(ok);
    await flush;
    expect(send.mock.calls.map(([sent]) => sent.key)).toEqual([item(1).key, item(2).key]);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('stops a flush at the first item the network still refuses', async () => {
    const send = vi.fn(async () => offline);
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery: () => {} });
    outbox.add(item(1));
    outbox.add(item(2));
    await outbox.flush();
    expect(send).toHaveBeenCalledOnce();
    expect(stored()).toHaveLength(2);
  });

  it('keeps items in memory when the storage refuses them', async () => {
    const full: OutboxStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const send = vi.fn(async () => ok);
    const outbox = createOutbox({ storage: full, storageKey: KEY, send, onDelivery: () => {} });
    outbox.add(item(1));
    await outbox.flush();
    expect(send).toHaveBeenCalledWith(item(1), false);
  });

  it('ignores storage it cannot parse', async () => {
    localStorage.setItem(KEY, '{not json');
    const send = vi.fn(async () => ok);
    const outbox = createOutbox({ storage: localStorage, storageKey: KEY, send, onDelivery: () => {} });
    await outbox.flush();
    expect(send).not.toHaveBeenCalled();
    localStorage.setItem(KEY, JSON.stringify([{ nonsense: true }, item(3)]));
    await outbox.flush();
    expect(send.mock.calls).toEqual([[item(3), false]]);
  });
});

describe('outbox inside the widget', () => {
  it('sends a stored item once however often `online` fires during the flush', async () => {
    localStorage.setItem(KEY, JSON.stringify([item(1)]));
    const server = fakeFetch();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gatedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/submissions')) await gate;
      return server.fetch(input, init);
    }) as typeof fetch;
    const widget = createWidget({ publicKey: 'pk_test', apiBase: API_BASE, fetch: gatedFetch });
    const sent = vi.fn();
    widget.on('sent', sent);
    await vi.waitFor(() => expect(server.configCalls()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('online'));
    release();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledOnce());
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.submissions()).toHaveLength(1);
    widget.destroy();
  });

  it('falls back to memory where localStorage cannot even be read', async () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => localStorage).toThrow('blocked');
    const server = fakeFetch({ submissions: [networkError()] });
    const widget = createWidget({
      publicKey: 'pk_test',
      apiBase: API_BASE,
      fetch: server.fetch,
      retry: { attempts: 1 },
    });
    const sent = vi.fn();
    widget.on('sent', sent);
    await vi.waitFor(() => expect(part('launcher')).toBeTruthy());
    widget.open();
    fillValidForm();
    submitForm();
    await vi.waitFor(() => expect(part('status').textContent).toMatch(/saved/));

    server.reply('submissions', created());
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(sent).toHaveBeenCalledOnce());
    blocked.mockRestore();
    expect(localStorage.length).toBe(0);
    widget.destroy();
  });
});
