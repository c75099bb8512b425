/**
 * Writes one audit row, through audit_append() (server/db/migrations/0008-citus-ready.ts): the chain
 * fields (seq, prev_hash, hash) and the time are made by the database in the same transaction, so a
 * change and its audit row commit or fail together.
 *
 * Personal data stays out of the hashed row (0010-privacy.ts): the caller's IP address and the
 * entry's personal values go to audit_personal under a random reference, and the hashed details
 * carry only that reference (`personalRef`). An erasure or the retention job clears the values and
 * the chain still verifies. Both rows are written by one statement.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, TenantType } from './schema.ts';
import { jsonbText } from './jsonb-text.ts';

export interface AuditTenant {
  agencyId: string;
  tenantId: string;
  tenantType: TenantType;
}

/** Whose data an entry holds, and the values to show with it while they are kept. */
export interface PersonalValues {
  /** The contact the values are about, if any. */
  contactId?: string | null;
  /** The person's email; stored in lower case, so an erasure by email finds it. */
  email?: string | null;
  /** Shown in the entry's details until erased. */
  details?: Record<string, unknown>;
}

/** Who acts, for the audit log. */
export interface Actor {
  readonly type: 'user' | 'system' | 'anonymous';
  readonly id: string | null;
  /** A user's own tenant level; absent for the system and anonymous callers. */
  readonly tenantType?: TenantType;
  readonly requestId: string | null;
  readonly ip: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
  /** Personal values, kept outside the hashed row so an erasure can remove them. */
  personal?: PersonalValues;
}

/** The key of the hashed details that names the entry's row of audit_personal. */
export const PERSONAL_REF = 'personalRef';

export async function writeAudit(
  db: Kysely<Database>,
  tenant: AuditTenant,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  const personal = entry.personal;
  // The reference key is this writer's alone: a caller's details cannot name another entry's values.
  const { [PERSONAL_REF]: _ignored, ...details } = entry.details ?? {};
  const append = (details: Record<string, unknown>, ip: string | null) => sql`SELECT audit_append(
    ${tenant.agencyId}::uuid, ${tenant.tenantId}::uuid, ${tenant.tenantType}, ${actor.type}, ${actor.id}::uuid,
    ${actor.tenantType ?? null}, ${entry.action}, ${entry.targetType}, ${entry.targetId ?? null},
    ${jsonbText(details)}::jsonb, ${actor.requestId}, ${ip})`;
  if (!personal && actor.ip === null) {
    await append(details, null).execute(db);
    return;
  }
  const ref = randomUUID();
  await sql`WITH personal AS (
    INSERT INTO audit_personal (agency_id, tenant_id, ref_id, contact_id, email, ip, details)
    VALUES (${tenant.agencyId}::uuid, ${tenant.tenantId}::uuid, ${ref}::uuid, ${personal?.contactId ?? null}::uuid,
      ${personal?.email?.trim().toLowerCase() ?? null}, ${actor.ip}, ${jsonbText(personal?.details ?? {})}::jsonb)
  ) ${append({ ...details, [PERSONAL_REF]: ref }, null)}`.execute(db);
}
