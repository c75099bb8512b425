/**
 * What the flag routes store and read, beside them, so that a job or a CLI sets flags the same way.
 * A tenant's settings live in feature_flags (the agency's own with tenant_id = agency_id, a client's
 * with its client_id); the platform's in platform_flags, which only the privileged path reaches.
 * Every change writes an audit entry in the same transaction, with the setting it replaced.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor, AuditTenant } from '../db/audit-writer.ts';
import { writeAudit } from '../db/audit-writer.ts';
import type { Database, FlagState } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { levelOf } from '../tenancy/access.ts';
import { aboutField, InvalidInput, LimitReached } from '../errors.ts';
import type { FlagSetting } from './flag-rules.ts';

/** Flags one level may set; a configuration served to every page must stay small. */
export const MAX_FLAGS_PER_LEVEL = 200;

/** A change of one level's setting, as the API takes it. */
export interface FlagSettingInput {
  state: FlagState;
  /** Required with `rollout`, refused with every other state. */
  percent?: number;
  /** Default false. */
  public?: boolean;
}

/** One level's setting of one flag, as stored. */
export interface StoredFlag extends FlagSetting {
  readonly flag: string;
  readonly updatedAt: Date;
}

interface SettingRow {
  flag: string;
  state: FlagState;
  rollout_percent: number | null;
  public: boolean;
  updated_at: Date;
}

function storedFlag(row: SettingRow): StoredFlag {
  return {
    flag: row.flag,
    state: row.state,
    percent: row.rollout_percent,
    public: row.public,
    updatedAt: row.updated_at,
  };
}

/** The columns of a checked input: a percentage only with a rollout, and one always with it. */
function settingColumns(input: FlagSettingInput) {
  if (input.state === 'rollout' && input.percent === undefined)
    throw aboutField(new InvalidInput('percent: required with the state rollout (0 to 100)'), 'percent');
  if (input.state !== 'rollout' && input.percent !== undefined)
    throw aboutField(new InvalidInput(`percent: only a rollout has one, not the state ${input.state}`), 'percent');
  return { state: input.state, rollout_percent: input.percent ?? null, public: input.public ?? false };
}

/** The settings the scope's own tenant makes (not those of its agency, nor of its clients). */
export async function tenantSettings(q: ScopedQueries): Promise<StoredFlag[]> {
  const rows = await q
    .selectFrom('feature_flags')
    .select(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .where('tenant_id', '=', q.scope.clientId ?? q.scope.agencyId)
    .orderBy('flag')
    .execute();
  return rows.map(storedFlag);
}

/**
 * Sets one flag at the scope's own level (its client, or the agency itself). Answers the stored
 * setting and whether it is new.
 */
export async function setTenantFlag(
  q: ScopedQueries,
  flag: string,
  input: FlagSettingInput,
): Promise<{ stored: StoredFlag; created: boolean }> {
  const columns = settingColumns(input);
  const tenantId = q.scope.clientId ?? q.scope.agencyId;
  const previous = await q
    .selectFrom('feature_flags')
    .select(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('flag', '=', flag)
    .forUpdate()
    .executeTakeFirst();
  if (!previous) {
    const count = await q
      .selectFrom('feature_flags')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_FLAGS_PER_LEVEL)
      throw new LimitReached(`A level sets at most ${MAX_FLAGS_PER_LEVEL} flags: delete one first`);
  }
  const row = await q
    .insertInto('feature_flags', { ...columns, flag, tenant_id: tenantId, client_id: q.scope.clientId })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'tenant_id', 'flag']).doUpdateSet({ ...columns, updated_at: sql<Date>`now()` }),
    )
    .returning(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .executeTakeFirstOrThrow();
  const stored = storedFlag(row);
  await q.audit({
    action: 'flag.set',
    targetType: 'feature_flag',
    targetId: flag,
    details: { level: levelOf(q.scope), setting: auditedSetting(stored), previous: auditedSetting(previous) },
  });
  return { stored, created: !previous };
}

/** Removes the scope's own setting of a flag; false when it sets none. */
export async function removeTenantFlag(q: ScopedQueries, flag: string): Promise<boolean> {
  const removed = await q
    .deleteFrom('feature_flags')
    .where('tenant_id', '=', q.scope.clientId ?? q.scope.agencyId)
    .where('flag', '=', flag)
    .returning(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .executeTakeFirst();
  if (!removed) return false;
  await q.audit({
    action: 'flag.deleted',
    targetType: 'feature_flag',
    targetId: flag,
    details: { level: levelOf(q.scope), previous: auditedSetting(removed) },
  });
  return true;
}

/** The platform's settings, for the privileged path. */
export async function platformSettings(db: Kysely<Database>): Promise<StoredFlag[]> {
  const rows = await db
    .selectFrom('platform_flags')
    .select(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .orderBy('flag')
    .execute();
  return rows.map(storedFlag);
}

/** Sets one flag at the platform level, on the privileged path, audited in the platform's own log. */
export async function setPlatformFlag(
  db: Kysely<Database>,
  platform: AuditTenant,
  actor: Actor,
  flag: string,
  input: FlagSettingInput,
): Promise<{ stored: StoredFlag; created: boolean }> {
  const columns = settingColumns(input);
  const previous = await db
    .selectFrom('platform_flags')
    .select(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .where('flag', '=', flag)
    .forUpdate()
    .executeTakeFirst();
  if (!previous) {
    const count = await db
      .selectFrom('platform_flags')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_FLAGS_PER_LEVEL)
      throw new LimitReached(`A level sets at most ${MAX_FLAGS_PER_LEVEL} flags: delete one first`);
  }
  const row = await db
    .insertInto('platform_flags')
    .values({ ...columns, flag })
    .onConflict((oc) => oc.column('flag').doUpdateSet({ ...columns, updated_at: sql<Date>`now()` }))
    .returning(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .executeTakeFirstOrThrow();
  const stored = storedFlag(row);
  await writeAudit(db, platform, actor, {
    action: 'flag.set',
    targetType: 'feature_flag',
    targetId: flag,
    details: { level: 'platform', setting: auditedSetting(stored), previous: auditedSetting(previous) },
  });
  return { stored, created: !previous };
}

/** Removes the platform's setting of a flag; false when it sets none. */
export async function removePlatformFlag(
  db: Kysely<Database>,
  platform: AuditTenant,
  actor: Actor,
  flag: string,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('platform_flags')
    .where('flag', '=', flag)
    .returning(['flag', 'state', 'rollout_percent', 'public', 'updated_at'])
    .executeTakeFirst();
  if (!removed) return false;
  await writeAudit(db, platform, actor, {
    action: 'flag.deleted',
    targetType: 'feature_flag',
    targetId: flag,
    details: { level: 'platform', previous: auditedSetting(removed) },
  });
  return true;
}

/** The setting as the audit log keeps it; null for none. */
function auditedSetting(row: SettingRow | StoredFlag | undefined) {
  if (!row) return null;
  const percent = 'percent' in row ? row.percent : row.rollout_percent;
  return { state: row.state, percent, public: row.public };
}
