/**
 * Policies apply to the role they name, not to every role that is a member of it.
 *
 * PostgreSQL applies a policy `TO upzento_system` to any role that has upzento_system's privileges,
 * and 0001 grants both roles to the connecting role (so it can SET ROLE to them). A connecting role
 * with INHERIT (the default) therefore matched `privileged_path USING (true)` without any SET ROLE
 * and saw every row of every tenant: the wall 0001 describes ("the connecting role sees nothing
 * unless it is a superuser") was not there. PostgreSQL 15 cannot grant a membership without
 * inheritance, so each table gets a restrictive policy instead: rows are reachable only while the
 * current role is upzento_app or upzento_system itself. The permissive policies of 0004 still decide
 * which rows those two see.
 */
import { sql, type Kysely } from 'kysely';

const TABLES = [
  'platform',
  'system_settings',
  'agencies',
  'clients',
  'accounts',
  'users',
  'client_settings',
  'feature_flags',
  'contacts',
  'submissions',
  'domains',
  'audit_log',
  'audit_chain_heads',
];

// A scalar sub-select, so it is evaluated once per query (an InitPlan), as in 0004.
const NAMED_ROLE = `(SELECT current_user) IN ('upzento_app', 'upzento_system')`;

const POLICY_SQL = TABLES.map(
  (table) => `CREATE POLICY only_named_roles ON ${table} AS RESTRICTIVE TO PUBLIC USING (${NAMED_ROLE}) WITH CHECK (${NAMED_ROLE});`,
).join('\n');

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(POLICY_SQL).execute(db);
}
