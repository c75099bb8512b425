/**
 * The contact listing as server/crm/contacts-routes.ts builds it (GET /v1/clients/:id/contacts, first
 * page, no search): its columns, query, row mapping and response schema. The route exports none of
 * them, so they are repeated here; scoping-overhead checks that the bare routes built from them send
 * the API's bytes exactly, which is what keeps this copy honest.
 */
import { Type } from '@sinclair/typebox';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import type { ScopedQueries, TenantDatabase, TenantScope } from '../server/db/tenant-db.ts';
import { paginate } from '../server/http/cursor.ts';
import { Page, Timestamp, Uuid } from '../server/http/schemas.ts';

export const LIMIT = 50;

const COLUMNS = ['contact_id', 'client_id', 'email', 'name', 'phone', 'attributes', 'created_at', 'updated_at'] as const;

export interface ContactRow {
  contact_id: string;
  client_id: string;
  email: string;
  name: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const Contact = Type.Object({
  id: Uuid,
  clientId: Uuid,
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ListingResponse = Page(Contact);

/** The route's query: the scope's filter comes from ScopedQueries, as it does for the route. */
export function listingQuery(q: ScopedQueries) {
  return q.selectFrom('contacts').select(COLUMNS).orderBy('created_at', 'desc').orderBy('contact_id', 'desc').limit(LIMIT + 1);
}

/** The route's response body from its LIMIT + 1 rows. */
export function listingPage(rows: ContactRow[]) {
  const { items, nextCursor } = paginate(rows, LIMIT, (row) => ({ at: row.created_at, id: row.contact_id }));
  return {
    items: items.map((row) => ({
      id: row.contact_id,
      clientId: row.client_id,
      email: row.email,
      name: row.name,
      phone: row.phone,
      attributes: row.attributes,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    nextCursor,
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  'Actual Rows': number;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

/**
 * EXPLAIN ANALYZE of the listing inside a scoped transaction, as upzento_app with the tenant context
 * set, so row-level security is in the plan.
 */
export function explainListing(data: TenantDatabase, scope: TenantScope): Promise<string> {
  const actor = { type: 'system' as const, id: null, requestId: null, ip: null };
  return data.scoped(scope, actor, (q) => explain(q.unfiltered, listingQuery(q).compile()));
}

/**
 * One line for the plan of a query, run on `db` as it stands (role, context):
 * `Limit → Sort → Seq Scan on contacts (estimated 3 rows, got 1000); 1.16 ms`.
 */
export async function explain(db: Kysely<Database>, query: CompiledQuery): Promise<string> {
  const explained = CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`, [...query.parameters]);
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(explained);
  const [{ Plan: plan, 'Execution Time': executionMs }] = rows[0]!['QUERY PLAN'];
  const steps: string[] = [];
  // The main line of the plan, without the InitPlans that read the tenant context and the
  // Results that only gate on it.
  for (let node: PlanNode | undefined = plan; node; node = node.Plans?.find((child) => child['Parent Relationship'] !== 'InitPlan')) {
    if (node['Node Type'] === 'Result') continue;
    const on = node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const leaf = !node.Plans?.some((child) => child['Parent Relationship'] !== 'InitPlan');
    steps.push(`${node['Node Type']}${on}${leaf ? ` (estimated ${node['Plan Rows']} rows, got ${node['Actual Rows']})` : ''}`);
  }
  return `${steps.join(' → ')}; ${executionMs.toFixed(2)} ms`;
}
