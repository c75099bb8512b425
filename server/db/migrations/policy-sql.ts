/**
 * The tenant-context rule of row-level security policies, as SQL text, for every migration that
 * writes a policy. No sub-selects (Citus refuses them in policies of distributed tables): the
 * context is read by current_setting, which is stable, so `agency_id = <it>` stays an index condition.
 */
const AGENCY = `NULLIF(current_setting('upzento.agency_id', true), '')::uuid`;
const CLIENT = `NULLIF(current_setting('upzento.client_id', true), '')::uuid`;

/**
 * Rows of the context's agency, and of its client when the context names one (through
 * `clientColumn`; null for a table of agencies alone). An unset context is NULL, which equals nothing.
 */
export function contextRule(clientColumn: string | null): string {
  const agency = `agency_id = ${AGENCY}`;
  return clientColumn === null ? agency : `${agency} AND (${CLIENT} IS NULL OR ${clientColumn} = ${CLIENT})`;
}

/**
 * A tenant table's row-level security, on and forced: the tenant path (upzento_app) sees the rows
 * `rule` allows (contextRule, or a narrower rule), the privileged path all; both get `grants`.
 */
export function tenantTablePolicies(table: string, rule: string, grants = 'SELECT, INSERT, UPDATE, DELETE'): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ${table} TO upzento_app USING (${rule}) WITH CHECK (${rule});
CREATE POLICY privileged_path ON ${table} TO upzento_system USING (true) WITH CHECK (true);
GRANT ${grants} ON ${table} TO upzento_app, upzento_system;`;
}

/** A table only the privileged path reads or writes: row-level security on and forced, no tenant policy. */
export function privilegedTablePolicies(table: string, grants = 'SELECT, INSERT, UPDATE, DELETE'): string {
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
CREATE POLICY privileged_path ON ${table} TO upzento_system USING (true) WITH CHECK (true);
GRANT ${grants} ON ${table} TO upzento_system;`;
}
