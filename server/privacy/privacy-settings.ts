/**
 * A client's privacy settings: how long submissions, idle contacts and IP addresses are kept, and
 * whether erased emails are suppressed. A client without a row has the defaults.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ScopedQueries } from '../db/tenant-db.ts';

export interface RetentionPeriods {
  /** Days a submission is kept; null keeps it. Default 365. */
  submissionsDays: number | null;
  /** Days a contact is kept without activity (a change or a submission); null keeps it. Default 730. */
  inactiveContactsDays: number | null;
  /** Days before IP addresses in the audit log are cut to their network; null keeps them. Default 30. */
  ipAddressesDays: number | null;
}

export interface PrivacySettings {
  /** Default false: an erased email may come back through the widget. */
  suppressErasedEmails: boolean;
  retention: RetentionPeriods;
}

export const DEFAULT_RETENTION: Readonly<RetentionPeriods> = Object.freeze({
  submissionsDays: 365,
  inactiveContactsDays: 730,
  ipAddressesDays: 30,
});

export const DEFAULT_PRIVACY_SETTINGS: Readonly<PrivacySettings> = Object.freeze({
  suppressErasedEmails: false,
  retention: DEFAULT_RETENTION,
});

interface SettingsRow {
  suppress_erased_emails: boolean;
  submissions_days: number | null;
  inactive_contacts_days: number | null;
  ip_addresses_days: number | null;
}

export function settingsOf(row: SettingsRow | undefined): PrivacySettings {
  if (!row) return DEFAULT_PRIVACY_SETTINGS;
  return {
    suppressErasedEmails: row.suppress_erased_emails,
    retention: {
      submissionsDays: row.submissions_days,
      inactiveContactsDays: row.inactive_contacts_days,
      ipAddressesDays: row.ip_addresses_days,
    },
  };
}

const SETTINGS_COLUMNS = [
  'suppress_erased_emails',
  'submissions_days',
  'inactive_contacts_days',
  'ip_addresses_days',
] as const;

export async function readPrivacySettings(q: ScopedQueries): Promise<PrivacySettings> {
  return settingsOf(await q.selectFrom('privacy_settings').select(SETTINGS_COLUMNS).executeTakeFirst());
}

/** Writes the whole settings of the transaction's client, creating its row (and salt) the first time. */
export async function writePrivacySettings(q: ScopedQueries, settings: PrivacySettings): Promise<PrivacySettings> {
  const values = {
    suppress_erased_emails: settings.suppressErasedEmails,
    submissions_days: settings.retention.submissionsDays,
    inactive_contacts_days: settings.retention.inactiveContactsDays,
    ip_addresses_days: settings.retention.ipAddressesDays,
    updated_at: new Date(),
  };
  const row = await q
    .insertInto('privacy_settings', { ...values, suppression_salt: randomBytes(32) })
    .onConflict((oc) => oc.columns(['agency_id', 'client_id']).doUpdateSet(values))
    .returning(SETTINGS_COLUMNS)
    .executeTakeFirstOrThrow();
  // Off means no list: digests are kept only while they are used.
  if (!settings.suppressErasedEmails) await q.deleteFrom('erasure_suppressions').execute();
  return settingsOf(row);
}

/** The client's suppression key, when suppression is on; null when it is off. */
async function suppressionKey(q: ScopedQueries): Promise<Buffer | null> {
  const row = await q
    .selectFrom('privacy_settings')
    .select(['suppression_salt'])
    .where('suppress_erased_emails', '=', true)
    .executeTakeFirst();
  return row?.suppression_salt ?? null;
}

/** An email's digest under a client's key: equal emails (whatever their case) give equal digests. */
function emailDigest(key: Buffer, email: string): string {
  return createHmac('sha256', key).update(email.trim().toLowerCase()).digest('hex');
}

/** Adds erased emails to the client's suppression list when it has one; true when it did. */
export async function suppressEmails(q: ScopedQueries, emails: readonly string[]): Promise<boolean> {
  const key = await suppressionKey(q);
  if (!key) return false;
  if (emails.length === 0) return true;
  const digests = [...new Set(emails.map((email) => emailDigest(key, email)))];
  await q
    .insertInto(
      'erasure_suppressions',
      digests.map((email_digest) => ({ email_digest })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

/** Whether the widget must not store this email again for the transaction's client. */
export async function isSuppressed(q: ScopedQueries, email: string): Promise<boolean> {
  const key = await suppressionKey(q);
  if (!key) return false;
  const row = await q
    .selectFrom('erasure_suppressions')
    .select('email_digest')
    .where('email_digest', '=', emailDigest(key, email))
    .executeTakeFirst();
  return row !== undefined;
}
