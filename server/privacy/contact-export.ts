/**
 * Everything stored about one contact of a client, as one JSON document: the contact, its
 * submissions, the audit entries about it or its submissions (with their personal values), and the
 * webhook deliveries of its submissions.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { TenantType } from '../db/schema.ts';
import { Contact, CONTACT_COLUMNS, contactView } from '../crm/contact-view.ts';
import { Submission, SUBMISSION_COLUMNS, submissionView } from '../crm/submission-view.ts';
import { AuditItem, auditEntryView, selectAuditEntries } from '../audit/audit-view.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';

const WebhookDelivery = Type.Object(
  {
    id: Uuid,
    webhookId: Uuid,
    eventId: Uuid,
    type: Type.String(),
    submissionId: Uuid,
    status: Type.String(),
    attempts: Type.Integer(),
    createdAt: Timestamp,
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'ExportedDelivery' },
);

export const ContactExport = Type.Object(
  {
    exportedAt: Timestamp,
    contact: Contact,
    submissions: Type.Array(Submission),
    auditEntries: Type.Array(AuditItem),
    webhookDeliveries: Type.Array(WebhookDelivery),
  },
  { title: 'ContactExport' },
);

/** The export of a contact of the transaction's client, or null when it has none with that id. */
export async function exportContact(q: ScopedQueries, contactId: string, reader: TenantType, at: Date) {
  const contact = await q
    .selectFrom('contacts')
    .select(CONTACT_COLUMNS)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return null;
  const submissions = await q
    .selectFrom('submissions')
    .select(SUBMISSION_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('contact_id', '=', contactId),
        eb.and([eb('contact_id', 'is', null), eb(eb.fn('lower', ['email']), '=', contact.email.toLowerCase())]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('submission_id')
    .execute();
  const targets = [contactId, ...submissions.map((row) => row.submission_id)];
  const entries = await selectAuditEntries(q)
    .where((eb) =>
      eb.or([
        eb('audit_log.target_id', 'in', targets),
        eb('p.contact_id', '=', contactId),
        eb(sql`audit_log.details ->> 'contactId'`, '=', contactId),
      ]),
    )
    .orderBy('audit_log.audit_id')
    .execute();
  return {
    exportedAt: at,
    contact: contactView(contact),
    submissions: submissions.map(submissionView),
    auditEntries: entries.map((row) => {
      const entry = auditEntryView(row, reader);
      // The visitor's own address is the contact's data; a staff member's is not.
      return row.actor_type === 'anonymous' ? entry : { ...entry, ip: null };
    }),
    webhookDeliveries: await webhookDeliveriesOf(
      q,
      submissions.map((row) => row.submission_id),
    ),
  };
}

/**
 * Deliveries of these submissions. They hold no copy of the lead (the body is made from the
 * submission at each attempt), and are deleted with their submission; they are listed so the
 * person knows where their data was sent.
 */
async function webhookDeliveriesOf(q: ScopedQueries, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  const rows = await q
    .selectFrom('webhook_deliveries')
    .select([
      'delivery_id',
      'webhook_id',
      'event_id',
      'event_type',
      'submission_id',
      'status',
      'attempts',
      'created_at',
      'delivered_at',
    ])
    .where('submission_id', 'in', submissionIds)
    .orderBy('created_at')
    .orderBy('delivery_id')
    .execute();
  return rows.map((row) => ({
    id: row.delivery_id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    type: row.event_type,
    submissionId: row.submission_id,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }));
}
