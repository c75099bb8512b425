/**
 * A client's identity verification: the setting, and the secret its site signs identities with. A
 * client without a row has verification off and no secret. The secret leaves this module only in
 * rotateSecret's answer, once; readers get when it was made and until when the previous one verifies.
 */
import { randomBytes } from 'node:crypto';
import type { IdentityVerification } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { IdentityPolicy } from './identity-hash.ts';

export interface IdentitySettings {
  /** Default 'off': identities are kept as the site's unverified word. */
  verification: IdentityVerification;
  /** Default true; read only when verification is 'required': whether leads without an identity are taken. */
  allowAnonymous: boolean;
  /** Default null: a signed identity never grows too old, and issuedAt is optional. */
  maxAgeSeconds: number | null;
  secret: { createdAt: Date; previousValidUntil: Date | null } | null;
}

export const DEFAULT_IDENTITY_SETTINGS: Readonly<IdentitySettings> = Object.freeze({
  verification: 'off',
  allowAnonymous: true,
  maxAgeSeconds: null,
  secret: null,
});

const COLUMNS = [
  'verification',
  'allow_anonymous',
  'max_age_seconds',
  'secret_created_at',
  'previous_secret_until',
] as const;

interface SettingsRow {
  verification: IdentityVerification;
  allow_anonymous: boolean;
  max_age_seconds: number | null;
  secret_created_at: Date | null;
  previous_secret_until: Date | null;
}

function settingsOf(row: SettingsRow | undefined, now: Date): IdentitySettings {
  if (!row) return DEFAULT_IDENTITY_SETTINGS;
  const previous =
    row.previous_secret_until !== null && row.previous_secret_until > now ? row.previous_secret_until : null;
  return {
    verification: row.verification,
    allowAnonymous: row.allow_anonymous,
    maxAgeSeconds: row.max_age_seconds,
    secret: row.secret_created_at === null ? null : { createdAt: row.secret_created_at, previousValidUntil: previous },
  };
}

export async function readIdentitySettings(q: ScopedQueries, now: Date): Promise<IdentitySettings> {
  return settingsOf(await q.selectFrom('identity_settings').select(COLUMNS).executeTakeFirst(), now);
}

export interface IdentitySettingsChange {
  verification?: IdentityVerification;
  allowAnonymous?: boolean;
  maxAgeSeconds?: number | null;
}

/** Applies a change; null when it turns verification on for a client without a secret. */
export async function changeIdentitySettings(
  q: ScopedQueries,
  change: IdentitySettingsChange,
  now: Date,
): Promise<IdentitySettings | null> {
  const current = await q
    .selectFrom('identity_settings')
    .select([...COLUMNS, 'secret'])
    .forUpdate()
    .executeTakeFirst();
  const verification = change.verification ?? current?.verification ?? 'off';
  if (verification !== 'off' && !current?.secret) return null;
  const values = {
    verification,
    allow_anonymous: change.allowAnonymous ?? current?.allow_anonymous ?? true,
    max_age_seconds: change.maxAgeSeconds === undefined ? (current?.max_age_seconds ?? null) : change.maxAgeSeconds,
    updated_at: now,
  };
  // An update when there is a row: the row an upsert proposes would be checked without the stored secret.
  // Without one, verification is 'off' (no secret yet), so an upsert is safe, and a concurrent first
  // change (no row to lock) updates the row the other made instead of failing on its key.
  const row = current
    ? await q.updateTable('identity_settings').set(values).returning(COLUMNS).executeTakeFirstOrThrow()
    : await q
        .insertInto('identity_settings', values)
        .onConflict((oc) => oc.columns(['agency_id', 'client_id']).doUpdateSet(values))
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
  return settingsOf(row, now);
}

/** A new secret: 32 random bytes, base64url, with a prefix that says what it is. */
function newIdentitySecret(): string {
  return `idsec_${randomBytes(32).toString('base64url')}`;
}

export interface RotatedSecret {
  secret: string;
  createdAt: Date;
  /** Until when the secret it replaced still verifies; null for a client's first secret. */
  previousValidUntil: Date | null;
}

/**
 * Makes a new secret. The one it replaces verifies for `overlapMs` more, so the site can move to the
 * new one without refusing a lead; a secret replaced by an earlier rotation stops now.
 */
export async function rotateSecret(q: ScopedQueries, now: Date, overlapMs: number): Promise<RotatedSecret> {
  const current = await q.selectFrom('identity_settings').select('secret').forUpdate().executeTakeFirst();
  const secret = newIdentitySecret();
  const previousValidUntil = current?.secret ? new Date(now.getTime() + overlapMs) : null;
  const values = {
    secret,
    secret_created_at: now,
    previous_secret: current?.secret ?? null,
    previous_secret_until: previousValidUntil,
    updated_at: now,
  };
  await q
    .insertInto('identity_settings', values)
    .onConflict((oc) => oc.columns(['agency_id', 'client_id']).doUpdateSet(values))
    .execute();
  return { secret, createdAt: now, previousValidUntil };
}

/** Ends the previous secret's overlap now (a leaked secret); false when none was verifying. */
export async function revokePreviousSecret(q: ScopedQueries, now: Date): Promise<boolean> {
  const ended = await q
    .updateTable('identity_settings')
    .set({ previous_secret: null, previous_secret_until: null, updated_at: now })
    .where('previous_secret', 'is not', null)
    .where('previous_secret_until', '>', now)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows) > 0;
}

export interface WidgetIdentityPolicy extends IdentityPolicy {
  verification: IdentityVerification;
  allowAnonymous: boolean;
}

/** What the widget's submission route checks a lead against, in the submission's transaction. */
export async function widgetIdentityPolicy(q: ScopedQueries, now: Date): Promise<WidgetIdentityPolicy> {
  const row = await q
    .selectFrom('identity_settings')
    .select([
      'verification',
      'allow_anonymous',
      'max_age_seconds',
      'secret',
      'previous_secret',
      'previous_secret_until',
    ])
    .executeTakeFirst();
  if (!row) return { verification: 'off', allowAnonymous: true, maxAgeSeconds: null, secrets: [] };
  const secrets: string[] = [];
  if (row.secret) secrets.push(row.secret);
  if (row.previous_secret && row.previous_secret_until && row.previous_secret_until > now)
    secrets.push(row.previous_secret);
  return {
    verification: row.verification,
    allowAnonymous: row.allow_anonymous,
    maxAgeSeconds: row.max_age_seconds,
    secrets,
  };
}
