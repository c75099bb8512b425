/** `npm run migrate`: applies the migrations to the configured database and exits. */
import { loadConfig } from '../config.ts';
import { applyMigrations } from './apply-migrations.ts';

const { applied } = await applyMigrations(loadConfig());
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
