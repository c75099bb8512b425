/**
 * The one query path. Handlers never write a tenant filter: they ask for a scoped transaction and
 * get query builders that already carry it, while the same transaction runs as upzento_app with
 * the tenant context set, so row-level security filters again underneath.
 *
 * One round trip opens a scoped transaction: BEGIN, SET LOCAL ROLE and the context travel as one
 * simple-protocol message, with the transaction's time limits (statement_timeout, lock_timeout).
 * Everything is transaction-local (SET LOCAL), so nothing survives COMMIT on a pooled connection,
 * including behind PgBouncer in transaction mode, which refuses such settings as start-up
 * parameters; and SET LOCAL, unlike set_config(), is what Citus passes on to the workers that
 * evaluate the policies.
 */
import {
  sql,
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type Kysely,
  type SelectQueryBuilder,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './schema.ts';
import { DATABASE_DEFAULTS, type TransactionLimits } from './connect.ts';
import { isUuid } from './uuid.ts';
import { writeAudit, type Actor, type AuditEntry } from './audit-writer.ts';
import { SHARED_DATABASE, type Placement, type Placements } from './placements.ts';

export type { Actor, AuditEntry } from './audit-writer.ts';

/** The tenant a transaction acts on: an agency, or one client of it. */
export interface TenantScope {
  readonly agencyId: string;
  readonly clientId: string | null;
}

/**
 * A tenant transaction asked for without a whole context: no agency, or a client left undefined
 * rather than null (which would widen a client's transaction to its agency). Only a defect of the
 * code can ask for one; it is refused before anything is sent.
 */
export class MissingTenantContext extends Error {
  override name = 'MissingTenantContext';
}

/** Each tenant-owned table and the column that names its client (or tenant) within the agency. */
const TENANT_TABLES = {
  agencies: null,
  clients: 'client_id',
  accounts: 'client_id',
  users: 'client_id',
  client_settings: 'client_id',
  feature_flags: 'tenant_id',
  contacts: 'client_id',
  submissions: 'client_id',
  domains: 'client_id',
  invitations: 'client_id',
  webhooks: 'client_id',
  webhook_deliveries: 'client_id',
  audit_log: 'tenant_id',
  audit_personal: 'tenant_id',
  audit_redactions: 'tenant_id',
  privacy_settings: 'client_id',
  erasure_suppressions: 'client_id',
  identity_settings: 'client_id',
  audit_digests: 'tenant_id',
  privacy_jobs: 'tenant_id',
  export_parts: 'tenant_id',
  tenant_limits: 'tenant_id',
  agency_templates: null,
  api_version_pins: 'tenant_id',
  tenant_deletions: 'tenant_id',
  tenant_data_migrations: null,
  tenant_metrics_minute: 'tenant_id',
  tenant_metrics_hour: 'tenant_id',
} as const satisfies Partial<Record<keyof Database, string | null>>;

export type ScopedTable = keyof typeof TENANT_TABLES;
type TenantColumns = 'agency_id' | 'client_id' | 'tenant_id';
/** A row to insert, without the tenant columns the scope fills in. */
export type ScopedInsert<T extends ScopedTable> = Omit<Insertable<Database[T]>, TenantColumns> &
  Partial<Pick<Insertable<Database[T]>, Extract<keyof Insertable<Database[T]>, 'client_id' | 'tenant_id'>>>;

function uuidLiteral(value: string | null): string {
  if (value === null) return "''";
  // Only validated UUIDs are ever inlined, so the literal cannot carry anything else.
  if (!isUuid(value)) throw new TypeError(`not a UUID: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/** What each open transaction runs once it has committed; keyed by the transaction's connection. */
const afterCommitHooks = new WeakMap<Kysely<Database>, Array<() => void>>();

/** Queries of one scoped transaction. */
export class ScopedQueries {
  readonly #db: Kysely<Database>;
  readonly scope: TenantScope;
  readonly actor: Actor;

  constructor(db: Kysely<Database>, scope: TenantScope, actor: Actor) {
    this.#db = db;
    this.scope = scope;
    this.actor = actor;
  }

  // biome-ignore lint/complexity/noBannedTypes: `{}` is Kysely's own type for a selection of no columns yet.
  selectFrom<T extends ScopedTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    // The generic builder cannot see that every scoped table has these columns; the filter is
    // built from references, which are checked against TENANT_TABLES above.
    return this.#db.selectFrom(table as ScopedTable).where(this.#filter(table)) as unknown as SelectQueryBuilder<
      Database,
      T,
      // biome-ignore lint/complexity/noBannedTypes: as above.
      {}
    >;
  }

  updateTable<T extends ScopedTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return this.#db.updateTable(table as ScopedTable).where(this.#filter(table)) as unknown as UpdateQueryBuilder<
      Database,
      T,
      T,
      UpdateResult
    >;
  }

  deleteFrom<T extends ScopedTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return this.#db.deleteFrom(table as ScopedTable).where(this.#filter(table)) as unknown as DeleteQueryBuilder<
      Database,
      T,
      DeleteResult
    >;
  }

  insertInto<T extends ScopedTable>(table: T, rows: ScopedInsert<T> | ScopedInsert<T>[]) {
    const column = TENANT_TABLES[table];
    const list = Array.isArray(rows) ? rows : [rows];
    const filled = list.map((row) => {
      const tenant: Record<string, string | null> = { agency_id: this.scope.agencyId };
      if (column !== null && this.scope.clientId !== null) tenant[column] = this.scope.clientId;
      return { ...row, ...tenant };
    });
    return this.#db.insertInto(table).values(filled as never);
  }

  /** Appends to the audit log of the scope's tenant, in this transaction. */
  audit(entry: AuditEntry): Promise<void> {
    const { agencyId, clientId } = this.scope;
    const tenant = clientId
      ? { agencyId, tenantId: clientId, tenantType: 'client' as const }
      : { agencyId, tenantId: agencyId, tenantType: 'agency' as const };
    return writeAudit(this.#db, tenant, this.actor, entry);
  }

  /**
   * Runs fn once this transaction has committed, before the transaction's promise resolves; never when
   * it rolls back. For telling this process at once what other processes learn from a NOTIFY.
   */
  afterCommit(fn: () => void): void {
    const hooks = afterCommitHooks.get(this.#db);
    if (!hooks) throw new Error('afterCommit needs a transaction opened by TenantDatabase');
    hooks.push(fn);
  }

  /**
   * This transaction without the application's filter: row-level security alone applies. For
   * SQL functions of the schema (audit_verify_chain) and for checks of the database wall itself.
   */
  get unfiltered(): Kysely<Database> {
    return this.#db;
  }

  /** Narrows this transaction to one client of its agency (after creating that client, say). */
  async narrowTo(clientId: string): Promise<ScopedQueries> {
    return enterScope(this.#db, { agencyId: this.scope.agencyId, clientId }, this.actor);
  }

  #filter(table: ScopedTable) {
    const column = TENANT_TABLES[table];
    const { agencyId, clientId } = this.scope;
    return sql<boolean>`${sql.ref(`${table}.agency_id`)} = ${agencyId}${
      column !== null && clientId !== null ? sql` and ${sql.ref(`${table}.${column}`)} = ${clientId}` : sql``
    }`;
  }
}

/**
 * Switches the current transaction to upzento_app with the given tenant context. Used to finish a
 * privileged transaction (provisioning) under the new tenant's own context, so its isolation is
 * checked and audited before anything commits.
 */
export async function enterScope(db: Kysely<Database>, scope: TenantScope, actor: Actor): Promise<ScopedQueries> {
  await sql.raw(actAs('upzento_app', scope)).execute(db);
  return new ScopedQueries(db, scope, actor);
}

/**
 * The statements that make the rest of a transaction run as `role` with `scope` as its tenant
 * context (no scope: the context is emptied). All transaction-local.
 */
function actAs(role: 'upzento_app' | 'upzento_system', scope: TenantScope | null): string {
  return (
    `SET LOCAL ROLE ${role}; ` +
    `SET LOCAL upzento.agency_id = ${uuidLiteral(scope?.agencyId ?? null)}; ` +
    `SET LOCAL upzento.client_id = ${uuidLiteral(scope?.clientId ?? null)}`
  );
}

export const SCOPED_TABLES = Object.keys(TENANT_TABLES) as ScopedTable[];

/** SQLSTATE of placement_guard (0021): the agency has left this database. */
const MOVED_AWAY = 'UP001';

/** The column that names the client (or tenant) in a scoped table, or null for agencies. */
export function clientColumnOf(table: ScopedTable): string | null {
  return TENANT_TABLES[table];
}

/** What one database's transaction of privilegedForAgencies came to, with the agencies it served. */
export type GroupOutcome<R> =
  | { agencyIds: string[]; ok: true; value: R }
  | { agencyIds: string[]; ok: false; error: unknown };

export interface PrivilegedOptions {
  /**
   * False: COMMIT returns before the transaction's WAL reaches the disk (PostgreSQL's
   * `synchronous_commit = off`). A crash of the database server may then lose the last fraction of
   * a second of such commits, never a part of one, and never anything else. Only for bookkeeping
   * that the next run writes again if it is lost; default true.
   */
  waitForFlush?: boolean;
}

/** SET LOCAL of the limits; whole numbers only, so the text carries nothing else. */
function limitsSql({ statementTimeoutMs, lockTimeoutMs }: TransactionLimits): string {
  if (!Number.isSafeInteger(statementTimeoutMs) || !Number.isSafeInteger(lockTimeoutMs))
    throw new TypeError('time limits are whole milliseconds');
  return `SET LOCAL statement_timeout = ${statementTimeoutMs}; SET LOCAL lock_timeout = ${lockTimeoutMs}; `;
}

export class TenantDatabase {
  readonly #db: Kysely<Database>;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #begin: string;
  readonly #placements: Placements | undefined;
  #onMissingContext: ((scope: TenantScope, actor: Actor) => void) | undefined;

  /**
   * db: the shared database's pool. limits: the time limits of every transaction; default 10 s per
   * statement, 5 s per lock wait. placements: where each agency is served from; default: all from db.
   */
  constructor(
    db: Kysely<Database>,
    log?: FastifyBaseLogger,
    limits: TransactionLimits = DATABASE_DEFAULTS,
    placements?: Placements,
  ) {
    this.#db = db;
    this.#log = log;
    this.#begin = `BEGIN; ${limitsSql(limits)}`;
    this.#placements = placements;
  }

  /** Told of each tenant transaction refused for a missing context (MissingTenantContext); default none. */
  watchMissingContext(observe: (scope: TenantScope, actor: Actor) => void): void {
    this.#onMissingContext = observe;
  }

  /** Runs fn in one transaction as upzento_app with the scope as tenant context, on the agency's connections. */
  scoped<R>(scope: TenantScope, actor: Actor, fn: (q: ScopedQueries) => Promise<R>): Promise<R> {
    // An empty context would fail closed at the database wall (policies compare with NULL), but
    // silently: reads find nothing. Refused here, where it can be told.
    if (scope?.agencyId == null || scope.clientId === undefined) {
      this.#onMissingContext?.(scope, actor);
      return Promise.reject(new MissingTenantContext('a tenant transaction was asked for without a tenant context'));
    }
    return this.#routed(scope.agencyId, `${this.#begin}${actAs('upzento_app', scope)}`, (db) =>
      fn(new ScopedQueries(db, scope, actor)),
    );
  }

  /**
   * The privileged path: runs fn as upzento_system, whose policies admit every row, on the shared
   * database. For work that has no single tenant (sign-in, platform listings, provisioning) and for
   * the tables every agency shares (REFERENCE_TABLES). Each use names its reason, which is logged at
   * debug level; mutations in it write their own audit rows.
   */
  privileged<R>(reason: string, fn: (db: Kysely<Database>) => Promise<R>, options: PrivilegedOptions = {}): Promise<R> {
    return this.#transaction(this.#db, this.#privilegedOpen(reason, options), fn);
  }

  /** The privileged path on the database that serves `agencyId`: work on one agency's rows with no user behind it. */
  privilegedFor<R>(
    agencyId: string,
    reason: string,
    fn: (db: Kysely<Database>) => Promise<R>,
    options: PrivilegedOptions = {},
  ): Promise<R> {
    return this.#routed(agencyId, this.#privilegedOpen(reason, options), fn);
  }

  /**
   * The privileged path once on each of the deployment's databases, the shared one first, one after
   * the other: for work across agencies (the jobs, look-ups by a key no tenant is known for yet).
   * With one database, the same as privileged().
   */
  async privilegedEach<R>(
    reason: string,
    fn: (db: Kysely<Database>, database: string) => Promise<R>,
    options: PrivilegedOptions = {},
  ): Promise<R[]> {
    const open = this.#privilegedOpen(reason, options);
    if (!this.#placements) return [await this.#transaction(this.#db, open, (db) => fn(db, SHARED_DATABASE))];
    const results: R[] = [];
    for (const name of this.#placements.names) {
      results.push(await this.#transaction(this.#placements.pooled(name), open, (db) => fn(db, name)));
    }
    return results;
  }

  /**
   * The privileged path once per database that serves some of `agencyIds`, given the agencies it
   * serves there: batched work on many agencies' rows with no user behind it (the metrics flush),
   * one transaction per database rather than per agency. Every database is tried, whatever another
   * answered; each one's outcome is given with its agencies. With more than one database each
   * transaction first passes placement_guard for each of its agencies; refused because one has just
   * moved, the placements are reloaded and that database's agencies are grouped again, once.
   */
  async privilegedForAgencies<R>(
    agencyIds: readonly string[],
    reason: string,
    fn: (db: Kysely<Database>, agencyIds: string[]) => Promise<R>,
    options: PrivilegedOptions = {},
  ): Promise<Array<GroupOutcome<R>>> {
    const open = this.#privilegedOpen(reason, options);
    const placements = this.#placements;
    const settle = async (agencyIds: string[], run: () => Promise<R>): Promise<GroupOutcome<R>> => {
      try {
        return { agencyIds, ok: true, value: await run() };
      } catch (error) {
        return { agencyIds, ok: false, error };
      }
    };
    if (!placements) {
      if (agencyIds.length === 0) return [];
      const ids = [...agencyIds];
      return [await settle(ids, () => this.#transaction(this.#db, open, (db) => fn(db, ids)))];
    }
    const byDatabase = (ids: readonly string[]) => {
      const groups = new Map<string, string[]>();
      for (const id of ids) {
        const name = placements.placementOf(id).database ?? SHARED_DATABASE;
        groups.set(name, [...(groups.get(name) ?? []), id]);
      }
      return groups;
    };
    const run = (name: string, ids: string[]) =>
      this.#transaction(
        placements.pooled(name),
        placements.guarded
          ? `${open}; SELECT placement_guard(id) FROM unnest(ARRAY[${ids.map(uuidLiteral).join(', ')}]::uuid[]) AS id`
          : open,
        (db) => fn(db, ids),
      );
    const outcomes: Array<GroupOutcome<R>> = [];
    for (const [name, ids] of byDatabase(agencyIds)) {
      const outcome = await settle(ids, () => run(name, ids));
      if (outcome.ok || (outcome.error as { code?: unknown } | null)?.code !== MOVED_AWAY) {
        outcomes.push(outcome);
        continue;
      }
      await this.reloadPlacements();
      for (const [again, moved] of byDatabase(ids)) outcomes.push(await settle(moved, () => run(again, moved)));
    }
    return outcomes;
  }

  /**
   * The privileged path on each database in turn, the shared one first, until fn finds something:
   * look-ups by a key that is unique across the deployment (a user id, an email, a widget key) and
   * names no agency yet. With one database, the same as privileged(). beyondDatabaseOf: look
   * everywhere but in the database of that agency (null: the shared one), where the caller has looked.
   */
  async privilegedFind<R>(
    reason: string,
    fn: (db: Kysely<Database>) => Promise<R | undefined>,
    options: { beyondDatabaseOf?: string | null } = {},
  ): Promise<R | undefined> {
    const open = this.#privilegedOpen(reason, {});
    const placements = this.#placements;
    if (!placements) return options.beyondDatabaseOf === undefined ? this.#transaction(this.#db, open, fn) : undefined;
    // The database the caller has looked in already: the agency's, or (null) the shared one.
    const skipped =
      options.beyondDatabaseOf === undefined
        ? undefined
        : options.beyondDatabaseOf === null
          ? SHARED_DATABASE
          : (placements.placementOf(options.beyondDatabaseOf).database ?? SHARED_DATABASE);
    for (const name of placements.names) {
      if (name === skipped) continue;
      const pool = placements.pooled(name);
      const found = await this.#transaction(pool, open, fn);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Reads every agency's placement from the shared database and routes by it from now on. */
  async reloadPlacements(): Promise<void> {
    const placements = this.#placements;
    if (!placements) return;
    const rows = await this.privileged('placements: where each agency is served from', (db) =>
      db.selectFrom('agency_placements').select(['agency_id', 'pool_size', 'database']).execute(),
    );
    placements.replace(
      rows.map((row): Placement => ({ agencyId: row.agency_id, poolSize: row.pool_size, database: row.database })),
    );
  }

  #privilegedOpen(reason: string, options: PrivilegedOptions): string {
    // Debug, not info: sign-ins and widget cache misses take this path, and a line each would flood the log.
    this.#log?.debug({ privileged: reason }, 'privileged database path');
    const commit = options.waitForFlush === false ? 'SET LOCAL synchronous_commit = off; ' : '';
    return `${this.#begin}${commit}${actAs('upzento_system', null)}`;
  }

  /**
   * A transaction on the agency's connections. With more than one database it first passes
   * placement_guard; refused there because the agency has just moved, it reloads the placements and
   * runs once more, at the agency's new place (nothing of fn had run).
   */
  async #routed<R>(agencyId: string, open: string, fn: (db: Kysely<Database>) => Promise<R>): Promise<R> {
    const placements = this.#placements;
    if (!placements) return this.#transaction(this.#db, open, fn);
    if (!placements.guarded) return this.#transaction(placements.route(agencyId), open, fn);
    const guarded = `${open}; SELECT placement_guard(${uuidLiteral(agencyId)})`;
    try {
      return await this.#transaction(placements.route(agencyId), guarded, fn);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== MOVED_AWAY) throw error;
      await this.reloadPlacements();
      return this.#transaction(placements.route(agencyId), guarded, fn);
    }
  }

  #transaction<R>(pool: Kysely<Database>, open: string, fn: (db: Kysely<Database>) => Promise<R>): Promise<R> {
    return pool.connection().execute(async (connection) => {
      let result: R;
      const hooks: Array<() => void> = [];
      afterCommitHooks.set(connection, hooks);
      try {
        // Inside the try: if anything after BEGIN fails, the connection goes back to the pool
        // rolled back, not in an aborted transaction.
        await sql.raw(open).execute(connection);
        result = await fn(connection);
      } catch (error) {
        afterCommitHooks.delete(connection);
        await sql
          .raw('ROLLBACK')
          .execute(connection)
          .catch(() => {});
        throw error;
      }
      afterCommitHooks.delete(connection);
      const commit = await sql.raw<{ command?: string }>('COMMIT').execute(connection);
      // PostgreSQL answers COMMIT of an aborted transaction with ROLLBACK.
      if (commit.rows[0]?.command === 'ROLLBACK') throw new Error('transaction was rolled back');
      for (const hook of hooks) hook();
      return result;
    });
  }
}
