/**
 * The schema as Citus can distribute it by agency_id, with every guarantee it had:
 *
 * - Policies read the tenant context without sub-selects (Citus refuses sub-queries in policies of
 *   distributed tables). `agency_id = NULLIF(current_setting(…), '')::uuid` is still an index
 *   condition: current_setting is stable, so it is evaluated once per scan.
 * - submissions → contacts no longer sets contact_id to NULL on delete (Citus refuses SET NULL on a
 *   foreign key that includes the distribution key): deleting a contact clears its submissions'
 *   contact_id first, in the same transaction (server/crm/contacts.ts).
 * - The audit chain is extended by audit_append(), called in the transaction that writes the row,
 *   instead of a trigger (a trigger on a shard sees the shard's row type, and reads another table).
 *   audit_append runs as upzento_audit, the only role that may insert audit rows or move a chain's
 *   head: the application's roles may call it, read the log and the heads, and nothing else, so
 *   neither can rewrite a head. It checks the caller's tenant context as the insert policy did. The
 *   bytes hashed are those of before (audit_row_content now calls audit_content with the row's
 *   columns), so chains written before this migration verify as they did.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule } from './policy-sql.ts';

/**
 * Tables whose tenant_isolation policy 0004 wrote with sub-selects, and their client column. Written
 * out, not taken from tenant-db.ts: a migration must do the same thing however the code grows.
 */
const SCOPED: Record<string, string> = {
  clients: 'client_id',
  accounts: 'client_id',
  users: 'client_id',
  client_settings: 'client_id',
  feature_flags: 'tenant_id',
  contacts: 'client_id',
  submissions: 'client_id',
  domains: 'client_id',
  audit_log: 'tenant_id',
  audit_chain_heads: 'tenant_id',
};

function policies(): string {
  const agencies = `
DROP POLICY tenant_isolation ON agencies;
CREATE POLICY tenant_isolation ON agencies TO upzento_app USING (${contextRule(null)}) WITH CHECK (${contextRule(null)});`;
  const scoped = Object.entries(SCOPED).map(
    ([table, column]) => `
DROP POLICY tenant_isolation ON ${table};
CREATE POLICY tenant_isolation ON ${table} TO upzento_app USING (${contextRule(column)}) WITH CHECK (${contextRule(column)});`,
  );
  return [agencies, ...scoped].join('\n');
}

const AUDIT_ROLE = `
DO $$
DECLARE
  attempt int := 0;
BEGIN
  LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'upzento_audit') THEN
        CREATE ROLE upzento_audit NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
      END IF;
      -- Through the NOINHERIT gate, as the other roles: the connecting role may hand it a function,
      -- and inherits nothing of it.
      IF NOT EXISTS (
        SELECT 1 FROM pg_auth_members m
        WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = 'upzento_audit')
          AND m.member = (SELECT oid FROM pg_roles WHERE rolname = 'upzento_gate')
      ) THEN
        GRANT upzento_audit TO upzento_gate;
      END IF;
      EXIT;
    EXCEPTION WHEN OTHERS THEN
      -- Another database of this cluster is creating the role right now: look again.
      attempt := attempt + 1;
      IF attempt >= 10 THEN RAISE; END IF;
      PERFORM pg_sleep(0.05 * attempt);
    END;
  END LOOP;
END
$$;`;

const AUDIT_SQL = `
-- What a row's hash covers, from its columns: the same canonical JSON array as before.
CREATE FUNCTION audit_content(
  p_agency_id uuid, p_tenant_id uuid, p_seq bigint, p_tenant_type text, p_at timestamptz,
  p_actor_type text, p_actor_id uuid, p_actor_tenant_type text, p_action text, p_target_type text,
  p_target_id text, p_details jsonb, p_request_id text, p_ip text
) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT convert_to(jsonb_build_array(
    p_agency_id, p_tenant_id, p_seq, p_tenant_type,
    to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    p_actor_type, p_actor_id, p_actor_tenant_type, p_action, p_target_type, p_target_id, p_details, p_request_id, p_ip
  )::text, 'UTF8')
$fn$;

CREATE OR REPLACE FUNCTION audit_row_content(r audit_log) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT audit_content(r.agency_id, r.tenant_id, r.seq, r.tenant_type, r.at, r.actor_type, r.actor_id,
    r.actor_tenant_type, r.action, r.target_type, r.target_id, r.details, r.request_id, r.ip)
$fn$;

DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();

-- Appends one row to a tenant's chain: the head is locked (concurrent writers of one tenant queue),
-- the row gets the next seq, the time and its hash, and the head moves, all in the caller's transaction.
CREATE FUNCTION audit_append(
  p_agency_id uuid, p_tenant_id uuid, p_tenant_type text, p_actor_type text, p_actor_id uuid,
  p_actor_tenant_type text, p_action text, p_target_type text, p_target_id text, p_details jsonb,
  p_request_id text, p_ip text
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  ctx_agency uuid := NULLIF(current_setting('upzento.agency_id', true), '')::uuid;
  ctx_client uuid := NULLIF(current_setting('upzento.client_id', true), '')::uuid;
  head_seq bigint;
  head_hash bytea;
  row_at timestamptz := now();
  row_seq bigint;
  row_hash bytea;
BEGIN
  -- The privileged path appends anywhere; a tenant transaction only within its context, as the
  -- insert policy of upzento_app allowed. (SET ROLE shows in the role setting; the definer's rights do not.)
  IF current_setting('role') <> 'upzento_system'
     AND NOT (p_agency_id = ctx_agency AND (ctx_client IS NULL OR p_tenant_id = ctx_client)) THEN
    RAISE EXCEPTION 'audit_append: the row is outside the tenant context of this transaction'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO audit_chain_heads (agency_id, tenant_id, seq, hash)
  VALUES (p_agency_id, p_tenant_id, 0, '\\x'::bytea)
  ON CONFLICT (agency_id, tenant_id) DO NOTHING;
  SELECT h.seq, h.hash INTO STRICT head_seq, head_hash FROM audit_chain_heads h
   WHERE h.agency_id = p_agency_id AND h.tenant_id = p_tenant_id
   FOR UPDATE;
  row_seq := head_seq + 1;
  row_hash := sha256(head_hash || audit_content(p_agency_id, p_tenant_id, row_seq, p_tenant_type, row_at,
    p_actor_type, p_actor_id, p_actor_tenant_type, p_action, p_target_type, p_target_id, p_details, p_request_id, p_ip));
  INSERT INTO audit_log (agency_id, tenant_id, seq, tenant_type, at, actor_type, actor_id, actor_tenant_type,
    action, target_type, target_id, details, request_id, ip, prev_hash, hash)
  VALUES (p_agency_id, p_tenant_id, row_seq, p_tenant_type, row_at, p_actor_type, p_actor_id, p_actor_tenant_type,
    p_action, p_target_type, p_target_id, p_details, p_request_id, p_ip, head_hash, row_hash);
  UPDATE audit_chain_heads SET seq = row_seq, hash = row_hash
   WHERE agency_id = p_agency_id AND tenant_id = p_tenant_id;
  RETURN row_seq;
END
$fn$;

-- upzento_audit writes the chain, and only through audit_append: it owns nothing else and cannot log in.
GRANT USAGE ON SCHEMA public TO upzento_audit;
GRANT INSERT ON audit_log TO upzento_audit;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO upzento_audit;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO upzento_audit;
CREATE POLICY audit_append ON audit_log FOR INSERT TO upzento_audit WITH CHECK (true);
CREATE POLICY audit_append ON audit_chain_heads TO upzento_audit USING (true) WITH CHECK (true);
-- Who may call it is settled while the migrating role still owns it (a non-owner's REVOKE would
-- change nothing); the new owner takes the list over. A function's new owner needs CREATE on its
-- schema at the moment it takes it, and not after.
REVOKE ALL ON FUNCTION audit_append(uuid, uuid, text, text, uuid, text, text, text, text, jsonb, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, uuid, text, text, uuid, text, text, text, text, jsonb, text, text) TO upzento_app, upzento_system;
GRANT CREATE ON SCHEMA public TO upzento_audit;
ALTER FUNCTION audit_append(uuid, uuid, text, text, uuid, text, text, text, text, jsonb, text, text) OWNER TO upzento_audit;
REVOKE CREATE ON SCHEMA public FROM upzento_audit;

-- The application's roles read the log and the heads; they no longer write either.
REVOKE INSERT ON audit_log FROM upzento_app, upzento_system;
REVOKE INSERT, UPDATE ON audit_chain_heads FROM upzento_app, upzento_system;
`;

const FOREIGN_KEY_SQL = `
ALTER TABLE submissions DROP CONSTRAINT submissions_agency_id_client_id_contact_id_fkey;
ALTER TABLE submissions ADD CONSTRAINT submissions_agency_id_client_id_contact_id_fkey
  FOREIGN KEY (agency_id, client_id, contact_id) REFERENCES contacts (agency_id, client_id, contact_id);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(AUDIT_ROLE).execute(db);
  await sql.raw(`${policies()}\n${AUDIT_SQL}\n${FOREIGN_KEY_SQL}`).execute(db);
}
