/** A submission as the API shows it, and the columns it is read from. */
import { Type } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import type { SubmissionsTable } from '../db/schema.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';

export const SUBMISSION_COLUMNS = [
  'submission_id',
  'client_id',
  'contact_id',
  'email',
  'name',
  'message',
  'fields',
  'origin',
  'created_at',
  'identity_user_id',
  'identity_email',
  'identity_verified',
  'page_url',
  'referrer',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'consent_text',
  'consented_at',
] as const;

export type SubmissionRow = Pick<Selectable<SubmissionsTable>, (typeof SUBMISSION_COLUMNS)[number]>;

const Text = Type.Union([Type.String(), Type.Null()]);

/** Where the lead came from, as the widget saw it; every value null when it did not say. */
export const SubmissionContextView = Type.Object({
  pageUrl: Text,
  referrer: Text,
  utm: Type.Object({ source: Text, medium: Text, campaign: Text, term: Text, content: Text }),
});

/** The consent the lead was sent with: the text agreed to and when the server received it; null without one. */
export const SubmissionConsentView = Type.Union([
  Type.Object({ text: Type.String(), givenAt: Timestamp }),
  Type.Null(),
]);

export const Submission = Type.Object(
  {
    id: Uuid,
    clientId: Uuid,
    contactId: Type.Union([Uuid, Type.Null()]),
    email: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    message: Type.Union([Type.String(), Type.Null()]),
    fields: Type.Record(Type.String(), Type.String()),
    origin: Type.String(),
    createdAt: Timestamp,
    /** Who the site said the visitor was; verified when the client's identity secret signed it (docs/identity.md). */
    identity: Type.Union([
      Type.Object({
        verified: Type.Boolean(),
        userId: Type.Union([Type.String(), Type.Null()]),
        email: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    context: SubmissionContextView,
    consent: SubmissionConsentView,
  },
  { title: 'Submission' },
);

export function submissionView(row: SubmissionRow) {
  return {
    id: row.submission_id,
    clientId: row.client_id,
    contactId: row.contact_id,
    email: row.email,
    name: row.name,
    message: row.message,
    fields: textFields(row.fields),
    origin: row.origin,
    createdAt: row.created_at,
    identity:
      row.identity_verified === null
        ? null
        : { verified: row.identity_verified, userId: row.identity_user_id, email: row.identity_email },
    context: {
      pageUrl: row.page_url,
      referrer: row.referrer,
      utm: {
        source: row.utm_source,
        medium: row.utm_medium,
        campaign: row.utm_campaign,
        term: row.utm_term,
        content: row.utm_content,
      },
    },
    consent:
      row.consent_text !== null && row.consented_at !== null
        ? { text: row.consent_text, givenAt: row.consented_at }
        : null,
  };
}

/**
 * The string entries of stored `fields`, which is all the response schema promises and all its
 * serializer can write: a row stored before the schema closed may hold any JSON there (0006 cleaned
 * those it found), and one non-string value would fail every page that holds it.
 */
function textFields(stored: unknown): Record<string, string> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const entries = Object.entries(stored);
  if (entries.every(([, value]) => typeof value === 'string')) return stored as Record<string, string>;
  return Object.fromEntries(entries.filter(([, value]) => typeof value === 'string'));
}
