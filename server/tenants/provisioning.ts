/**
 * Creating tenants down the tree: an agency (by the platform admin), a client of an agency. Each new
 * tenant's isolation is checked under its own context, and audited, before anything commits.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { enterScope, type Actor, type ScopedQueries, type TenantDatabase } from '../db/tenant-db.ts';
import { settingsRow } from '../embedding/client-settings.ts';
import { defaultWidgetSettings } from '../embedding/widget-template.ts';
import { checkIsolation } from './isolation-check.ts';
import type { SuspendedBy } from '../db/schema.ts';
import { pinNewAgency } from '../versions/pins.ts';

/** What a tenant's suspension holds (0016); all null while it is active. */
interface SuspensionColumns {
  suspended_at: Date | null;
  suspended_by: SuspendedBy | null;
  suspension_reason: string | null;
}

export interface AgencyRow extends SuspensionColumns {
  agency_id: string;
  name: string;
  created_at: Date;
}

export interface ClientRow extends SuspensionColumns {
  agency_id: string;
  client_id: string;
  name: string;
  /** The widget's key, `pk_` and 22 random base64url characters. */
  public_key: string;
  created_at: Date;
}

/** The columns every view of an agency or a client reads. */
export const AGENCY_COLUMNS = [
  'agency_id',
  'name',
  'created_at',
  'suspended_at',
  'suspended_by',
  'suspension_reason',
] as const;
export const CLIENT_COLUMNS = [
  'agency_id',
  'client_id',
  'name',
  'public_key',
  'created_at',
  'suspended_at',
  'suspended_by',
  'suspension_reason',
] as const;

function newPublicKey(): string {
  return `pk_${randomBytes(16).toString('base64url')}`;
}

/** A new agency named `name` (already trimmed); no tenant holds it yet, so this runs privileged. */
export function createAgency(data: TenantDatabase, actor: Actor, name: string): Promise<AgencyRow> {
  const agencyId = randomUUID();
  return data.privileged('create an agency', async (db) => {
    const row = await db
      .insertInto('agencies')
      .values({ agency_id: agencyId, name })
      .returning(AGENCY_COLUMNS)
      .executeTakeFirstOrThrow();
    const apiVersion = await pinNewAgency(db, agencyId);
    const q = await enterScope(db, { agencyId, clientId: null }, actor);
    const isolation = await checkIsolation(q);
    await q.audit({
      action: 'agency.created',
      targetType: 'agency',
      targetId: agencyId,
      details: { name: row.name, isolation, apiVersion },
    });
    return row;
  });
}

/** A new client named `name` (already trimmed) of the agency `q` is scoped to, with the default widget settings. */
export async function createClient(q: ScopedQueries, name: string): Promise<ClientRow> {
  const row = await q
    .insertInto('clients', { name, public_key: newPublicKey() })
    .returning(CLIENT_COLUMNS)
    .executeTakeFirstOrThrow();
  const own = await q.narrowTo(row.client_id);
  await own.insertInto('client_settings', settingsRow(defaultWidgetSettings(name), false)).execute();
  const isolation = await checkIsolation(own);
  await own.audit({
    action: 'client.created',
    targetType: 'client',
    targetId: row.client_id,
    details: { name, isolation },
  });
  return row;
}
