/**
 * Writes one audit row, through audit_append() (server/db/migrations/0008-citus-ready.ts): the chain
 * fields (seq, prev_hash, hash) and the time are made by the database in the same transaction, so a
 * change and its audit row commit or fail together.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, TenantType } from '../db/schema.ts';
import type { Actor, AuditEntry } from '../db/tenant-db.ts';
import { jsonbText } from '../db/jsonb-text.ts';

export interface AuditTenant {
  agencyId: string;
  tenantId: string;
  tenantType: TenantType;
}

export async function writeAudit(db: Kysely<Database>, tenant: AuditTenant, actor: Actor, entry: AuditEntry): Promise<void> {
  await sql`SELECT audit_append(
    ${tenant.agencyId}::uuid, ${tenant.tenantId}::uuid, ${tenant.tenantType}, ${actor.type}, ${actor.id}::uuid,
    ${actor.tenantType ?? null}, ${entry.action}, ${entry.targetType}, ${entry.targetId ?? null},
    ${jsonbText(entry.details ?? {})}::jsonb, ${actor.requestId}, ${actor.ip})`.execute(db);
}
