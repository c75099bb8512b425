/**
 * Where each agency's rows are served from: the shared pool (no row here), a connection pool of its
 * own on the shared database, or a database of its own (the silo model beside the shared one).
 *
 * - agency_placements: kept in the shared database only, read and written by the privileged path;
 *   every instance keeps a copy in memory and reloads it on NOTIFY.
 * - agencies.moved_to: set in the database an agency has left. Its audit chain stays there (the audit
 *   log is append-only), every other row of it is gone; a transaction routed there by an instance
 *   that has not yet heard of the move is refused by placement_guard and sent again to the new place.
 * - placement_guard(agency): what a tenant transaction runs first when the deployment has more than
 *   one database. It waits while a move of the agency holds the agency's lock (the move's bounded
 *   write pause), then refuses a database the agency has left (SQLSTATE UP001).
 */
import { sql, type Kysely } from 'kysely';
import { privilegedTablePolicies } from './policy-sql.ts';

const PLACEMENTS_SQL = `
CREATE TABLE agency_placements (
  agency_id  uuid PRIMARY KEY REFERENCES agencies (agency_id) ON DELETE CASCADE,
  -- Connections of the agency's own pool; null: the pool of the database it is in.
  pool_size  integer CHECK (pool_size BETWEEN 1 AND 100),
  -- A database named in UPZENTO_DATABASES; null: the shared database.
  database   text CHECK (database ~ '^[a-z][a-z0-9_]{0,39}$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (pool_size IS NOT NULL OR database IS NOT NULL)
);
${privilegedTablePolicies('agency_placements')}

ALTER TABLE agencies ADD COLUMN moved_to text CHECK (moved_to ~ '^[a-z][a-z0-9_]{0,39}$');

-- The lock's key is the agency's, in a space of its own ("upzento.placement:").
CREATE FUNCTION placement_lock_key(p_agency_id uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $fn$ SELECT hashtextextended('upzento.placement:' || p_agency_id::text, 0) $fn$;

CREATE FUNCTION placement_guard(p_agency_id uuid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  gone text;
BEGIN
  -- Shared with every other transaction of the agency; a move takes it alone, so it waits for the
  -- transactions in flight and holds new ones until it is done (at most lock_timeout).
  PERFORM pg_advisory_xact_lock_shared(placement_lock_key(p_agency_id));
  SELECT moved_to INTO gone FROM agencies WHERE agency_id = p_agency_id;
  IF gone IS NOT NULL THEN
    RAISE EXCEPTION 'agency % has moved to database %', p_agency_id, gone USING ERRCODE = 'UP001';
  END IF;
END
$fn$;
GRANT EXECUTE ON FUNCTION placement_lock_key(uuid), placement_guard(uuid) TO upzento_app, upzento_system;

-- A move deletes an agency's deletion records from the database it leaves, once they are copied to
-- the other; nothing else deletes one.
GRANT DELETE ON tenant_deletions TO upzento_system;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(PLACEMENTS_SQL).execute(db);
}
