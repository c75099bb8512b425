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
