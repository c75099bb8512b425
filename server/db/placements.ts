/**
 * Which connections serve each agency. Without a placement an agency is served by the shared pool
 * of the shared database; a platform admin may give it a pool of its own (a noisy agency then waits
 * for its own connections, not everyone's), or a database of its own among those the deployment
 * names (UPZENTO_DATABASES), with or without its own pool there.
 *
 * Kept in memory by every instance and replaced whole from agency_placements when it changes, so
 * routing a transaction costs a Map lookup. The tables without agency_id (REFERENCE_TABLES) and the
 * platform's own rows stay in the shared database.
 */
import type { Kysely } from 'kysely';
import type { DatabaseHandle, Notifications } from './connect.ts';
import type { Database } from './schema.ts';

/** The name of the database DATABASE_URL (or the embedded default) points at. */
export const SHARED_DATABASE = 'shared';

/** A database name as UPZENTO_DATABASES and agency_placements spell it. */
export const DATABASE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export interface Placement {
  readonly agencyId: string;
  /** Connections of the agency's own pool; null: the pool of its database. */
  readonly poolSize: number | null;
  /** One of the deployment's databases; null: the shared one. */
  readonly database: string | null;
}

interface Route {
  readonly placement: Placement;
  readonly db: Kysely<Database>;
  /** Set when db is a pool of the agency's own, which this router ends when it is replaced. */
  readonly own: boolean;
}

/** How long a replaced pool is kept for the transactions that were routed to it before the change. */
const RETIRE_AFTER_MS = 30_000;

export class Placements {
  readonly #databases: ReadonlyMap<string, DatabaseHandle>;
  #routes = new Map<string, Route>();

  /** databases: the shared database under SHARED_DATABASE, then the others by name. */
  constructor(shared: DatabaseHandle, others: ReadonlyMap<string, DatabaseHandle> = new Map()) {
    for (const name of others.keys()) {
      if (name === SHARED_DATABASE || !DATABASE_NAME.test(name)) throw new Error(`not a database name: ${name}`);
    }
    this.#databases = new Map([[SHARED_DATABASE, shared], ...others]);
  }

  /**
   * Whether more than one database serves: then every tenant transaction first runs placement_guard,
   * so that one sent to a database its agency has left is refused and sent again.
   */
  get guarded(): boolean {
    return this.#databases.size > 1;
  }

  /** The deployment's databases, the shared one first. */
  get names(): string[] {
    return [...this.#databases.keys()];
  }

  /**
   * Notifications heard from every database, sent on the shared one. A change committed in an agency's
   * own database announces itself there, in its transaction, so every instance listens to each.
   */
  get notifications(): Notifications {
    const handles = [...this.#databases.values()];
    const shared = handles[0] as DatabaseHandle;
    if (handles.length === 1) return shared.notifications;
    return {
      async listen(channel, onPayload, onResume, onLost) {
        const stops = await Promise.all(
          handles.map((handle) => handle.notifications.listen(channel, onPayload, onResume, onLost)),
        );
        return async () => {
          await Promise.all(stops.map((stop) => stop()));
        };
      },
      notify: (channel, payload) => shared.notifications.notify(channel, payload),
    };
  }

  handle(name: string): DatabaseHandle | undefined {
    return this.#databases.get(name);
  }

  /** The pooled connections of one of the deployment's databases. */
  pooled(name: string): Kysely<Database> {
    const handle = this.#databases.get(name);
    if (!handle) throw new Error(`no database named ${name}`);
    return handle.db;
  }

  /** The connections that serve `agencyId`. */
  route(agencyId: string): Kysely<Database> {
    return this.#routes.get(agencyId)?.db ?? this.pooled(SHARED_DATABASE);
  }

  /** Where `agencyId` is served from. */
  placementOf(agencyId: string): Placement {
    return this.#routes.get(agencyId)?.placement ?? { agencyId, poolSize: null, database: null };
  }

  /**
   * Replaces every placement with `placements` (all rows of agency_placements). A pool that still
   * serves the same agency with the same size is kept; the others are ended a while later, once the
   * transactions routed to them before the change are done. A placement naming a database this
   * instance does not know is refused whole, so routing never guesses.
   */
  replace(placements: readonly Placement[]): void {
    for (const placement of placements) {
      const database = placement.database ?? SHARED_DATABASE;
      if (!this.#databases.has(database))
        throw new Error(
          `agency ${placement.agencyId} is placed in database ${database}, which UPZENTO_DATABASES does not name`,
        );
    }
    const routes = new Map<string, Route>();
    for (const placement of placements) {
      const database = placement.database ?? SHARED_DATABASE;
      const kept = this.#routes.get(placement.agencyId);
      if (kept && kept.placement.poolSize === placement.poolSize && kept.placement.database === placement.database) {
        routes.set(placement.agencyId, { ...kept, placement });
      } else if (placement.poolSize !== null) {
        const handle = this.#databases.get(database) as DatabaseHandle;
        const db = handle.openPool(placement.poolSize, `upzento-agency-${placement.agencyId}`);
        // Embedded, the "own pool" is the one connection, which is not this router's to end.
        routes.set(placement.agencyId, { placement, db, own: db !== handle.db });
      } else {
        routes.set(placement.agencyId, { placement, db: this.pooled(database), own: false });
      }
    }
    const retired = [...this.#routes.values()].filter(
      (route) => route.own && routes.get(route.placement.agencyId)?.db !== route.db,
    );
    this.#routes = routes;
    if (retired.length > 0) {
      setTimeout(() => {
        for (const route of retired) void route.db.destroy().catch(() => {});
      }, RETIRE_AFTER_MS).unref();
    }
  }
}
