/**
 * The contact listing as server/crm/contacts-routes.ts builds it (GET /v1/clients/:id/contacts, first
 * page, no search), from the same columns, row mapping and response schema (server/crm/contact-view.ts);
 * scoping-overhead checks that the bare routes built from them send the API's bytes exactly.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import type { ScopedQueries, TenantDatabase, TenantScope } from '../server/db/tenant-db.ts';
import { paginate } from '../server/http/cursor.ts';
import { Page } from '../server/http/schemas.ts';
import { Contact, CONTACT_COLUMNS, contactView, type ContactRow } from '../server/crm/contact-view.ts';

export type { ContactRow };

export const LIMIT = 50;

export const ListingResponse = Page(Contact);

/** The route's query: the scope's filter comes from ScopedQueries, as it does for the route. */
export function listingQuery(q: ScopedQueries) {
  return q
    .selectFrom('contacts')
    .select(CONTACT_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('contact_id', 'desc')
    .limit(LIMIT + 1);
}

/** The route's response body from its LIMIT + 1 rows. */
export function listingPage(rows: ContactRow[]) {
  const { items, nextCursor } = paginate(rows, LIMIT, (row) => ({ at: row.created_at, id: row.contact_id }));
  return { items: items.map(contactView), nextCursor };
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
  for (
    let node: PlanNode | undefined = plan;
    node;
    node = node.Plans?.find((child) => child['Parent Relationship'] !== 'InitPlan')
  ) {
    if (node['Node Type'] === 'Result') continue;
    const on = node['Index Name']
      ? ` using ${node['Index Name']}`
      : node['Relation Name']
        ? ` on ${node['Relation Name']}`
        : '';
    const leaf = !node.Plans?.some((child) => child['Parent Relationship'] !== 'InitPlan');
    steps.push(
      `${node['Node Type']}${on}${leaf ? ` (estimated ${node['Plan Rows']} rows, got ${node['Actual Rows']})` : ''}`,
    );
  }
  return `${steps.join(' → ')}; ${executionMs.toFixed(2)} ms`;
}
