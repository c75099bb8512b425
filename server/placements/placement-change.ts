/**
 * A platform admin's change of where an agency is served from: a pool of its own (or none), and a
 * database (the shared one, or one of UPZENTO_DATABASES). A change of database moves the agency's rows
 * (server/db/agency-move.ts); either way every instance routes by the new placement once it is written.
 */
import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Notifications } from '../db/connect.ts';
import { AgencyMoveRefused, moveAgency, type AgencyMoveReport } from '../db/agency-move.ts';
import { SHARED_DATABASE, type Placements } from '../db/placements.ts';
import type { Actor, TenantDatabase } from '../db/tenant-db.ts';
import { writeAudit } from '../db/audit-writer.ts';
import { MoveRefused, NotFound, UnknownDatabase } from '../errors.ts';

export const PLACEMENTS_CHANNEL = 'upzento_placements';

export const PlacementRequest = Type.Object(
  {
    database: Type.Optional(
      Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: '`shared`, or a database of UPZENTO_DATABASES.' }),
    ),
    poolSize: Type.Optional(
      Type.Unsafe<number | null>({
        type: ['integer', 'null'],
        minimum: 1,
        maximum: 100,
        description: 'Connections of a pool of its own; null: the pool of its database.',
      }),
    ),
  },
  { additionalProperties: false, title: 'PlacementRequest' },
);
export type PlacementRequest = Static<typeof PlacementRequest>;

export const PlacementView = Type.Object(
  {
    agencyId: Type.String({ format: 'uuid' }),
    database: Type.String({ description: '`shared`, or the name of the database of its own.' }),
    poolSize: Type.Unsafe<number | null>({
      type: ['integer', 'null'],
      description: 'Connections of its own pool; null: it shares the pool of its database.',
    }),
  },
  { additionalProperties: false, title: 'Placement' },
);
export type PlacementView = Static<typeof PlacementView>;

export const MoveView = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    rows: Type.Record(Type.String(), Type.Integer(), {
      additionalProperties: false,
      description: 'Rows of the agency in each table, counted in both databases before the move was committed.',
    }),
    auditChains: Type.Integer({ description: 'Audit chains (the agency and each client) verified in the target.' }),
    pauseMs: Type.Integer({ description: "How long the agency's requests were held while its rows were copied." }),
  },
  { additionalProperties: false, title: 'AgencyMove' },
);

export const PlacementChange = Type.Object(
  { placement: PlacementView, move: Type.Union([MoveView, Type.Null()]) },
  { additionalProperties: false, title: 'PlacementChange' },
);
export type PlacementChange = Static<typeof PlacementChange>;

export function placementView(placements: Placements, agencyId: string): PlacementView {
  const placement = placements.placementOf(agencyId);
  return { agencyId, database: placement.database ?? SHARED_DATABASE, poolSize: placement.poolSize };
}

export interface PlacementContext {
  data: TenantDatabase;
  placements: Placements;
  /** Longest an agency's requests are held while its rows are copied; default agency-move.ts's. */
  maxPauseMs?: number;
}

/** Changes the agency's placement, moving its rows when its database changes; audited on the agency's chain. */
export async function changePlacement(
  context: PlacementContext,
  agencyId: string,
  change: PlacementRequest,
  actor: Actor,
): Promise<PlacementChange> {
  const { data, placements } = context;
  const before = placementView(placements, agencyId);
  const exists = await data.privilegedFor(agencyId, 'placement: the agency to place', (db) =>
    db.selectFrom('agencies').select('agency_id').where('agency_id', '=', agencyId).executeTakeFirst(),
  );
  if (!exists) throw new NotFound('agency');
  const database = change.database ?? before.database;
  if (!placements.names.includes(database)) throw new UnknownDatabase(database, placements.names.join(', '));
  const poolSize = change.poolSize === undefined ? before.poolSize : change.poolSize;
  const record = () => writePlacement(context, agencyId, database, poolSize);

  let move: AgencyMoveReport | null = null;
  if (database === before.database) {
    await record();
  } else {
    const from = placements.handle(before.database);
    const to = placements.handle(database);
    if (!from || !to || from.kind !== 'postgres' || to.kind !== 'postgres')
      throw new MoveRefused('agencies move only between PostgreSQL databases');
    try {
      move = await moveAgency({
        agencyId,
        from: { name: before.database, handle: from },
        to: { name: database, handle: to },
        ...(context.maxPauseMs !== undefined && { maxPauseMs: context.maxPauseMs }),
        switchOver: record,
      });
    } catch (error) {
      if (error instanceof AgencyMoveRefused) throw new MoveRefused(error.message);
      throw error;
    }
  }
  const placement = placementView(placements, agencyId);
  await data.privilegedFor(agencyId, 'placement: audit the change', (db) =>
    writeAudit(db, { agencyId, tenantId: agencyId, tenantType: 'agency' }, actor, {
      action: 'agency.placement_changed',
      targetType: 'agency',
      targetId: agencyId,
      details: {
        from: { database: before.database, poolSize: before.poolSize },
        to: { database: placement.database, poolSize: placement.poolSize },
        ...(move && { rows: move.rows, auditChains: move.auditChains, pauseMs: move.pauseMs }),
      },
    }),
  );
  return { placement, move };
}

/** Writes the placement, tells every instance, and routes by it here at once. */
async function writePlacement(
  context: PlacementContext,
  agencyId: string,
  database: string,
  poolSize: number | null,
): Promise<void> {
  const stored = database === SHARED_DATABASE ? null : database;
  await context.data.privileged('placement: record it', async (db) => {
    if (stored === null && poolSize === null) {
      await db.deleteFrom('agency_placements').where('agency_id', '=', agencyId).execute();
    } else {
      await db
        .insertInto('agency_placements')
        .values({ agency_id: agencyId, database: stored, pool_size: poolSize })
        .onConflict((oc) =>
          oc.column('agency_id').doUpdateSet({ database: stored, pool_size: poolSize, updated_at: sql`now()` }),
        )
        .execute();
    }
    await sql`SELECT pg_notify(${PLACEMENTS_CHANNEL}, ${agencyId})`.execute(db);
  });
  await context.data.reloadPlacements();
}

/** Every instance reloads the placements when one changes, and when its listening connection comes back. */
export function followPlacementChanges(
  notifications: Notifications,
  data: Pick<TenantDatabase, 'reloadPlacements'>,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const reload = () => void data.reloadPlacements().catch(onError);
  return notifications.listen(PLACEMENTS_CHANNEL, reload, reload);
}
