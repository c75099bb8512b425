/**
 * The scheduler reads due domains a page at a time in (next_check_at, domain_id) order, each page
 * after the last one's key. An index in that order answers a page by reading just that page. On
 * next_check_at alone, every page read sorted all the domains due at once, and many share one
 * next_check_at: every domain registered or re-checked in one batch does.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE INDEX domains_due_order_idx ON domains (next_check_at, domain_id) WHERE status IN ('pending', 'verified', 'failing');
       DROP INDEX domains_due_idx;`,
    )
    .execute(db);
}
