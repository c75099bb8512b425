/**
 * LISTEN on PostgreSQL that survives the connection. A LISTEN lives on one session; when that
 * session ends (server restart, failover, an idle timeout on the way) notifications sent meanwhile
 * are lost. So the listener reconnects, LISTENs again on every channel, and tells each subscriber
 * it resumed, so that whatever the missed notifications would have invalidated is invalidated
 * wholesale. The backoff stays short (MAX_RETRY_MS): every instance must decide from fresh data
 * within a second of the database answering again, and one failed connect a retry costs is cheap.
 */
import pg from 'pg';

interface Subscription {
  onPayload(payload: string): void;
  /** The connection is back: notifications sent while it was away are gone. */
  onResume?(): void;
  /** The connection is lost: until onResume, no notification will arrive. */
  onLost?(): void;
}

/** Told once when the listening connection is lost, and once when it is back (not per attempt). */
export interface ListenerEvents {
  onLost?(error: Error): void;
  onResumed?(downMs: number, attempts: number): void;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 500;
/** A connect that hangs (a frozen server, a lost packet) is given up and tried again. */
const CONNECT_TIMEOUT_MS = 2000;
/**
 * How often the listening connection is asked whether it still works, and how long it may take to
 * say so. A connection dropped without a packet (a NAT's idle timeout) is otherwise noticed only by
 * the system's TCP keep-alive, after hours; meanwhile every notification would be missed silently.
 */
const HEARTBEAT_MS = 5000;
const HEARTBEAT_TIMEOUT_MS = 2000;

export class PgListener {
  readonly #url: string;
  readonly #events: ListenerEvents;
  readonly #channels = new Map<string, Set<Subscription>>();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #retryMs = FIRST_RETRY_MS;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  /** Since when the connection is lost, and how many reconnects failed since; null while listening. */
  #lost: { since: number; attempts: number } | null = null;

  constructor(url: string, events: ListenerEvents = {}) {
    this.#url = url;
    this.#events = events;
  }

  async listen(channel: string, subscription: Subscription): Promise<() => Promise<void>> {
    const client = await this.#connected();
    let subscribers = this.#channels.get(channel);
    if (!subscribers) {
      subscribers = new Set();
      this.#channels.set(channel, subscribers);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    subscribers.add(subscription);
    return async () => {
      subscribers.delete(subscription);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  #connected(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.#url,
      application_name: 'upzento-listen',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      for (const subscription of this.#channels.get(message.channel) ?? [])
        subscription.onPayload(message.payload ?? '');
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.#client !== client) return;
      this.#client = null;
      if (!this.#closed && !this.#lost) {
        this.#lost = { since: Date.now(), attempts: 0 };
        this.#events.onLost?.(error ?? new Error('the listening connection ended'));
        for (const subscribers of this.#channels.values())
          for (const subscription of subscribers) subscription.onLost?.();
      }
      this.#scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => {
      clearInterval(heartbeat);
      onLost();
    });
    const heartbeat = setInterval(() => {
      if (this.#client !== client) return;
      client
        .query({ text: 'SELECT 1', query_timeout: HEARTBEAT_TIMEOUT_MS } as pg.QueryConfig)
        .catch((error: Error) => {
          onLost(new Error(`the listening connection did not answer: ${error.message}`));
          // A connection that does not answer is closed for good: the reconnect opens a new one.
          (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        });
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      await client.connect();
      for (const channel of this.#channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lost = true;
      clearInterval(heartbeat);
      await client.end().catch(() => {});
      throw error;
    }
    this.#client = client;
    return client;
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(async () => {
      this.#timer = null;
      if (this.#closed) return;
      try {
        await this.#connected();
        this.#retryMs = FIRST_RETRY_MS;
        const lost = this.#lost;
        this.#lost = null;
        if (lost) this.#events.onResumed?.(Date.now() - lost.since, lost.attempts + 1);
        for (const subscribers of this.#channels.values())
          for (const subscription of subscribers) subscription.onResume?.();
      } catch {
        if (this.#lost) this.#lost.attempts += 1;
        this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
        this.#scheduleReconnect();
      }
    }, this.#retryMs);
    this.#timer.unref();
  }
}
