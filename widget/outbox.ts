import type { SubmissionRequest } from '../shared/widget-wire-types.js';
import type { ApiError, ApiResult, SubmitReceipt } from './api-client.js';
import { isRetryable } from './retry.js';

/** The part of the Web Storage API the outbox needs; `localStorage` fits. */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface OutboxItem {
  /** Idempotency key, fixed when the user submitted and kept through every retry and reload. */
  key: string;
  request: SubmissionRequest;
}

export type Delivery =
  | { status: 'sent'; id?: string | undefined }
  /** The server refused it for good (a 4xx); it is dropped. */
  | { status: 'rejected'; error: ApiError }
  /** Still unsent; it stays in the outbox for the next `online` event or page load. */
  | { status: 'pending'; error: ApiError };

export interface OutboxOptions {
  /** `null` when the page gives no usable storage: items then live only as long as the page. */
  storage: OutboxStorage | null;
  storageKey: string;
  /** `patient`: a visitor waits on this send, so it may try a few times quickly before it reports. */
  send(item: OutboxItem, patient: boolean): Promise<ApiResult<SubmitReceipt>>;
  /** Hears each delivery once, however many callers awaited it. */
  onDelivery(item: OutboxItem, delivery: Delivery): void;
}

export interface Outbox {
  /** Stores the item before anything is sent, so a closed tab cannot lose it. */
  add(item: OutboxItem): void;
  /** Sends one item; a second call while it is in flight joins the first instead of sending again. */
  deliver(item: OutboxItem, patient?: boolean): Promise<Delivery>;
  /**
   * Sends every stored item in order, once each, stopping at the first that the network still refuses;
   * resolves to whether any item is still waiting.
   */
  flush(): Promise<boolean>;
}

export function createOutbox({ storage, storageKey, send, onDelivery }: OutboxOptions): Outbox {
  const inFlight = new Map<string, Promise<Delivery>>();
  // Items the storage refused (quota, privacy mode) are kept here so they still go out from this page.
  let unsaved: OutboxItem[] = [];

  function items(): OutboxItem[] {
    let saved: OutboxItem[] = [];
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '[]');
      if (Array.isArray(parsed)) saved = parsed.filter(isItem);
    } catch {
      // Unreadable storage holds nothing we could send.
    }
    return [...saved, ...unsaved.filter((u) => !saved.some((s) => s.key === u.key))];
  }

  function save(next: OutboxItem[]): void {
    try {
      if (!storage) throw new Error('no storage');
      if (next.length) storage.setItem(storageKey, JSON.stringify(next));
      else storage.removeItem(storageKey);
      unsaved = [];
    } catch {
      unsaved = next;
    }
  }

  function deliver(item: OutboxItem, patient = true): Promise<Delivery> {
    let delivery = inFlight.get(item.key);
    if (!delivery) {
      delivery = send(item, patient).then((result) => {
        const outcome: Delivery = result.ok
          ? { status: 'sent', id: result.data?.id }
          : { status: isRetryable(result.error) ? 'pending' : 'rejected', error: result.error };
        if (outcome.status !== 'pending') save(items().filter((i) => i.key !== item.key));
        inFlight.delete(item.key);
        onDelivery(item, outcome);
        return outcome;
      });
      inFlight.set(item.key, delivery);
    }
    return delivery;
  }

  return {
    add: (item) => save([...items(), item]),
    deliver,
    async flush() {
      for (const item of items()) {
        // Another path (the form, an earlier flush) may have delivered it while this loop awaited.
        if (!items().some((i) => i.key === item.key)) continue;
        if ((await deliver(item, false)).status === 'pending') return true;
      }
      return items().length > 0;
    },
  };
}

function isItem(value: unknown): value is OutboxItem {
  const item = value as OutboxItem | null;
  return typeof item?.key === 'string' && typeof item.request?.email === 'string';
}
