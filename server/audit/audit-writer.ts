/**
 * Writes one audit row. The chain fields (seq, prev_hash, hash) and the time are filled by the
 * database trigger in the same transaction, so a change and its audit row commit or fail together.
 */
import type { Kysely } from 'kysely';
import type { Database, TenantType } from '../db/schema.ts';
import type { Actor, AuditEntry } from '../db/tenant-db.ts';
import { jsonbText } from '../db/jsonb-text.ts';

export interface AuditTenant {
  agencyId: string;
  tenantId: string;
  tenantType: TenantType;
}

export async function writeAudit(db: Kysely<Database>, tenant: AuditTenant, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      agency_id: tenant.agencyId,
      tenant_id: tenant.tenantId,
      tenant_type: tenant.tenantType,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_tenant_type: actor.tenantType ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      details: jsonbText(entry.details ?? {}),
      request_id: actor.requestId,
      ip: actor.ip,
    })
    .execute();
}
