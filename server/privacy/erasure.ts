/**
 * Erasure: every copy of a person's data in one client goes, in the caller's transaction.
 *
 * What goes, table by table (docs/privacy.md has the same list):
 * - contacts: the contact rows;
 * - submissions: the contacts' submissions, and those sent with the email and linked to no contact
 *   (webhook_deliveries of those submissions go with them, by their foreign key);
 * - audit_personal: the values of every audit entry about the contacts or the email are cleared
 *   (email, name, IP address); the hashed entries stay, so every chain still verifies;
 * - audit_redactions: entries written before 0010 that hold the data inside their hashed details
 *   are listed, and the API masks them;
 * - erasure_suppressions: the email's digest is added when the client suppresses erased emails.
 * The audit entry that records the erasure is written by the caller, without personal data.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { PERSONAL_REF } from '../db/audit-writer.ts';
import { suppressEmails } from './privacy-settings.ts';

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export interface ErasureSubject {
  contactIds: readonly string[];
  /** Emails, any case. */
  emails: readonly string[];
  /**
   * True: everything that names the emails goes, whichever contact it was about (an erasure by
   * email). False: only what names no other live contact, since an email a contact once had may
   * belong to another contact now.
   */
  wholeEmail: boolean;
}

export interface ErasureCounts {
  contacts: number;
  submissions: number;
  auditEntries: number;
  /** Whether the emails were added to the client's suppression list. */
  suppressed: boolean;
}

export interface ErasureOptions {
  /** Add the emails to the suppression list, when the client keeps one; default true. Retention does not. */
  suppress?: boolean;
}

/** One contact of the transaction's client as an erasure's subject, locked; null when it has none with that id. */
export async function contactSubject(q: ScopedQueries, contactId: string): Promise<ErasureSubject | null> {
  const contact = await q
    .selectFrom('contacts')
    .select(['contact_id', 'email'])
    .where('contact_id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  return contact ? { contactIds: [contact.contact_id], emails: [contact.email], wholeEmail: false } : null;
}

/** Everything of the transaction's client that names this email, as an erasure's subject; its contacts locked. */
export async function emailSubject(q: ScopedQueries, email: string): Promise<ErasureSubject> {
  const lower = email.trim().toLowerCase();
  const contacts = await q
    .selectFrom('contacts')
    .select('contact_id')
    .where((eb) => eb.or([eb(eb.fn('lower', ['email']), '=', lower), eb('identity_email', '=', lower)]))
    .forUpdate()
    .execute();
  return { contactIds: contacts.map((row) => row.contact_id), emails: [lower], wholeEmail: true };
}

/** The subject's emails, lower case, with those its contacts had before a change (known from their audit values). */
async function emailsOf(q: ScopedQueries, subject: ErasureSubject): Promise<string[]> {
  const emails = new Set(subject.emails.map((email) => email.trim().toLowerCase()));
  if (subject.contactIds.length > 0) {
    const earlier = await q
      .selectFrom('audit_personal')
      .select('email')
      .distinct()
      .where('contact_id', 'in', subject.contactIds)
      .where('email', 'is not', null)
      .execute();
    for (const row of earlier) if (row.email) emails.add(row.email);
  }
  return [...emails];
}

/** The subject's submissions, as a condition on the submissions table. */
function submissionsOf(subject: ErasureSubject, emailList: string[]) {
  const ids = [...subject.contactIds];
  return (eb: ExpressionBuilder<Database, 'submissions'>) => {
    if (emailList.length === 0) return eb('contact_id', 'in', ids);
    // A signed identity's email (0011) is the person's too.
    const email = eb.or([eb(eb.fn('lower', ['email']), 'in', emailList), eb('identity_email', 'in', emailList)]);
    const byEmail = subject.wholeEmail ? email : eb.and([eb('contact_id', 'is', null), email]);
    return ids.length === 0 ? byEmail : eb.or([eb('contact_id', 'in', ids), byEmail]);
  };
}

/** How many submissions an erasure of the subject reaches: what decides whether it fits in one request. */
export async function submissionsReached(q: ScopedQueries, subject: ErasureSubject): Promise<number> {
  const row = await q
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(submissionsOf(subject, await emailsOf(q, subject)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes up to `limit` of the subject's submissions; a large erasure runs these in turn before erase(). */
export async function eraseSubmissionBatch(q: ScopedQueries, subject: ErasureSubject, limit: number): Promise<number> {
  const emailList = await emailsOf(q, subject);
  const batch = q
    .selectFrom('submissions')
    .select('submission_id')
    .where(submissionsOf(subject, emailList))
    .limit(limit);
  const deleted = await q
    .deleteFrom('submissions')
    .where('submission_id', 'in', batch)
    .returning('submission_id')
    .execute();
  return deleted.length;
}

export async function erase(
  q: ScopedQueries,
  subject: ErasureSubject,
  options: ErasureOptions = {},
): Promise<ErasureCounts> {
  const ids = [...subject.contactIds];
  const emailList = await emailsOf(q, subject);
  const noIds = ids.length === 0;

  const submissions = await q
    .deleteFrom('submissions')
    .where(submissionsOf(subject, emailList))
    .returning('submission_id')
    .execute();
  const submissionIds = submissions.map((row) => row.submission_id);

  const cleared = await q
    .updateTable('audit_personal')
    .set({ contact_id: null, email: null, ip: null, details: '{}', erased_at: sql<Date>`now()` })
    .where('erased_at', 'is', null)
    .where((eb) => {
      if (emailList.length === 0) return eb('contact_id', 'in', ids);
      const email = eb('email', 'in', emailList);
      const live = eb.exists(
        eb
          .selectFrom('contacts as c')
          .select(sql`1`.as('one'))
          .whereRef('c.agency_id', '=', 'audit_personal.agency_id')
          .whereRef('c.contact_id', '=', 'audit_personal.contact_id')
          .where('c.contact_id', 'not in', noIds ? [ZERO_UUID] : ids),
      );
      const byEmail = subject.wholeEmail ? email : eb.and([email, eb.not(live)]);
      return noIds ? byEmail : eb.or([eb('contact_id', 'in', ids), byEmail]);
    })
    .returning('ref_id')
    .execute();

  const redacted = await redactLegacyEntries(q, [...ids, ...submissionIds], ids, emailList);

  const contacts = noIds
    ? []
    : await q.deleteFrom('contacts').where('contact_id', 'in', ids).returning('contact_id').execute();
  const suppressed = options.suppress === false ? false : await suppressEmails(q, emailList);
  return {
    contacts: contacts.length,
    submissions: submissionIds.length,
    auditEntries: cleared.length + redacted,
    suppressed,
  };
}

/**
 * Entries written before 0010 keep personal values inside their hashed details, which must stay as
 * they are for the chain to verify: those that name the person are listed for the API to mask.
 */
async function redactLegacyEntries(
  q: ScopedQueries,
  targetIds: string[],
  contactIds: string[],
  emails: string[],
): Promise<number> {
  if (targetIds.length === 0 && emails.length === 0) return 0;
  const { agencyId, clientId } = q.scope;
  const tenantId = clientId ?? agencyId;
  const list = (values: string[]) =>
    values.length > 0 ? sql`ARRAY[${sql.join(values)}]::text[]` : sql`ARRAY[]::text[]`;
  const { rows } = await sql<{ n: string }>`
    WITH listed AS (
      INSERT INTO audit_redactions (agency_id, tenant_id, seq)
      SELECT a.agency_id, a.tenant_id, a.seq FROM audit_log a
       WHERE a.agency_id = ${agencyId}::uuid AND a.tenant_id = ${tenantId}::uuid
         AND NOT (a.details ? ${PERSONAL_REF})
         AND (a.target_id = ANY (${list(targetIds)})
           OR a.details ->> 'contactId' = ANY (${list(contactIds)})
           OR lower(a.details ->> 'email') = ANY (${list(emails)}))
      ON CONFLICT DO NOTHING
      RETURNING 1
    ) SELECT count(*) AS n FROM listed`.execute(q.unfiltered);
  return Number(rows[0]?.n ?? 0);
}
