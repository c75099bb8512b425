/**
 * Each client's settings, the columns `widget` and `allow_localhost`, folded into one versioned document
 * (`client_settings.document`, schema migration 0019), so that a setting added later needs no column.
 * Until the agency is done its reads take the columns; from then on the document (client-settings.ts).
 */
import {
  clearSettingsDocuments,
  fillSettingsDocuments,
  SETTINGS_DOCUMENT_MIGRATION,
  SETTINGS_DOCUMENT_VERSION,
} from '../../embedding/client-settings.ts';
import type { DataMigration } from '../data-migration.ts';

export const clientSettingsDocument: DataMigration = {
  name: SETTINGS_DOCUMENT_MIGRATION,
  description: `Folds each client's widget settings and allowLocalhost into one settings document (version ${SETTINGS_DOCUMENT_VERSION}).`,
  forward: async (q) => ({ clients: await fillSettingsDocuments(q) }),
  backward: async (q) => ({ clients: await clearSettingsDocuments(q) }),
};
