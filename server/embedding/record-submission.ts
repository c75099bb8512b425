/**
 * Stores one widget submission in its client's scoped transaction: the contact (found by email or
 * created), the submission, its audit row and its webhook deliveries, all or nothing. The same
 * Idempotency-Key with the same payload answers the first submission's id and stores nothing.
 */
import { createHash } from 'node:crypto';
import type { SubmissionRequest } from '../../shared/widget-wire.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { IdempotencyKeyReused } from '../errors.ts';
import { isSuppressed } from '../privacy/privacy-settings.ts';
import { recordSuppressedSubmission } from '../privacy/suppressed-submission.ts';
import { queueSubmissionCreated } from '../webhooks/outbox.ts';
import { widgetIdentityPolicy } from '../identity/identity-settings.ts';
import { decideLeadIdentity } from '../identity/lead-identity.ts';
import type { SubmissionContextColumns } from './submission-context.ts';

export interface SubmissionInput extends SubmissionRequest {
  /** The request's Idempotency-Key, already checked for shape. */
  idempotencyKey: string;
  /** The authorized Origin the submission came from. */
  origin: string;
  /** The time signed identities are judged by. */
  now: Date;
  /** The columns of the page context and consent, as checked against the widget's configuration. */
  stored: SubmissionContextColumns;
}

export interface RecordedSubmission {
  /** The submission's id: a new one, or the first one's for a repeated Idempotency-Key. */
  id: string;
  /** Webhook deliveries queued with it, to be sent once the transaction commits. */
  queued: number;
}

/** `q` is the client's scoped transaction; throws IdempotencyKeyReused when the key came with another payload. */
export async function recordSubmission(q: ScopedQueries, input: SubmissionInput): Promise<RecordedSubmission> {
  const { idempotencyKey: key, origin } = input;
  // An identity is part of what the key stands for; a lead without one hashes as it always did.
  // Context and consent likewise join the hash only when sent, so a retry of a request made before they existed still matches.
  const hashed = [
    input.email,
    input.name,
    input.message,
    input.fields,
    ...(input.identity ? [input.identity] : []),
    ...(input.context || input.consent ? [input.context, input.consent] : []),
  ];
  const payloadHash = createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
  const replay = async () => {
    const earlier = await q
      .selectFrom('submissions')
      .select(['submission_id', 'payload_hash'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (earlier && earlier.payload_hash !== payloadHash) throw new IdempotencyKeyReused();
    return earlier?.submission_id ?? null;
  };
  const earlier = await replay();
  if (earlier) return { id: earlier, queued: 0 };
  // Checked only for a lead not stored yet: a retry of a stored one may come after its identity grew old.
  const decided = decideLeadIdentity(await widgetIdentityPolicy(q, input.now), input.identity, input.now);
  if (!decided.ok) throw decided.error;
  const identity = decided.identity;
  const email = input.email.trim();
  // An erased email the client suppresses is accepted and not stored (docs/privacy.md).
  if (await isSuppressed(q, email)) return { id: await recordSuppressedSubmission(q, key), queued: 0 };
  const created = await q
    .insertInto('contacts', {
      email,
      name: input.name?.trim() || input.identity?.name?.trim() || null,
      attributes: JSON.stringify({ source: 'widget' }),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('contact_id')
    .executeTakeFirst();
  const contact =
    created ??
    (await q
      .selectFrom('contacts')
      .select('contact_id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst());
  const inserted = await q
    .insertInto('submissions', {
      idempotency_key: key,
      payload_hash: payloadHash,
      contact_id: contact?.contact_id ?? null,
      email,
      name: input.name ?? null,
      message: input.message ?? null,
      fields: JSON.stringify(input.fields ?? {}),
      origin,
      identity_user_id: identity?.userId ?? null,
      identity_email: identity?.email ?? null,
      identity_verified: identity?.verified ?? null,
      ...input.stored,
    })
    .onConflict((oc) => oc.columns(['agency_id', 'client_id', 'idempotency_key']).doNothing())
    .returning(['submission_id', 'created_at'])
    .executeTakeFirst();
  // A concurrent request with the same key committed first: answer with its submission.
  if (!inserted) return { id: (await replay()) as string, queued: 0 };
  // A contact carries only what the client's secret vouched for.
  if (identity?.verified && contact) {
    await q
      .updateTable('contacts')
      .set({ identity_user_id: identity.userId, identity_email: identity.email, identity_verified_at: input.now })
      .where('contact_id', '=', contact.contact_id)
      .execute();
  }
  await q.audit({
    action: 'submission.received',
    targetType: 'submission',
    targetId: inserted.submission_id,
    details: {
      origin,
      contactId: contact?.contact_id ?? null,
      contactCreated: Boolean(created),
      ...(identity && { identityVerified: identity.verified }),
    },
    personal: {
      contactId: contact?.contact_id ?? null,
      email,
      ...(identity && { details: { identity: { userId: identity.userId, email: identity.email } } }),
    },
  });
  // Webhook deliveries are rows of this transaction (the outbox): sent after it commits, never awaited here.
  return { id: inserted.submission_id, queued: await queueSubmissionCreated(q, inserted) };
}
