/**
 * Feature flags at every level of the tree (docs/flags.md):
 *
 * - feature_flags (0002) held one boolean per agency or client. A setting is now a state: `on`,
 *   `off`, `killed` (off for the whole subtree, which no level below can turn on again) or `rollout`
 *   (on for the tenants whose bucket is below `rollout_percent`), and `public` (its value reaches
 *   the widget's configuration). A stored `enabled` becomes `on` or `off`.
 * - platform_flags: the platform's own settings, which every agency and client is evaluated with.
 *   A reference table (no agency): only the privileged path reads or writes it, as `platform` and
 *   `system_settings`; the routes that write it are the platform admin's.
 */
import { sql, type Kysely } from 'kysely';
import { privilegedTablePolicies } from './policy-sql.ts';

const FLAGS_SQL = `
ALTER TABLE feature_flags
  ADD COLUMN state text CHECK (state IN ('on', 'off', 'killed', 'rollout')),
  ADD COLUMN rollout_percent smallint CHECK (rollout_percent BETWEEN 0 AND 100),
  ADD COLUMN public boolean NOT NULL DEFAULT false;
UPDATE feature_flags SET state = CASE WHEN enabled THEN 'on' ELSE 'off' END;
ALTER TABLE feature_flags
  ALTER COLUMN state SET NOT NULL,
  DROP COLUMN enabled,
  ADD CHECK ((state = 'rollout') = (rollout_percent IS NOT NULL));

CREATE TABLE platform_flags (
  flag            text PRIMARY KEY CHECK (flag ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  state           text NOT NULL CHECK (state IN ('on', 'off', 'killed', 'rollout')),
  rollout_percent smallint CHECK (rollout_percent BETWEEN 0 AND 100),
  public          boolean NOT NULL DEFAULT false,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'rollout') = (rollout_percent IS NOT NULL))
);
${privilegedTablePolicies('platform_flags')}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(FLAGS_SQL).execute(db);
}
