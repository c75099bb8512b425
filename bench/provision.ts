/**
 * Tenants for the benchmarks, made through the API (so they are exactly what the application makes),
 * and bulk rows made with SQL (so a thousand contacts take milliseconds, not a minute of requests).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { asOwner } from './harness.ts';

export const BENCH_PASSWORD = 'a long enough bench password';

async function created(t: TestApp, url: string, body: unknown, token = t.adminToken): Promise<Record<string, string>> {
  const response = await t.call('POST', url, token, body);
  if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function createAgency(t: TestApp, name: string): Promise<string> {
  return (await created(t, '/v1/agencies', { name })).id as string;
}

export async function createClient(
  t: TestApp,
  agencyId: string,
  name: string,
): Promise<{ clientId: string; publicKey: string }> {
  const body = await created(t, `/v1/agencies/${agencyId}/clients`, { name });
  return { clientId: body.id as string, publicKey: body.publicKey as string };
}

/** A user of the client with the given role, signed in: a real access token, as a browser would hold. */
export async function clientUserToken(
  t: TestApp,
  clientId: string,
  role: 'admin' | 'member' | 'viewer',
  email: string,
): Promise<string> {
  await created(t, `/v1/clients/${clientId}/users`, { email, password: BENCH_PASSWORD, role });
  return t.signIn(email, BENCH_PASSWORD);
}

export interface ClientRef {
  agencyId: string;
  clientId: string;
}

/**
 * `perClient` contacts for each of the clients (or every client in the database), newest first a
 * minute apart, shaped like contacts the API makes (name, phone, a small attributes object). One
 * INSERT … SELECT, as the owner, then ANALYZE so the planner knows what it is looking at.
 */
export async function seedContacts(
  db: Kysely<Database>,
  clients: readonly ClientRef[] | 'every client',
  perClient: number,
): Promise<void> {
  const source =
    clients === 'every client'
      ? sql`(SELECT agency_id, client_id FROM clients) AS c`
      : sql`unnest(${clients.map((c) => c.agencyId)}::uuid[], ${clients.map((c) => c.clientId)}::uuid[]) AS c (agency_id, client_id)`;
  await asOwner(db, async (trx) => {
    await sql`
      INSERT INTO contacts (agency_id, client_id, contact_id, email, name, phone, attributes, created_at, updated_at)
      SELECT c.agency_id, c.client_id, gen_random_uuid(),
             'contact-' || n || '@bench.example', 'Contact ' || n, '+1 555 ' || lpad(n::text, 7, '0'),
             jsonb_build_object('source', 'bench', 'n', n),
             timestamptz '2026-01-01 00:00:00Z' - n * interval '1 minute',
             timestamptz '2026-01-01 00:00:00Z' - n * interval '1 minute'
      FROM ${source}
      CROSS JOIN generate_series(1, ${perClient}::int) AS n
    `.execute(trx);
  });
  await sql`ANALYZE contacts`.execute(db);
}
