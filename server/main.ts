/**
 * `npm start`: listens at once (/healthz 200, /readyz and the API 503 until ready), opens the
 * database (embedded PGlite unless DATABASE_URL is set) and waits for it when it does not answer
 * yet, applies missing migrations, makes sure there is a platform admin, and serves until
 * SIGINT/SIGTERM, finishing the requests in flight before it exits.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { configWarnings, loadConfig, ConfigError } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connect.ts';
import { DatabaseWaitExpired, waitForDatabase } from './db/wait-for-database.ts';
import { FrontDoor } from './http/front-door.ts';
import { migrateToLatest } from './db/migrate.ts';
import { TenantDatabase } from './db/tenant-db.ts';
import { buildApp } from './app.ts';
import { DEFAULT_TIMINGS } from './domains/lifecycle.ts';
import { ensureFirstAdmin, ensurePlatform, loadSigningKey } from './tenants/bootstrap.ts';
import { DEFAULT_PASSWORD_COST } from './auth/password.ts';
import { createResolver, parseDnsServers, systemDnsServers } from './domains/dns/resolver.ts';
import { ensureConsole, ensureWidgetBundle } from './embedding/ensure-bundle.ts';
import { loadDigestSigningKey } from './audit/digest-key.ts';

/** The window the alert thresholds of the environment count in. */
const ALERT_WINDOW_MS = 5 * 60_000;

/** Set by SIGINT/SIGTERM: a start cut short by them is no failure. */
let closing = false;

async function main(): Promise<void> {
  const config = loadConfig();
  for (const warning of configWarnings(config)) console.warn(`Upzento: ${warning}`);
  let dnsServers;
  try {
    dnsServers = config.dnsServers ? parseDnsServers(config.dnsServers) : systemDnsServers();
  } catch (error) {
    throw new ConfigError(`UPZENTO_DNS_SERVERS: ${(error as Error).message}`);
  }
  const resolver = createResolver({ servers: dnsServers });
  const widgetBundlePath = await ensureWidgetBundle();
  const consoleDir = await ensureConsole();

  // The port answers from here on: a supervisor sees the process alive while it waits.
  const door = new FrontDoor();
  const address = await listen(door.server, config.host, config.port);
  let database: DatabaseHandle | null = null;
  const others = new Map<string, DatabaseHandle>();
  let app: FastifyInstance | null = null;
  const starting = new AbortController();

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    door.closing();
    starting.abort(new Error(`stopped by ${signal} while starting`));
    app?.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await closeServer(door.server);
      await app?.close();
      await resolver.close();
      await database?.close();
      await Promise.all([...others.values()].map((other) => other.close()));
      console.log(`Upzento stopped: requests in flight finished${database ? ', database closed' : ''}.`);
      process.exit(0);
    } catch (error) {
      console.error('Upzento did not stop cleanly:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await openDatabase(config);
  if (database.kind === 'postgres') {
    door.starting('waiting for the database');
    await waitForDatabase(database.direct as Kysely<unknown>, {
      maxWaitMs: config.databaseWaitSeconds * 1000,
      signal: starting.signal,
      onWaiting: ({ attempt, elapsedMs, kind, error }) =>
        console.warn(
          `Upzento is waiting for the database (${kind}: ${error.message}); attempt ${attempt}, ` +
            `${Math.round(elapsedMs / 1000)} s of ${config.databaseWaitSeconds} s. /healthz answers on ${address}, /readyz says 503 meanwhile.`,
        ),
    });
    door.starting('applying migrations');
  }
  const applied = await migrateToLatest(database.direct as Kysely<unknown>);
  // The databases agencies may be placed in: each has the same schema, migrated at the same start.
  for (const [name, url] of config.databases) {
    const other = await openDatabase({ ...config, databaseUrl: url, databaseDirectUrl: url });
    others.set(name, other);
    door.starting(`waiting for database ${name}`);
    await waitForDatabase(other.direct as Kysely<unknown>, {
      maxWaitMs: config.databaseWaitSeconds * 1000,
      signal: starting.signal,
      onWaiting: ({ attempt, kind, error }) =>
        console.warn(`Upzento is waiting for database ${name} (${kind}: ${error.message}); attempt ${attempt}.`),
    });
    door.starting(`applying migrations to database ${name}`);
    await migrateToLatest(other.direct as Kysely<unknown>);
  }
  const data = new TenantDatabase(database.db, undefined, database.limits);
  const platformId = await ensurePlatform(data);
  const jwtSecret = config.jwtSecret ?? (await loadSigningKey(data, database.kind, config.dataDir));
  const auditSigningKey = config.auditSigningKey ?? (await loadDigestSigningKey(data, database.kind, config.dataDir));
  const admin = await ensureFirstAdmin(
    data,
    platformId,
    { email: config.adminEmail, password: config.adminPassword },
    DEFAULT_PASSWORD_COST,
  );

  const minutes = (n: number) => n * 60_000;
  const hours = (n: number) => minutes(60 * n);
  app = await buildApp({
    database,
    databases: others,
    frontDoor: door,
    jwtSecret,
    platformId,
    resolver,
    widgetBundlePath,
    consoleDir,
    metricsToken: config.metricsToken,
    submissionsPerMinute: config.submissionsPerMinute,
    maxDomainsPerClient: config.maxDomainsPerClient,
    limits: {
      apiRequestsPerSecond: config.apiRequestsPerSecond,
      apiBurst: config.apiBurst,
      users: config.maxUsersPerTenant,
      contacts: config.maxContactsPerClient,
      widgetSubmissionsPerMinute: config.widgetSubmissionsPerMinute,
    },
    identitySecretOverlapMs: hours(config.identitySecretOverlapHours),
    auditSigningKey,
    auditDigestIntervalMs: minutes(config.auditDigestIntervalMinutes),
    webhooks: {
      allowPrivate: config.webhooksAllowPrivate,
      timeoutMs: config.webhookTimeoutSeconds * 1000,
      maxPerClient: config.maxWebhooksPerClient,
    },
    alerts: {
      webhook:
        config.alertWebhookUrl && config.alertWebhookSecret
          ? { url: config.alertWebhookUrl, secret: config.alertWebhookSecret }
          : null,
      timeoutMs: config.webhookTimeoutSeconds * 1000,
      crossTenantDenials: { max: config.alertCrossTenantDenials, windowMs: ALERT_WINDOW_MS },
      refusedOrigins: { max: config.alertRefusedOrigins, windowMs: ALERT_WINDOW_MS },
    },
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
  if (closing) return;
  // Ready: the door opens to the application.
  await app.ready();
  if (config.schedulerEnabled) app.scheduler.start();
  // Deliveries queued before a restart are sent by the first round.
  app.webhooks.start();
  if (config.retentionEnabled) app.retention.start();
  if (config.auditDigestsEnabled) app.auditDigests.start();
  // Exports and erasures queued before a restart are taken up by the first round.
  app.privacyJobs.start();
  // Deletions that fell due while no instance ran are purged by the first round.
  app.tenantDeletions.start();
  // Every instance flushes its own counts; one at a time prunes the rollups.
  app.tenantMetrics.start();
  const where = database.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)';
  if (applied.length) app.log.info({ migrations: applied }, 'applied migrations');

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
  lines.push(`Sign in from another shell:  npx upzento login --url ${address} --email ${admin?.email ?? '<email>'}`);
  console.log(lines.join('\n'));
}

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      const { address, port: bound } = server.address() as AddressInfo;
      resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
    });
  });
}

/** Stops accepting, and resolves once every connection is gone: kept-alive ones are let go when idle. */
function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(reaper);
      resolve();
    });
    server.closeIdleConnections();
  });
}

main().catch((error) => {
  if (closing) return;
  if (error instanceof ConfigError || error instanceof DatabaseWaitExpired) {
    console.error(`Upzento cannot start: ${error.message}`);
  } else {
    console.error('Upzento cannot start:', error);
  }
  process.exit(1);
});
