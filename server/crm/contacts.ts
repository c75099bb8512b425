/** What the contact routes store, beside them, so that a job or a CLI changes contacts the same way. */
import type { ScopedQueries } from '../db/tenant-db.ts';

/**
 * Deletes a contact of the transaction's client; false when it has none with that id. Its
 * submissions stay, no longer pointing at it: their foreign key no longer does that by itself
 * (Citus refuses SET NULL on a key that includes agency_id), so it is done here, first.
 */
export async function deleteContact(q: ScopedQueries, contactId: string): Promise<boolean> {
  await q.updateTable('submissions').set({ contact_id: null }).where('contact_id', '=', contactId).execute();
  const deleted = await q
    .deleteFrom('contacts')
    .where('contact_id', '=', contactId)
    .returning('contact_id')
    .executeTakeFirst();
  if (!deleted) return false;
  await q.audit({ action: 'contact.deleted', targetType: 'contact', targetId: deleted.contact_id });
  return true;
}
