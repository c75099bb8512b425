/**
 * LISTEN on PostgreSQL that survives the connection. A LISTEN lives on one session; when that
 * session ends (server restart, failover, an idle timeout on the way) notifications sent meanwhile
 * are lost. So the listener reconnects with backoff, LISTENs again on every channel, and tells each
 * subscriber it resumed, so that whatever the missed notifications would have invalidated is
 * invalidated wholesale.
 */
import pg from 'pg';

interface Subscription {
  onPayload(payload: string): void;
  onResume?(): void;
}

export class PgListener {
  readonly #url: string;
  readonly #channels = new Map<string, Set<Subscription>>();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #retryMs = 250;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(url: string) {
    this.#url = url;
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
    const client = new pg.Client({ connectionString: this.#url, application_name: 'upzento-listen' });
    client.on('notification', (message) => {
      for (const subscription of this.#channels.get(message.channel) ?? []) subscription.onPayload(message.payload ?? '');
    });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.#client === client) this.#client = null;
      this.#scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    await client.connect();
    for (const channel of this.#channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
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
        this.#retryMs = 250;
        for (const subscribers of this.#channels.values()) for (const subscription of subscribers) subscription.onResume?.();
      } catch {
        this.#retryMs = Math.min(this.#retryMs * 2, 30_000);
        this.#scheduleReconnect();
      }
    }, this.#retryMs);
    this.#timer.unref();
  }
}
