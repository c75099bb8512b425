/**
 * The `pg` pool as Kysely's PostgreSQL dialect sees it, made safe against the database going away.
 *
 * - Every client has an 'error' listener from birth: a connection cut while a request holds it
 *   (a fast shutdown, pg_terminate_backend, a pooler's "server conn crashed?") would otherwise be
 *   an unhandled 'error' event, which ends the process.
 * - A client that lost its connection, or whose statement ran out of time on our side, is destroyed
 *   when it is released instead of going back to the pool. Kysely releases without an error, so
 *   this wrapper remembers which clients broke.
 * - Waiting for a client is bounded twice: by pg-pool's connect timeout, and by a queue limit past
 *   which a request fails at once (PoolQueueFull) rather than adding to a wait nobody will see end.
 */
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { breaksConnection, PoolQueueFull } from './unavailable.ts';

/** What the wrapper needs to reach in a `pg` client to cut it. */
interface Destroyable {
  connection?: { stream?: { destroy(): void } };
}

export class GuardedPool implements PostgresPool {
  readonly #pool: pg.Pool;
  readonly #size: number;
  readonly #queueLimit: number;

  /** size: the pool's `max`; queueLimit: requests that may wait for a busy pool, beyond which they fail at once. */
  constructor(pool: pg.Pool, size: number, queueLimit: number) {
    this.#pool = pool;
    this.#size = size;
    this.#queueLimit = queueLimit;
    pool.on('connect', (client) => {
      // The pool's own listener only guards idle clients; this one guards them while lent out. The
      // failure itself reaches the borrower through its query, and the client is dropped on release.
      client.on('error', () => {});
    });
    // An idle client that fails is removed by the pool; nothing waits on it.
    pool.on('error', () => {});
  }

  async connect(): Promise<PostgresPoolClient> {
    const pool = this.#pool;
    const busy = pool.idleCount === 0 && pool.totalCount >= this.#size;
    if (busy && pool.waitingCount >= this.#queueLimit) throw new PoolQueueFull(this.#queueLimit);
    return new GuardedClient(await pool.connect()) as unknown as PostgresPoolClient;
  }

  end(): Promise<void> {
    return this.#pool.end();
  }
}

class GuardedClient {
  readonly #client: pg.PoolClient;
  #broken: unknown = null;
  #released = false;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (this.#broken) throw this.#broken;
    try {
      return (await this.#client.query(sql, parameters as unknown[])) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (breaksConnection(error)) {
        this.#broken = error;
        // At once, not on release: a statement that timed out on our side may still run on the
        // server, and a frozen peer would never answer the polite goodbye.
        (this.#client as unknown as Destroyable).connection?.stream?.destroy();
      }
      throw error;
    }
  }

  release(destroy?: boolean): void {
    if (this.#released) return;
    this.#released = true;
    const broken = this.#broken ?? (destroy ? new Error('discarded by the caller') : undefined);
    this.#client.release(broken as Error | undefined);
  }
}
