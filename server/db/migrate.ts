/**
 * Applies the migrations in server/db/migrations, in name order, on the direct connection
 * (a transaction-mode pooler cannot hold the migration lock).
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as roles from './migrations/0001-roles.ts';
import * as tenantsAndCrm from './migrations/0002-tenants-and-crm.ts';
import * as auditLog from './migrations/0003-audit-log.ts';
import * as rowLevelSecurity from './migrations/0004-row-level-security.ts';
import * as domainsDueOrder from './migrations/0005-domains-due-order.ts';
import * as cleanStoredInput from './migrations/0006-clean-stored-input.ts';
import * as userCredentials from './migrations/0007-user-credentials.ts';
import * as citusReady from './migrations/0008-citus-ready.ts';
import * as webhooks from './migrations/0009-webhooks.ts';
import * as privacy from './migrations/0010-privacy.ts';
import * as identityAndDigests from './migrations/0011-identity-and-digests.ts';
import * as submissionContext from './migrations/0012-submission-context.ts';
import * as privacyJobs from './migrations/0013-privacy-jobs.ts';
import * as featureFlags from './migrations/0014-feature-flags.ts';
import * as apiVersions from './migrations/0015-api-versions.ts';
import * as tenantSuspension from './migrations/0016-tenant-suspension.ts';
import * as tenantLimits from './migrations/0017-tenant-limits.ts';
import * as clientTemplates from './migrations/0018-client-templates.ts';
import * as tenantDataMigrations from './migrations/0019-tenant-data-migrations.ts';
import * as tenantDeletion from './migrations/0020-tenant-deletion.ts';
import * as agencyPlacements from './migrations/0021-agency-placements.ts';
import * as alerts from './migrations/0022-alerts.ts';
import * as tenantMetrics from './migrations/0023-tenant-metrics.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-roles': roles,
  '0002-tenants-and-crm': tenantsAndCrm,
  '0003-audit-log': auditLog,
  '0004-row-level-security': rowLevelSecurity,
  '0005-domains-due-order': domainsDueOrder,
  '0006-clean-stored-input': cleanStoredInput,
  '0007-user-credentials': userCredentials,
  '0008-citus-ready': citusReady,
  '0009-webhooks': webhooks,
  '0010-privacy': privacy,
  '0011-identity-and-digests': identityAndDigests,
  '0012-submission-context': submissionContext,
  '0013-privacy-jobs': privacyJobs,
  '0014-feature-flags': featureFlags,
  '0015-api-versions': apiVersions,
  '0016-tenant-suspension': tenantSuspension,
  '0017-tenant-limits': tenantLimits,
  '0018-client-templates': clientTemplates,
  '0019-tenant-data-migrations': tenantDataMigrations,
  '0020-tenant-deletion': tenantDeletion,
  '0021-agency-placements': agencyPlacements,
  '0022-alerts': alerts,
  '0023-tenant-metrics': tenantMetrics,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Applies the migrations up to and including `name` (tests of what a later migration finds). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new Error(`no migration named ${name}`);
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  db: Kysely<unknown>,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
