/**
 * The outbox: events become delivery rows in the transaction that makes them, so an event is
 * stored exactly when what it is about is, and nothing waits for the network. The delivery worker
 * sends the rows (delivery-worker.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';

/**
 * One delivery row per endpoint of the scope's client that takes `submission.created`, due at once;
 * every row carries the same event id. Returns how many were queued.
 */
export async function queueSubmissionCreated(
  q: ScopedQueries,
  submission: { submission_id: string; created_at: Date },
): Promise<number> {
  const endpoints = await q
    .selectFrom('webhooks')
    .select('webhook_id')
    .where(sql<boolean>`'submission.created' = ANY (events)`)
    .execute();
  if (endpoints.length === 0) return 0;
  const eventId = randomUUID();
  await q
    .insertInto(
      'webhook_deliveries',
      endpoints.map(({ webhook_id }) => ({
        webhook_id,
        event_id: eventId,
        event_type: 'submission.created' as const,
        submission_id: submission.submission_id,
        event_at: submission.created_at,
        next_attempt_at: submission.created_at,
      })),
    )
    .execute();
  return endpoints.length;
}
