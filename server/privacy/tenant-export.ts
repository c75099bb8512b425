/**
 * The whole tenant's export: every row the tenant owns (an agency with all its clients, or one
 * client), table by table in primary-key order, a page at a time, written to an archive
 * (export-archive.ts). Rows are as the tables hold them, except for secrets, which are left out,
 * and the audit log, which is written as the API shows its entries: personal values merged in while
 * they are kept, erased ones masked.
 *
 * The lines: first `{"type":"export", …}` (what, whose, when), then `{"type":"row","table":…,"row":…}`
 * and `{"type":"auditEntry","entry":…}`, last `{"type":"end","rows":{table: count}}`, so a reader
 * can tell a whole archive from a cut one.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, TenantType } from '../db/schema.ts';
import { SCOPED_TABLES, type ScopedQueries, type ScopedTable } from '../db/tenant-db.ts';
import { auditEntryView, selectAuditEntries } from '../audit/audit-view.ts';
import type { ArchiveWriter } from './export-archive.ts';

export const EXPORT_FORMAT = 'upzento.tenant-export.v1';

/** Rows read per query. */
const PAGE_ROWS = 1000;

/** Tenant tables not written as rows, and why (docs/privacy.md says the same). */
export const NOT_EXPORTED: Readonly<Partial<Record<ScopedTable, string>>> = {
  audit_log: 'written as audit entries, as the API shows them',
  audit_personal: 'merged into the audit entries while kept',
  audit_redactions: 'applied to the audit entries',
  erasure_suppressions:
    'salted digests of erased emails: they identify no one, and an export must not test an email against them',
  privacy_jobs: 'the exports and erasures themselves',
  export_parts: 'earlier archives',
};

/** Columns that hold secrets, never exported. */
export const SECRET_COLUMNS: Readonly<Partial<Record<ScopedTable, readonly string[]>>> = {
  accounts: ['password_hash'],
  invitations: ['token_hash'],
  webhooks: ['secret', 'previous_secret'],
  identity_settings: ['secret', 'previous_secret'],
  privacy_settings: ['suppression_salt'],
};

export interface TenantExportSubject {
  jobId: string;
  tenantId: string;
  tenantType: 'agency' | 'client';
  requestedAt: Date;
}

/** Reads one step's worth of rows; the step reports each page's count. */
export type PageRunner = <R>(fn: (q: ScopedQueries) => Promise<R>) => Promise<R>;

/**
 * Writes the tenant's archive. Each page is read in a transaction of its own (run), so no statement
 * outlives its time limit however large the tenant; onPage hears the running counts.
 */
export async function writeTenantExport(
  run: PageRunner,
  archive: ArchiveWriter,
  subject: TenantExportSubject,
  at: Date,
  onPage: (rows: Record<string, number>) => Promise<void>,
): Promise<Record<string, number>> {
  await archive.write('export', {
    format: EXPORT_FORMAT,
    exportId: subject.jobId,
    tenant: { id: subject.tenantId, type: subject.tenantType },
    requestedAt: subject.requestedAt,
    createdAt: at,
  });
  const counts: Record<string, number> = {};
  const keys = await run((q) => primaryKeys(q));
  for (const table of exportedTables(subject.tenantType)) {
    const key = keys.get(table);
    if (!key) throw new Error(`${table} has no primary key to page by`);
    const hidden = new Set(['agency_id', ...(SECRET_COLUMNS[table] ?? [])]);
    let after: unknown[] | null = null;
    counts[table] = 0;
    for (;;) {
      const rows = await run((q) => pageOf(q, table, key, after));
      for (const row of rows) {
        await archive.write('row', {
          table,
          row: Object.fromEntries(Object.entries(row).filter(([column]) => !hidden.has(column))),
        });
      }
      counts[table] += rows.length;
      if (rows.length > 0) await onPage(counts);
      if (rows.length < PAGE_ROWS) break;
      const last = rows[rows.length - 1] as Record<string, unknown>;
      after = key.map((column) => last[column]);
    }
  }
  counts.audit_entries = 0;
  let afterEntry: [string, string] | null = null;
  for (;;) {
    const entries = await run((q) => auditPage(q, subject.tenantType, afterEntry));
    for (const { entry } of entries) await archive.write('auditEntry', { entry });
    counts.audit_entries += entries.length;
    if (entries.length > 0) await onPage(counts);
    if (entries.length < PAGE_ROWS) break;
    const last = entries[entries.length - 1] as (typeof entries)[number];
    afterEntry = [last.tenantId, last.seq];
  }
  await archive.write('end', { rows: counts });
  return counts;
}

/** The tables written as rows, parents before children; a client's export leaves out its agency's row. */
export function exportedTables(tenantType: 'agency' | 'client'): ScopedTable[] {
  return SCOPED_TABLES.filter(
    (table) => NOT_EXPORTED[table] === undefined && !(tenantType === 'client' && table === 'agencies'),
  );
}

/** Each table's primary key columns, from the catalog, so a table added later is paged by its own key. */
export async function primaryKeys(q: ScopedQueries): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; key: string[] }>`
    SELECT c.relname AS "table", array_agg(a.attname::text ORDER BY k.ord) AS key
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ANY (${SCOPED_TABLES}::text[])
     GROUP BY c.relname`.execute(q.unfiltered);
  return new Map(rows.map((row) => [row.table, row.key]));
}

async function pageOf(
  q: ScopedQueries,
  table: ScopedTable,
  key: string[],
  after: unknown[] | null,
): Promise<Record<string, unknown>[]> {
  // Every table is read alike, so the builder is not typed per table.
  // biome-ignore lint/complexity/noBannedTypes: `{}` is Kysely's own type for a selection of no columns yet.
  let query = q.selectFrom(table) as unknown as SelectQueryBuilder<Database, ScopedTable, {}>;
  const columns = sql.join(key.map((column) => sql.ref(`${table}.${column}`)));
  if (after) query = query.where(sql<boolean>`(${columns}) > (${sql.join(after)})`);
  return (await query.selectAll().orderBy(sql`${columns}`).limit(PAGE_ROWS).execute()) as Record<string, unknown>[];
}

async function auditPage(q: ScopedQueries, reader: TenantType, after: [string, string] | null) {
  let query = selectAuditEntries(q);
  if (after)
    query = query.where(sql<boolean>`(audit_log.tenant_id, audit_log.seq) > (${after[0]}::uuid, ${after[1]}::bigint)`);
  const rows = await query.orderBy('audit_log.tenant_id').orderBy('audit_log.seq').limit(PAGE_ROWS).execute();
  return rows.map((row) => ({ entry: auditEntryView(row, reader), tenantId: row.tenant_id, seq: String(row.seq) }));
}
