/** The data migrations this version ships, oldest first; each in its own file under migrations/. */
import type { DataMigration } from './data-migration.ts';
import { clientSettingsDocument } from './migrations/client-settings-document.ts';

export const SHIPPED_DATA_MIGRATIONS: readonly DataMigration[] = [clientSettingsDocument];
