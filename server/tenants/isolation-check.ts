/**
 * After a tenant is provisioned, look at every tenant-owned table through the database wall alone
 * (row-level security, no application filter) under the new tenant's context, and count what is
 * visible. Anything of another tenant visible means a policy is missing or wrong; provisioning
 * then fails and rolls back instead of handing out a tenant that can see its neighbours.
 */
import { sql } from 'kysely';
import { clientColumnOf, SCOPED_TABLES, type ScopedQueries } from '../db/tenant-db.ts';

export interface IsolationReport {
  tablesChecked: number;
  ownRowsVisible: number;
  foreignRowsVisible: number;
}

export class IsolationBreach extends Error {
  override name = 'IsolationBreach';
  /** The tenant being provisioned, whose context saw what it should not (rolled back with it). */
  readonly tenant: string;

  constructor(message: string, tenant: string) {
    super(message);
    this.tenant = tenant;
  }
}

export async function checkIsolation(q: ScopedQueries): Promise<IsolationReport> {
  const { agencyId, clientId } = q.scope;
  let own = 0;
  let foreign = 0;
  for (const table of SCOPED_TABLES) {
    const column = clientColumnOf(table);
    const outside =
      column !== null && clientId !== null
        ? sql`agency_id <> ${agencyId} OR ${sql.ref(column)} IS DISTINCT FROM ${clientId}`
        : sql`agency_id <> ${agencyId}`;
    const { rows } = await sql<{ visible: number; foreign: number }>`
      SELECT count(*)::int AS visible, (count(*) FILTER (WHERE ${outside}))::int AS foreign
      FROM ${sql.table(table)}`.execute(q.unfiltered);
    const row = rows[0] ?? { visible: 0, foreign: 0 };
    own += row.visible - row.foreign;
    foreign += row.foreign;
  }
  if (foreign > 0)
    throw new IsolationBreach(
      `${foreign} rows of other tenants are visible to ${clientId ?? agencyId}`,
      clientId ?? agencyId,
    );
  if (own === 0)
    throw new IsolationBreach(`the new tenant ${clientId ?? agencyId} cannot see its own rows`, clientId ?? agencyId);
  return { tablesChecked: SCOPED_TABLES.length, ownRowsVisible: own, foreignRowsVisible: foreign };
}
