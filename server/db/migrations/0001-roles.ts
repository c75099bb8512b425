/**
 * The roles every query runs as. The connecting role (whatever DATABASE_URL names) owns the
 * tables and is itself subject to FORCEd row-level security with no policy, so it sees nothing
 * unless it is a superuser; work happens only under one of these:
 *
 * - upzento_app: every tenant-scoped transaction. No login, no superuser, no BYPASSRLS, owns nothing.
 * - upzento_system: the explicit privileged path (sign-in lookup, provisioning, platform listings,
 *   background jobs). Its policies admit every row; every use is named and logged by the caller.
 *
 * The connecting role must be able to SET ROLE to both, but must not inherit them: a policy
 * `TO upzento_system` applies to every role that has upzento_system's privileges, so a plain
 * membership would let the connecting role read every row without switching role. Membership
 * therefore runs through upzento_gate, a NOINHERIT role: SET ROLE follows membership through it,
 * privileges and policies do not (PostgreSQL 15 and later alike). A direct membership left by an
 * earlier schema is revoked.
 *
 * Roles are cluster-wide, so creation tolerates another database (or a concurrent migration) having
 * made them first.
 */
import { sql, type Kysely } from 'kysely';

const ROLE_SQL = `
DO $$
DECLARE
  attempt int := 0;
  target text;
BEGIN
  LOOP
    BEGIN
      FOREACH target IN ARRAY ARRAY['upzento_app', 'upzento_system', 'upzento_gate'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target) THEN
          EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS', target);
        END IF;
      END LOOP;
      ALTER ROLE upzento_gate NOINHERIT;
      FOREACH target IN ARRAY ARRAY['upzento_app', 'upzento_system'] LOOP
        IF NOT EXISTS (
          SELECT 1 FROM pg_auth_members m
          WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = target)
            AND m.member = (SELECT oid FROM pg_roles WHERE rolname = 'upzento_gate')
        ) THEN
          EXECUTE format('GRANT %I TO upzento_gate', target);
        END IF;
        IF EXISTS (
          SELECT 1 FROM pg_auth_members m
          WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = target)
            AND m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)
        ) THEN
          EXECUTE format('REVOKE %I FROM %I', target, current_user);
        END IF;
      END LOOP;
      IF NOT pg_has_role(current_user, 'upzento_gate', 'MEMBER') THEN
        EXECUTE format('GRANT upzento_gate TO %I', current_user);
      END IF;
      EXIT;
    EXCEPTION WHEN OTHERS THEN
      -- Another database of this cluster is creating the same roles right now
      -- ("tuple concurrently updated", duplicate key): look again.
      attempt := attempt + 1;
      IF attempt >= 10 THEN RAISE; END IF;
      PERFORM pg_sleep(0.05 * attempt);
    END;
  END LOOP;
END
$$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ROLE_SQL).execute(db);
}
