/**
 * `npm start`: opens the database (embedded PGlite unless DATABASE_URL is set), applies missing
 * migrations, makes sure there is a platform admin, and serves until SIGINT/SIGTERM, finishing
 * the requests in flight before it exits.
 */
import type { Kysely } from 'kysely';
import { loadConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { TenantDatabase } from './db/tenant-db.ts';
import { buildApp } from './app.ts';
import { DEFAULT_TIMINGS } from './domains/lifecycle.ts';
import { ensureFirstAdmin, ensurePlatform, loadSigningKey } from './tenants/bootstrap.ts';
import { DEFAULT_PASSWORD_COST } from './auth/password.ts';
import { createResolver, parseDnsServers, systemDnsServers } from './domains/dns/resolver.ts';
import { ensureWidgetBundle } from './widget/ensure-bundle.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  let dnsServers;
  try {
    dnsServers = config.dnsServers ? parseDnsServers(config.dnsServers) : systemDnsServers();
  } catch (error) {
    throw new ConfigError(`UPZENTO_DNS_SERVERS: ${(error as Error).message}`);
  }
  const resolver = createResolver({ servers: dnsServers });
  const widgetBundlePath = await ensureWidgetBundle();
  const database = await openDatabase(config);
  const applied = await migrateToLatest(database.direct as Kysely<unknown>);
  const data = new TenantDatabase(database.db);
  const platformId = await ensurePlatform(data);
  const jwtSecret = config.jwtSecret ?? (await loadSigningKey(data, database.kind, config.dataDir));
  const admin = await ensureFirstAdmin(data, platformId, { email: config.adminEmail, password: config.adminPassword }, DEFAULT_PASSWORD_COST);

  const minutes = (n: number) => n * 60_000;
  const hours = (n: number) => minutes(60 * n);
  const app = await buildApp({
    database,
    jwtSecret,
    platformId,
    resolver,
    widgetBundlePath,
    metricsToken: config.metricsToken,
    submissionsPerMinute: config.submissionsPerMinute,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
    timings: {
      ...DEFAULT_TIMINGS,
      recheckIntervalMs: hours(config.recheckIntervalHours),
      gracePeriodMs: hours(config.gracePeriodHours),
      challengeTtlMs: hours(24 * config.challengeTtlDays),
      retryIntervalMs: minutes(config.retryIntervalMinutes),
    },
  });
  if (config.schedulerEnabled) app.scheduler.start();
  const where = database.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)';
  if (applied.length) app.log.info({ migrations: applied }, 'applied migrations');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await resolver.close();
      await database.close();
      console.log('Upzento stopped: requests in flight finished, database closed.');
      process.exit(0);
    } catch (error) {
      console.error('Upzento did not stop cleanly:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ host: config.host, port: config.port });
  const lines = [`Upzento is listening on ${address} (database: ${where})`];
  if (admin?.generatedPassword) {
    lines.push(
      `A platform admin was created. Sign in with:`,
      `  email:    ${admin.email}`,
      `  password: ${admin.generatedPassword}   (shown once; set UPZENTO_ADMIN_EMAIL/UPZENTO_ADMIN_PASSWORD to choose your own)`,
    );
  } else if (admin) {
    lines.push(`A platform admin was created for ${admin.email} with the password from UPZENTO_ADMIN_PASSWORD.`);
  }
  lines.push(`Get a token:  curl -s -X POST ${address}/v1/auth/token -H 'content-type: application/json' -d '{"email":"…","password":"…"}'`);
  console.log(lines.join('\n'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Upzento cannot start: ${error.message}`);
  } else {
    console.error('Upzento cannot start:', error);
  }
  process.exit(1);
});
