/**
 * How many server instances share the database now, from each one's heartbeat in server_instances:
 * a tenant's request rate is divided among them, so that each instance enforces its share without
 * asking the others (the approach of Grafana Mimir's distributors). Until a heartbeat succeeds, or
 * while the database cannot be asked, the last count stands (1 at first).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { TenantDatabase } from '../db/tenant-db.ts';

export interface InstanceCountOptions {
  /** Time between heartbeats; default 10 s. An instance unseen for three of them no longer counts. */
  intervalMs?: number;
  log?: FastifyBaseLogger;
}

export class InstanceCount {
  readonly id = randomUUID();
  readonly #data: TenantDatabase;
  readonly #intervalMs: number;
  readonly #log: FastifyBaseLogger | undefined;
  #count = 1;
  #timer: NodeJS.Timeout | null = null;

  constructor(data: TenantDatabase, options: InstanceCountOptions = {}) {
    this.#data = data;
    this.#intervalMs = options.intervalMs ?? 10_000;
    this.#log = options.log;
  }

  /** Instances alive, this one included. */
  get count(): number {
    return this.#count;
  }

  async start(): Promise<void> {
    await this.beat().catch(() => undefined);
    const tick = () => {
      this.#timer = setTimeout(async () => {
        await this.beat().catch((error) => this.#log?.debug({ err: error }, 'instance heartbeat failed'));
        if (this.#timer) tick();
      }, this.#intervalMs);
      this.#timer.unref();
    };
    tick();
  }

  /** Says this instance is alive, forgets instances long gone, and counts the rest. */
  async beat(): Promise<number> {
    const staleMs = this.#intervalMs * 3;
    this.#count = await this.#data.privileged('limits: count the server instances', async (db) => {
      await db
        .insertInto('server_instances')
        .values({ instance_id: this.id })
        .onConflict((oc) => oc.column('instance_id').doUpdateSet({ seen_at: sql<Date>`now()` }))
        .execute();
      await db
        .deleteFrom('server_instances')
        .where('seen_at', '<', sql<Date>`now() - make_interval(secs => ${staleMs / 1000})`)
        .execute();
      const row = await db
        .selectFrom('server_instances')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Math.max(1, Number(row.n));
    });
    return this.#count;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#data
      .privileged('limits: this instance stops', (db) =>
        db.deleteFrom('server_instances').where('instance_id', '=', this.id).execute(),
      )
      .catch(() => undefined);
  }
}
