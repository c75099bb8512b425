/**
 * A client's settings in the two shapes they have while the data migration `client-settings-document`
 * (server/data-migrations/) is partly applied: the columns `widget` and `allow_localhost`, and one
 * versioned `document` that holds both. A read picks the shape by its agency's state in that migration,
 * read in the same statement as the settings, so the data and the state are of one moment; a write
 * writes both shapes, so either is current whichever way the migration goes next (docs/data-migrations.md).
 */
import { sql } from 'kysely';
import { jsonbText } from '../db/jsonb-text.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { storedWidgetSettings, type ServedWidgetSettings } from './widget-template.ts';

/** The data migration that moves an agency's client settings into the document. */
export const SETTINGS_DOCUMENT_MIGRATION = 'client-settings-document';
/** The document's shape; a reader refuses one it does not know. */
export const SETTINGS_DOCUMENT_VERSION = 1;

export interface ClientSettings {
  widget: ServedWidgetSettings;
  allowLocalhost: boolean;
  /** Which shape served them: the document once the agency is migrated, the columns before. */
  shape: 'columns' | 'document';
}

/** The settings of the client `q` is scoped to; with forUpdate, its row stays locked until the transaction ends. */
export async function readClientSettings(
  q: ScopedQueries,
  options: { forUpdate?: boolean } = {},
): Promise<ClientSettings> {
  const settings = await findClientSettings(q, options);
  if (!settings) throw new Error(`client ${q.scope.clientId} has no settings`);
  return settings;
}

/** The same, or undefined for a client without settings (a purged one keeps its row, not its settings). */
export async function findClientSettings(
  q: ScopedQueries,
  options: { forUpdate?: boolean } = {},
): Promise<ClientSettings | undefined> {
  let query = q
    .selectFrom('client_settings')
    .select((eb) => [
      'widget',
      'allow_localhost',
      'document',
      eb
        .selectFrom('tenant_data_migrations')
        .select('state')
        .whereRef('tenant_data_migrations.agency_id', '=', 'client_settings.agency_id')
        .where('tenant_data_migrations.migration', '=', SETTINGS_DOCUMENT_MIGRATION)
        .as('migration_state'),
    ]);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  // Done is committed with the documents it filled (one transaction), so a done agency has them all;
  // a document of any other state is a write's or a rolled-back run's, and not yet the truth.
  if (row.migration_state === 'done' && row.document !== null) return fromDocument(row.document);
  return { widget: storedWidgetSettings(row.widget), allowLocalhost: row.allow_localhost, shape: 'columns' };
}

function fromDocument(document: Record<string, unknown>): ClientSettings {
  if (document.version !== SETTINGS_DOCUMENT_VERSION)
    throw new Error(`client settings document of unknown version ${JSON.stringify(document.version)}`);
  const embedding = document.embedding as { allowLocalhost?: unknown } | undefined;
  return {
    widget: storedWidgetSettings(document.widget),
    allowLocalhost: embedding?.allowLocalhost === true,
    shape: 'document',
  };
}

/** The values of a settings row in both shapes: what every write of the settings stores. */
export function settingsRow(widget: Record<string, unknown>, allowLocalhost: boolean) {
  return {
    widget: jsonbText(widget),
    allow_localhost: allowLocalhost,
    document: jsonbText({ version: SETTINGS_DOCUMENT_VERSION, widget, embedding: { allowLocalhost } }),
  };
}

/**
 * Fills the document of every client of the agency `q` is scoped to from its columns (one statement,
 * which locks the rows, so a change of the settings waits for it or is seen by it); answers how many.
 */
export async function fillSettingsDocuments(q: ScopedQueries): Promise<number> {
  const result = await q
    .updateTable('client_settings')
    .set({
      document: sql`jsonb_build_object('version', ${SETTINGS_DOCUMENT_VERSION}::int, 'widget', widget,
        'embedding', jsonb_build_object('allowLocalhost', allow_localhost))`,
    })
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Clears the document of every client of the agency `q` is scoped to; answers how many. */
export async function clearSettingsDocuments(q: ScopedQueries): Promise<number> {
  const result = await q.updateTable('client_settings').set({ document: null }).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
