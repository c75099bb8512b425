/**
 * Templates a new client is provisioned from in one call: its widget settings, flags, limits and the
 * people to invite. The platform keeps templates every agency may use; each agency keeps its own.
 *
 * - platform_templates: a reference table, read and written only through the privileged path.
 * - agency_templates: an agency's own, under row-level security like every tenant table.
 * `content` is checked by the API when a template is saved (server/tenants/templates.ts), and again
 * when a client is made from it, so a rule added since cannot be passed by an older template.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, privilegedTablePolicies, tenantTablePolicies } from './policy-sql.ts';

// The agency's own, and only under its own context: a client context sees none (a template names the
// people the agency invites, and what it gives each client).
const rule = `${contextRule(null)} AND NULLIF(current_setting('upzento.client_id', true), '') IS NULL`;

const TEMPLATES_SQL = `
CREATE TABLE platform_templates (
  template_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content     jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
${privilegedTablePolicies('platform_templates')}

CREATE TABLE agency_templates (
  agency_id   uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  template_id uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content     jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, template_id)
);
${tenantTablePolicies('agency_templates', rule)}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(TEMPLATES_SQL).execute(db);
}
