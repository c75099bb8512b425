/**
 * Opens the database: real PostgreSQL through `pg` when DATABASE_URL is set, else embedded PGlite
 * in the data dir (or in memory). Both are driven through Kysely's PostgreSQL dialect, so every
 * query, policy and migration is the same on both.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { PglitePool } from './pglite-pool.ts';
import { restrictToOwner } from './owner-only.ts';
import { PgListener } from './pg-listener.ts';
import { GuardedPool } from './guarded-pool.ts';

/** A channel of PostgreSQL notifications, on the direct connection. */
export interface Notifications {
  /**
   * Subscribes to a channel. `onResume` is called after the listening connection was lost and
   * restored: notifications sent in between are gone, so whatever they would have told is unknown.
   * `onLost` is called when it is lost: until onResume, no notification arrives.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

/** Time limits of a tenant transaction, set with SET LOCAL in its first round trip. */
export interface TransactionLimits {
  /** statement_timeout in ms; 0: none. */
  readonly statementTimeoutMs: number;
  /** lock_timeout in ms; 0: none. */
  readonly lockTimeoutMs: number;
}

/** What happened to the database's connections that no request was there to see. */
export type DatabaseEvent =
  | { readonly type: 'listen-lost'; readonly error: Error }
  | { readonly type: 'listen-resumed'; readonly downMs: number; readonly attempts: number };

export interface DatabaseHandle {
  readonly kind: 'postgres' | 'pglite';
  /** Pooled queries; may go through a transaction-mode pooler. */
  readonly db: Kysely<Database>;
  /** A direct connection for migrations, LISTEN/NOTIFY and session-level locks. */
  readonly direct: Kysely<Database>;
  readonly notifications: Notifications;
  /** Statements sent so far on this handle (tests use it to prove that a cache hit sends none). */
  readonly stats: { queries: number };
  /** The limits every tenant transaction on `db` sets for itself. */
  readonly limits: TransactionLimits;
  /** Subscribes to connection events (for the log); returns the unsubscribe. */
  onEvent(listener: (event: DatabaseEvent) => void): () => void;
  /**
   * A pool of its own on this database, of `size` connections, with the same limits (an agency's
   * dedicated pool); closed with the handle, or before by destroying it. Embedded: the one connection.
   */
  openPool(size: number, name: string): Kysely<Database>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  databaseDirectUrl: string | null;
  dataDir: string;
  /** Connections in the `pg` pool; default 10. */
  poolSize?: number;
  /** How long a request may wait for a pooled connection, new or freed; default 5000 ms. */
  connectTimeoutMs?: number;
  /**
   * statement_timeout of tenant transactions; default 10000 ms (0: none). A server that has frozen
   * enforces nothing, so `pg` also gives up on any pooled query after this plus a second.
   */
  statementTimeoutMs?: number;
  /** lock_timeout of tenant transactions; default 5000 ms (0: none). */
  lockTimeoutMs?: number;
  /** Requests that may wait for a busy pool; more fail at once. Default 100. */
  queueLimit?: number;
  /**
   * Embedded in memory only: a data dir as PGlite's dumpDataDir wrote it, to start from instead of
   * an empty cluster (the tests start each file from one schema migrated once). Default: none.
   */
  pgliteImage?: Blob;
}

export const DATABASE_DEFAULTS = Object.freeze({
  poolSize: 10,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 5000,
  queueLimit: 100,
});
/** How much longer than statement_timeout the client waits before it calls the connection dead. */
const CLIENT_GRACE_MS = 1000;

// int8 (counts, sequence numbers) as strings would leak into JSON; they stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

type Settings = { -readonly [K in keyof typeof DATABASE_DEFAULTS]: number };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const settings: Settings = {
    poolSize: options.poolSize ?? DATABASE_DEFAULTS.poolSize,
    connectTimeoutMs: options.connectTimeoutMs ?? DATABASE_DEFAULTS.connectTimeoutMs,
    statementTimeoutMs: options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs,
    lockTimeoutMs: options.lockTimeoutMs ?? DATABASE_DEFAULTS.lockTimeoutMs,
    queueLimit: options.queueLimit ?? DATABASE_DEFAULTS.queueLimit,
  };
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.databaseDirectUrl ?? options.databaseUrl, settings)
    : openPglite(options.dataDir, settings, options.pgliteImage);
}

function limitsOf(settings: Settings): TransactionLimits {
  return Object.freeze({ statementTimeoutMs: settings.statementTimeoutMs, lockTimeoutMs: settings.lockTimeoutMs });
}

function eventHub() {
  const listeners = new Set<(event: DatabaseEvent) => void>();
  return {
    emit: (event: DatabaseEvent) => {
      for (const listener of listeners) {
        // A listener that throws must not stop the reconnecting that told it.
        try {
          listener(event);
        } catch {}
      }
    },
    onEvent: (listener: (event: DatabaseEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function counter() {
  const stats = { queries: 0 };
  const log = (event: LogEvent) => {
    if (event.level === 'query') stats.queries += 1;
  };
  return { stats, log };
}

async function openPostgres(url: string, directUrl: string, settings: Settings): Promise<DatabaseHandle> {
  const { stats, log } = counter();
  const { emit, onEvent } = eventHub();
  const requestPool = (size: number, name: string) =>
    new pg.Pool({
      connectionString: url,
      max: size,
      application_name: name,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      ...(settings.statementTimeoutMs > 0 && { query_timeout: settings.statementTimeoutMs + CLIENT_GRACE_MS }),
      keepAlive: true,
    });
  const pool = requestPool(settings.poolSize, 'upzento');
  // Its own pool even on the same URL: migrations must not run into the requests' time limit. It
  // has the same guard against lost connections, and a bounded connect.
  const directPool = new pg.Pool({
    connectionString: directUrl,
    max: 2,
    application_name: 'upzento-direct',
    connectionTimeoutMillis: settings.connectTimeoutMs,
    keepAlive: true,
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new GuardedPool(pool, settings.poolSize, settings.queueLimit) }),
    log,
  });
  const direct = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new GuardedPool(directPool, 2, settings.queueLimit) }),
    log,
  });

  const listener = new PgListener(directUrl, {
    onLost: (error) => emit({ type: 'listen-lost', error }),
    onResumed: (downMs, attempts) => emit({ type: 'listen-resumed', downMs, attempts }),
  });
  const notifications: Notifications = {
    listen: (channel, onPayload, onResume, onLost) =>
      listener.listen(channel, { onPayload, ...(onResume && { onResume }), ...(onLost && { onLost }) }),
    async notify(channel, payload) {
      await directPool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
  };

  const ownPools: Kysely<Database>[] = [];
  return {
    kind: 'postgres',
    db,
    direct,
    notifications,
    stats,
    limits: limitsOf(settings),
    onEvent,
    openPool(size, name) {
      const own = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new GuardedPool(requestPool(size, name), size, settings.queueLimit) }),
        log,
      });
      ownPools.push(own);
      return own;
    },
    async close() {
      await listener.close();
      // Destroying twice is harmless: Kysely ends a pool once.
      await Promise.all(ownPools.map((own) => own.destroy()));
      await db.destroy();
      await direct.destroy();
    },
  };
}

async function openPglite(dataDir: string, settings: Settings, image: Blob | undefined): Promise<DatabaseHandle> {
  let pglite: PGlite;
  if (dataDir === 'memory:') {
    pglite = image ? new PGlite({ loadDataDir: image }) : new PGlite();
  } else {
    if (image) throw new Error('a PGlite image is loaded only into an in-memory database');
    // The data dir is the server's own (0700, so nothing in it is reached by other users); of what
    // it holds, only the database's files and the signing key are touched.
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chmod(dataDir, 0o700);
    await mkdir(`${dataDir}/pgdata`, { recursive: true, mode: 0o700 });
    await restrictToOwner(`${dataDir}/pgdata`);
    pglite = new PGlite(`${dataDir}/pgdata`);
  }
  await pglite.waitReady;
  // What PGlite just created (a new data dir is about a thousand files) is made owner-only too.
  if (dataDir !== 'memory:') await restrictToOwner(`${dataDir}/pgdata`);
  const { stats, log } = counter();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PglitePool(pglite) }), log });
  const notifications: Notifications = {
    async listen(channel, onPayload) {
      const unsubscribe = await pglite.listen(channel, onPayload);
      return unsubscribe;
    },
    async notify(channel, payload) {
      await db.selectNoFrom((eb) => eb.fn('pg_notify', [eb.val(channel), eb.val(payload)]).as('n')).execute();
    },
  };
  return {
    kind: 'pglite',
    db,
    direct: db,
    notifications,
    stats,
    limits: limitsOf(settings),
    // One in-process connection: nothing to lose.
    onEvent: () => () => {},
    // One in-process connection: an agency's own pool is that connection.
    openPool: () => db,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
