/**
 * Row-level security: the database's own wall between tenants.
 *
 * Every table has RLS enabled and FORCEd, so even the owning role sees nothing without a policy.
 * upzento_app sees only the rows of the tenant context its transaction set with
 * set_config('upzento.agency_id' / 'upzento.client_id', …, true). An unset context reads as NULL
 * (NULLIF turns the empty string a finished transaction leaves behind into NULL), and NULL equals
 * nothing: no context, no rows. An agency context with no client sees the whole agency; a client
 * context sees that client only.
 *
 * The context is read through scalar sub-selects so PostgreSQL evaluates it once per query (an
 * InitPlan) and can use it as an index condition, instead of calling current_setting per row.
 *
 * Policies apply to the role they name and to every role that inherits it; 0001 makes sure the
 * connecting role inherits neither (it reaches them through the NOINHERIT upzento_gate).
 */
import { sql, type Kysely } from 'kysely';

const AGENCY = `(SELECT NULLIF(current_setting('upzento.agency_id', true), '')::uuid)`;
const CLIENT = `(SELECT NULLIF(current_setting('upzento.client_id', true), '')::uuid)`;

/** RLS on, and forced so that the owning role is held to the policies too. */
function locked(table: string): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`;
}

/** Rows of the context's agency, and of its client when the context names one. */
function scoped(table: string, clientColumn: string): string {
  const rule = `agency_id = ${AGENCY} AND (${CLIENT} IS NULL OR ${clientColumn} = ${CLIENT})`;
  return `${locked(table)}
CREATE POLICY tenant_isolation ON ${table} TO upzento_app USING (${rule}) WITH CHECK (${rule});
CREATE POLICY privileged_path ON ${table} TO upzento_system USING (true) WITH CHECK (true);`;
}

/** Tables upzento_app never touches: only the privileged path reads or writes them. */
function privilegedOnly(table: string): string {
  return `${locked(table)}
CREATE POLICY privileged_path ON ${table} TO upzento_system USING (true) WITH CHECK (true);`;
}

const RLS_SQL = `
${privilegedOnly('platform')}
${privilegedOnly('system_settings')}

-- agencies: an agency is its own tenant; under a client context the agency row stays visible
-- (its name), never another agency's.
${locked('agencies')}
CREATE POLICY tenant_isolation ON agencies TO upzento_app
  USING (agency_id = ${AGENCY}) WITH CHECK (agency_id = ${AGENCY});
CREATE POLICY privileged_path ON agencies TO upzento_system USING (true) WITH CHECK (true);

${scoped('clients', 'client_id')}
${scoped('accounts', 'client_id')}
${scoped('users', 'client_id')}
${scoped('client_settings', 'client_id')}
${scoped('feature_flags', 'tenant_id')}
${scoped('contacts', 'client_id')}
${scoped('submissions', 'client_id')}
${scoped('domains', 'client_id')}
${scoped('audit_log', 'tenant_id')}
${scoped('audit_chain_heads', 'tenant_id')}

-- Privileges: the least each path needs. The audit log is insert-only for both; its triggers also
-- refuse UPDATE, DELETE and TRUNCATE to everyone.
GRANT USAGE ON SCHEMA public TO upzento_app, upzento_system;
GRANT SELECT ON agencies TO upzento_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON clients, users, client_settings, feature_flags,
  contacts, submissions, domains TO upzento_app;
GRANT SELECT, INSERT, DELETE ON accounts TO upzento_app;
GRANT SELECT, INSERT ON audit_log TO upzento_app, upzento_system;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO upzento_app, upzento_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON platform, system_settings, agencies, clients, accounts, users,
  client_settings, feature_flags, contacts, submissions, domains TO upzento_system;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO upzento_app, upzento_system;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(RLS_SQL).execute(db);
}
