/**
 * The two roles every query runs as. The connecting role (whatever DATABASE_URL names) owns the
 * tables and is itself subject to FORCEd row-level security with no policy, so it sees nothing
 * unless it is a superuser; work happens only under one of these:
 *
 * - upzento_app: every tenant-scoped transaction. No login, no superuser, no BYPASSRLS, owns nothing.
 * - upzento_system: the explicit privileged path (sign-in lookup, provisioning, platform listings,
 *   background jobs). Its policies admit every row; every use is named and logged by the caller.
 *
 * Roles are cluster-wide, so creation tolerates another database (or a concurrent migration) having
 * made them first.
 */
import { sql, type Kysely } from 'kysely';

const ROLE_SQL = `
DO $$
DECLARE
  attempt int := 0;
BEGIN
  LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'upzento_app') THEN
        CREATE ROLE upzento_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'upzento_system') THEN
        CREATE ROLE upzento_system NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
      END IF;
      -- The connecting role must be able to SET ROLE to both.
      IF NOT pg_has_role(current_user, 'upzento_app', 'MEMBER') THEN
        EXECUTE format('GRANT upzento_app TO %I', current_user);
      END IF;
      IF NOT pg_has_role(current_user, 'upzento_system', 'MEMBER') THEN
        EXECUTE format('GRANT upzento_system TO %I', current_user);
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
