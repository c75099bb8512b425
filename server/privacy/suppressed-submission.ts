/**
 * A widget submission whose email the client erased and suppresses: answered as accepted, so the
 * public route tells no one that the email was erased, but nothing of it is stored. The audit entry
 * says a submission was suppressed, without the email or the visitor's address.
 */
import { createHash } from 'node:crypto';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { writeAudit } from '../db/audit-writer.ts';

/** The id answered for a suppressed submission: the same for the same Idempotency-Key, as a stored one would be. */
function suppressedId(clientId: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`suppressed ${clientId} ${idempotencyKey}`).digest('hex');
  // Shaped as a version-4 UUID, like the ids of stored submissions.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16] as string, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function recordSuppressedSubmission(q: ScopedQueries, idempotencyKey: string): Promise<string> {
  const { agencyId, clientId } = q.scope;
  if (clientId === null) throw new Error('a widget submission belongs to a client');
  const id = suppressedId(clientId, idempotencyKey);
  await writeAudit(
    q.unfiltered,
    { agencyId, tenantId: clientId, tenantType: 'client' },
    { ...q.actor, ip: null },
    {
      action: 'submission.suppressed',
      targetType: 'submission',
      targetId: id,
    },
  );
  return id;
}
