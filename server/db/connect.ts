/**
 * Opens the database: real PostgreSQL through `pg` when DATABASE_URL is set, else embedded PGlite
 * in the data dir (or in memory). Both are driven through Kysely's PostgreSQL dialect, so every
 * query, policy and migration is the same on both.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema.ts';
import { PglitePool } from './pglite-pool.ts';
import { PgListener } from './pg-listener.ts';

/** A channel of PostgreSQL notifications, on the direct connection. */
export interface Notifications {
  /**
   * Subscribes to a channel. `onResume` is called after the listening connection was lost and
   * restored: notifications sent in between are gone, so whatever they would have told is unknown.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

export interface DatabaseHandle {
  readonly kind: 'postgres' | 'pglite';
  /** Pooled queries; may go through a transaction-mode pooler. */
  readonly db: Kysely<Database>;
  /** A direct connection for migrations, LISTEN/NOTIFY and session-level locks. */
  readonly direct: Kysely<Database>;
  readonly notifications: Notifications;
  /** Statements sent so far on this handle (tests use it to prove that a cache hit sends none). */
  readonly stats: { queries: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  databaseDirectUrl: string | null;
  dataDir: string;
  /** Connections in the `pg` pool; default 10. */
  poolSize?: number;
}

// int8 (counts, sequence numbers) as strings would leak into JSON; they stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.databaseDirectUrl ?? options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

function counter() {
  const stats = { queries: 0 };
  const log = (event: LogEvent) => {
    if (event.level === 'query') stats.queries += 1;
  };
  return { stats, log };
}

async function openPostgres(url: string, directUrl: string, poolSize: number): Promise<DatabaseHandle> {
  const { stats, log } = counter();
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'upzento' });
  const directPool =
    directUrl === url ? pool : new pg.Pool({ connectionString: directUrl, max: 2, application_name: 'upzento-direct' });
  // Idle clients of the pool can fail when the server restarts; the pool replaces them.
  pool.on('error', () => {});
  if (directPool !== pool) directPool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  const direct = directPool === pool ? db : new Kysely<Database>({ dialect: new PostgresDialect({ pool: directPool }), log });

  const listener = new PgListener(directUrl);
  const notifications: Notifications = {
    listen: (channel, onPayload, onResume) => listener.listen(channel, { onPayload, ...(onResume && { onResume }) }),
    async notify(channel, payload) {
      await directPool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
  };

  return {
    kind: 'postgres',
    db,
    direct,
    notifications,
    stats,
    async close() {
      await listener.close();
      await db.destroy();
      if (direct !== db) await direct.destroy();
    },
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let pglite: PGlite;
  if (dataDir === 'memory:') {
    pglite = new PGlite();
  } else {
    await mkdir(dataDir, { recursive: true });
    pglite = new PGlite(`${dataDir}/pgdata`);
  }
  await pglite.waitReady;
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
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
