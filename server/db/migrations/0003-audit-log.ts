/**
 * The audit log: append-only, one hash chain per tenant.
 *
 * Each row's hash covers the previous row's hash of the same tenant and the row's own content, so
 * editing, removing or reordering any row breaks every hash after it. The chain is extended by a
 * trigger in the inserting transaction; the head row of each chain is locked while it is extended,
 * so concurrent writers for one tenant queue instead of forking the chain, and the unique
 * (agency_id, tenant_id, seq) key would reject a fork anyway.
 *
 * Platform-level events (platform admin sign-in, agency creation) are kept with agency_id set to
 * the platform's id: agency_id is the shard key, and the platform is its own shard.
 */
import { sql, type Kysely } from 'kysely';

const AUDIT_SQL = `
CREATE TABLE audit_log (
  agency_id   uuid NOT NULL,
  tenant_id   uuid NOT NULL,
  seq         bigint NOT NULL,
  audit_id    bigint GENERATED ALWAYS AS IDENTITY,
  tenant_type text NOT NULL CHECK (tenant_type IN ('platform', 'agency', 'client')),
  at          timestamptz NOT NULL DEFAULT now(),
  actor_type  text NOT NULL CHECK (actor_type IN ('user', 'system', 'anonymous')),
  actor_id    uuid,
  -- The level of the actor's own tenant: readers below it see the event but not the actor's IP.
  actor_tenant_type text CHECK (actor_tenant_type IN ('platform', 'agency', 'client')),
  action      text NOT NULL CHECK (action ~ '^[a-z][a-z_]*(\\.[a-z_]+)+$'),
  target_type text NOT NULL,
  target_id   text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id  text,
  ip          text,
  prev_hash   bytea NOT NULL,
  hash        bytea NOT NULL,
  PRIMARY KEY (agency_id, tenant_id, seq),
  UNIQUE (agency_id, audit_id)
);
CREATE INDEX audit_log_tenant_page_idx ON audit_log (agency_id, tenant_id, audit_id DESC);

CREATE TABLE audit_chain_heads (
  agency_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  seq       bigint NOT NULL,
  hash      bytea NOT NULL,
  PRIMARY KEY (agency_id, tenant_id)
);

-- What a row's hash covers: every column but the identity and the hashes, in a canonical form
-- (a JSON array; jsonb text is normalised; time in UTC microseconds, independent of TimeZone).
CREATE FUNCTION audit_row_content(r audit_log) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT convert_to(jsonb_build_array(
    r.agency_id, r.tenant_id, r.seq, r.tenant_type,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    r.actor_type, r.actor_id, r.actor_tenant_type, r.action, r.target_type, r.target_id, r.details, r.request_id, r.ip
  )::text, 'UTF8')
$fn$;

CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  head audit_chain_heads%ROWTYPE;
BEGIN
  INSERT INTO audit_chain_heads (agency_id, tenant_id, seq, hash)
  VALUES (NEW.agency_id, NEW.tenant_id, 0, '\\x'::bytea)
  ON CONFLICT (agency_id, tenant_id) DO NOTHING;
  SELECT * INTO STRICT head FROM audit_chain_heads
   WHERE agency_id = NEW.agency_id AND tenant_id = NEW.tenant_id
   FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.at := now();
  NEW.prev_hash := head.hash;
  NEW.hash := sha256(head.hash || audit_row_content(NEW));
  UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash
   WHERE agency_id = NEW.agency_id AND tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$fn$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Walks one tenant's chain and reports the first row whose hashes do not follow.
-- Runs with the caller's rights, so a tenant can verify only a chain it can read.
CREATE FUNCTION audit_verify_chain(p_agency_id uuid, p_tenant_id uuid)
RETURNS TABLE (valid boolean, rows_checked bigint, first_broken_seq bigint)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  r audit_log%ROWTYPE;
  expected_prev bytea := '\\x'::bytea;
  expected_seq bigint := 1;
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log
            WHERE agency_id = p_agency_id AND tenant_id = p_tenant_id ORDER BY seq
  LOOP
    n := n + 1;
    IF r.seq <> expected_seq OR r.prev_hash <> expected_prev
       OR r.hash <> sha256(r.prev_hash || audit_row_content(r)) THEN
      RETURN QUERY SELECT false, n, r.seq;
      RETURN;
    END IF;
    expected_prev := r.hash;
    expected_seq := r.seq + 1;
  END LOOP;
  -- A chain whose newest rows were deleted would still verify up to that point; the head
  -- remembers how far the chain reached.
  IF EXISTS (SELECT 1 FROM audit_chain_heads h
              WHERE h.agency_id = p_agency_id AND h.tenant_id = p_tenant_id
                AND (h.seq <> expected_seq - 1 OR h.hash <> expected_prev)) THEN
    RETURN QUERY SELECT false, n, expected_seq;
    RETURN;
  END IF;
  RETURN QUERY SELECT true, n, NULL::bigint;
END
$fn$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(AUDIT_SQL).execute(db);
}
