/**
 * Builds the Fastify application from already-opened parts (database, signing key, resolver), so
 * tests can build a fresh app on their own database and call app.inject().
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DatabaseHandle } from './db/connect.ts';
import { TenantDatabase } from './db/tenant-db.ts';
import { Placements } from './db/placements.ts';
import { followPlacementChanges } from './placements/placement-change.ts';
import { placementRoutes } from './placements/placement-routes.ts';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './auth/password.ts';
import type { SignInBrake } from './auth/sign-in-brake.ts';
import { apiDocsRoutes } from './api-docs/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { contactRoutes } from './crm/contacts-routes.ts';
import { submissionRoutes } from './crm/submissions-routes.ts';
import { healthRoutes } from './health/routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { installJsonBodyParser } from './http/json-body.ts';
import { refuseNonFiniteNumbers } from './http/finite-numbers.ts';
import { FrontDoor } from './http/front-door.ts';
import { serverOptions, type TrustProxy } from './http/server-options.ts';
import { installResponseHeaders } from './http/response-headers.ts';
import { tenancyPlugin } from './tenancy/tenancy-plugin.ts';
import { DEFAULT_LIMITS, followLimitChanges, LimitCache, type Limits } from './limits/limits.ts';
import { InstanceCount } from './limits/instances.ts';
import { rateLimitPlugin } from './limits/limits-plugin.ts';
import { WidgetSubmissionLimit } from './limits/widget-submission-limit.ts';
import { limitsRoutes } from './limits/limits-routes.ts';
import { CredentialCache, type CredentialCacheOptions } from './tenancy/credentials.ts';
import { followCredentialChanges } from './tenancy/credential-events.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { suspensionRoutes } from './tenants/suspension-routes.ts';
import { deletionRoutes } from './tenants/deletion-routes.ts';
import { DeletionRound } from './tenants/deletion-round.ts';
import { templateRoutes } from './tenants/template-routes.ts';
import { userRoutes } from './tenants/user-routes.ts';
import { invitationRoutes } from './tenants/invitation-routes.ts';
import { settingsRoutes } from './embedding/settings-routes.ts';
import type { TxtResolver } from './domains/dns/resolver.ts';
import { DomainChecks } from './domains/domain-checks.ts';
import { DEFAULT_TIMINGS, type DomainTimings } from './domains/lifecycle.ts';
import { followPolicyChanges } from './embedding/policy-events.ts';
import { domainRoutes } from './domains/routes.ts';
import { DomainScheduler } from './domains/scheduler.ts';
import { VerdictCache, type VerdictCacheOptions } from './embedding/verdict-cache.ts';
import { bundleRoutes, DEFAULT_WIDGET_BUNDLE } from './embedding/bundle.ts';
import { consoleRoutes } from './console/console-routes.ts';
import { widgetRoutes } from './embedding/widget-routes.ts';
import { ConfigShortcut } from './embedding/config-shortcut.ts';
import { Metrics, metricsRoutes } from './metrics/metrics.ts';
import { recordRequestDurations } from './metrics/request-durations.ts';
import { TenantMetrics, type RollupRetention } from './tenant-metrics/tenant-metrics.ts';
import { recordTenantRequests } from './tenant-metrics/request-recording.ts';
import { tenantMetricsRoutes } from './tenant-metrics/metrics-routes.ts';
import { TrafficSummary } from './tenant-metrics/traffic-summary.ts';
import { healthRoutes as tenantHealthRoutes } from './tenant-metrics/health-routes.ts';
import { WebhookWorker } from './webhooks/delivery-worker.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { systemLookup, type WebhookLookup } from './webhooks/sender.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { RetentionJob } from './privacy/retention.ts';
import { PrivacyJobWorker } from './privacy/privacy-job-worker.ts';
import { jobRoutes } from './privacy/job-routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { digestSigner } from './audit/digest-key.ts';
import { AuditDigestJob } from './audit/digests.ts';
import { complianceRoutes } from './audit/compliance-routes.ts';
import { PinCache, type PinCacheOptions } from './versions/pin-cache.ts';
import { followPinChanges } from './versions/pin-events.ts';
import { versionPlugin } from './versions/version-plugin.ts';
import { versionRoutes } from './versions/routes.ts';
import { FlagCache, type FlagCacheOptions } from './flags/flag-cache.ts';
import { followFlagChanges } from './flags/flag-events.ts';
import { flagRoutes } from './flags/flag-routes.ts';
import { DataMigrationRunner, type RunnerOptions } from './data-migrations/runner.ts';
import { SHIPPED_DATA_MIGRATIONS } from './data-migrations/registry.ts';
import { dataMigrationRoutes } from './data-migrations/routes.ts';
import { Alerts, type AlertWebhook } from './alerts/alerts.ts';
import { alertRoutes } from './alerts/alert-routes.ts';
import {
  crossTenantDenialSignal,
  DEFAULT_CROSS_TENANT_DENIALS,
  DEFAULT_REFUSED_ORIGINS,
  domainFailingSignal,
  errorSignals,
  refusedOriginSignal,
  removedUserSignal,
  scopedWithoutContextSignal,
  type Threshold,
} from './alerts/signals.ts';

declare module 'fastify' {
  interface FastifyInstance {
    verdicts: VerdictCache;
    domainChecks: DomainChecks;
    /** Not started by buildApp: the server entry starts it; tests run rounds by hand. */
    scheduler: DomainScheduler;
    /** Not started by buildApp either: the server entry starts it; tests run rounds by hand. */
    webhooks: WebhookWorker;
    /** Removes what is past each client's retention periods; started by the server entry, run by hand in tests. */
    retention: RetentionJob;
    /** Signs each audit chain's head every interval; started by the server entry, run by hand in tests. */
    auditDigests: AuditDigestJob;
    /** Works through queued exports and erasures; started by the server entry, run by hand in tests. */
    privacyJobs: PrivacyJobWorker;
    /** Purges the tenants whose deletion is due; started by the server entry, run by hand in tests. */
    tenantDeletions: DeletionRound;
    /** Each tenant's feature flag settings, cached and invalidated on every instance. */
    flags: FlagCache;
    /** Runs data migrations per agency when the platform admin starts one (docs/data-migrations.md). */
    dataMigrations: DataMigrationRunner;
    /** Raises isolation-breach alerts (docs/alerts.md). */
    alerts: Alerts;
    /** Per-tenant metrics rollups (docs/metrics.md); its flusher is started by the server entry, tests flush by hand. */
    tenantMetrics: TenantMetrics;
  }
}

export interface AlertOptions {
  /** The platform's alert webhook (UPZENTO_ALERT_WEBHOOK_URL and _SECRET); default none: nothing is sent. */
  webhook?: AlertWebhook | null;
  /** Time limit of one send; default 10 s. */
  timeoutMs?: number;
  /** Resolves the webhook's host name; default the system's. */
  lookup?: WebhookLookup;
  /** Refusals outside its subtree one caller may get per window before an alert; default 20 in 5 minutes. */
  crossTenantDenials?: Threshold;
  /** One client's widget requests refused for their Origin per window before an alert; default 100 in 5 minutes. */
  refusedOrigins?: Threshold;
}

export interface WebhookOptions {
  /** Loopback and private targets (and http) allowed; default false. Tests set it. */
  allowPrivate?: boolean;
  /** Time limit of one delivery attempt; default 10 s. */
  timeoutMs?: number;
  /** Endpoints one client may register; default 10. */
  maxPerClient?: number;
  /** How long a replaced secret keeps signing after a rotation; default 24 h. */
  rotationOverlapMs?: number;
  /** Resolves a target's host name; default the system's (dns.lookup). */
  lookup?: WebhookLookup;
  /** The clock of deliveries and their retries; default the system's. Tests pass a fake one. */
  now?: () => Date;
}

export interface AppOptions {
  /** The shared database. */
  database: DatabaseHandle;
  /** The deployment's other databases, by name, for agencies placed in one of their own; default none. */
  databases?: ReadonlyMap<string, DatabaseHandle>;
  /** Longest an agency's requests are held while it moves to another database; default 30 s. */
  maxMovePauseMs?: number;
  jwtSecret: string;
  platformId: string;
  /** scrypt cost for new password hashes; default log2N 15. Tests lower it. */
  passwordCost?: PasswordCost;
  /** Fastify's logger option; default off (the server entry turns it on). */
  logger?: FastifyServerOptions['logger'];
  /** Which proxies to believe for the caller's address; default false (none). */
  trustProxy?: TrustProxy;
  /** How long each user's credentials are cached without a notification; default CredentialCache's own. */
  credentialCache?: CredentialCacheOptions;
  /** The sign-in brake; default a SignInBrake with its own defaults. */
  brake?: SignInBrake;
  /** Asks DNS for domain challenges. Its owner closes it. */
  resolver: TxtResolver;
  /** Domain re-check periods; default DEFAULT_TIMINGS (24 h, 72 h grace, 7-day challenges). */
  timings?: DomainTimings;
  /** The clock of domain lifecycles; default the system's. Tests pass a fake one. */
  now?: () => Date;
  /** Sizes and lifetimes of the widget caches; default VerdictCache's own. */
  verdictCache?: VerdictCacheOptions;
  /** Size and lifetime of the flag cache; default FlagCache's own. */
  flagCache?: FlagCacheOptions;
  /** The data migrations the platform admin may run, and the wait between batches; default the shipped ones and a timer. */
  dataMigrations?: Partial<Omit<RunnerOptions, 'log'>>;
  /** The script-tag bundle to serve at /widget.js; default dist/widget.js. */
  widgetBundlePath?: string;
  /** The built web console served at /console; default dist/console. */
  consoleDir?: string;
  /** Widget requests with keys no client has that one address may make per minute; default 20. */
  unknownKeysPerMinute?: number;
  /** Domains one client may register; default 100. */
  maxDomainsPerClient?: number;
  /** Widget submissions one IP may send to one widget per minute; default 30. */
  submissionsPerMinute?: number;
  /** Serves GET /metrics behind this Bearer token; default unset, no /metrics route. */
  metricsToken?: string | null;
  /**
   * The HTTP server and who answers at it; default a new one. The server entry passes the one it
   * listened on while it waited for the database. It opens to the app when the app is ready.
   */
  frontDoor?: FrontDoor;
  /** Webhook endpoints and their deliveries; defaults as WebhookOptions says. */
  webhooks?: WebhookOptions;
  /** Sees every route as it is registered, before any plugin's own hooks; default none. Tests list routes with it. */
  onRoute?: (route: RouteOptions) => void;
  /** How long a replaced identity secret keeps verifying; default 24 h. */
  identitySecretOverlapMs?: number;
  /** The Ed25519 private key that signs audit digests; default a new one for this app (tests). */
  auditSigningKey?: KeyObject;
  /** Time between audit digest runs; default one hour. */
  auditDigestIntervalMs?: number;
  /** The deployment's default limits of every tenant; default DEFAULT_LIMITS (domains: maxDomainsPerClient). */
  limits?: Partial<Limits>;
  /** Submissions an export or erasure may reach and still be done within the request; default 1,000. */
  privacyInlineLimit?: number;
  /** How many tenants' API version pins are cached, and for how long; default PinCache's own. */
  pinCache?: PinCacheOptions;
  /** Isolation-breach alerts; defaults as AlertOptions says. */
  alerts?: AlertOptions;
  /** How long per-tenant metrics rollups are kept; default a day of minutes, 90 days of hours. */
  metricsRetention?: RollupRetention;
  /** How long the health view answers every tenant's traffic as read before; default 30 s (0: read for every view). */
  healthSummaryMaxAgeMs?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const door = options.frontDoor ?? new FrontDoor();
  // Shutdown answers come from the door, in the API's 503 shape, rather than Fastify's bare 503.
  const app = Fastify({
    ...serverOptions(options.logger, options.trustProxy),
    serverFactory: door.serverFactory,
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.addHook('onReady', async () => door.open());
  app.addHook('preClose', async () => door.closing());

  const passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  const placements = new Placements(options.database, options.databases);
  const data = new TenantDatabase(options.database.db, app.log, options.database.limits, placements);
  await data.reloadPlacements();
  const notifications = placements.notifications;
  // Logged once per loss and once per recovery, never per reconnect attempt.
  const unwatch = options.database.onEvent((event) => {
    if (event.type === 'listen-lost') {
      app.log.warn(
        { reason: event.error.message },
        'database LISTEN connection lost: reconnecting; cached widget verdicts are dropped once it is back',
      );
    } else {
      app.log.info(
        { downMs: event.downMs, attempts: event.attempts },
        'database LISTEN connection restored: cached widget verdicts dropped',
      );
    }
  });
  const timings = options.timings ?? DEFAULT_TIMINGS;
  const now = options.now ?? (() => new Date());
  const alertOptions = options.alerts ?? {};
  const alerts = new Alerts({
    data,
    log: app.log,
    webhook: alertOptions.webhook ?? null,
    // The operator names the target, not a tenant: an address on its own network is its choice.
    send: {
      timeoutMs: alertOptions.timeoutMs ?? 10_000,
      allowPrivate: true,
      lookup: alertOptions.lookup ?? systemLookup,
    },
  });
  app.decorate('alerts', alerts);
  data.watchMissingContext(scopedWithoutContextSignal(alerts));
  app.addHook('onClose', () => alerts.settled());
  installErrorHandler(app, errorSignals(alerts));
  installJsonBodyParser(app);
  refuseNonFiniteNumbers(app);
  installResponseHeaders(app);
  // Before the tenancy plugin: an unknown version is refused, and every answer says its version, before a token is read.
  const pins = new PinCache(data, options.pinCache);
  await app.register(versionPlugin, { pins });
  const unfollowPins = await followPinChanges(notifications, pins);
  app.addHook('onClose', () => unfollowPins());
  const metrics = new Metrics();
  recordRequestDurations(app, metrics);
  const tenantMetrics = new TenantMetrics({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    now,
    log: app.log,
    ...(options.metricsRetention && { retention: options.metricsRetention }),
    // The hot path reads the clock as a number: without a test's clock, Date.now itself.
    counters: { now: options.now ? () => now().getTime() : Date.now },
    onFlush: metrics.countRollupFlush,
  });
  app.decorate('tenantMetrics', tenantMetrics);
  // What this instance counted since the last flush is written before the database closes.
  app.addHook('onClose', () => tenantMetrics.stop());
  recordTenantRequests(app, tenantMetrics.counters);
  const flags = new FlagCache(data, options.flagCache);
  const verdicts = new VerdictCache(data, {
    ...options.verdictCache,
    observe: metrics.countCacheLookup,
    publicFlags: (client) => flags.publicFlags({ agencyId: client.agencyId, clientId: client.clientId }),
  });
  const checks = new DomainChecks({
    data,
    resolver: options.resolver,
    timings,
    now,
    verdicts,
    onCheck: (outcome, reason, client) => {
      metrics.countDomainCheck(outcome, reason);
      tenantMetrics.counters.domainChecked(client, outcome);
    },
    onFailing: domainFailingSignal(alerts),
  });
  const scheduler = new DomainScheduler({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    checks,
    timings,
    now,
    log: app.log,
  });
  app.decorate('verdicts', verdicts);
  app.decorate('flags', flags);
  app.decorate('domainChecks', checks);
  app.decorate('scheduler', scheduler);
  const webhookOptions = options.webhooks ?? {};
  const webhookClock = webhookOptions.now ?? (() => new Date());
  const webhooks = new WebhookWorker({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    now: webhookClock,
    send: {
      timeoutMs: webhookOptions.timeoutMs ?? 10_000,
      allowPrivate: webhookOptions.allowPrivate ?? false,
      lookup: webhookOptions.lookup ?? systemLookup,
    },
    log: app.log,
  });
  app.decorate('webhooks', webhooks);
  const retention = new RetentionJob({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    now,
    log: app.log,
  });
  app.decorate('retention', retention);
  app.addHook('onClose', () => retention.stop());
  const signer = digestSigner(options.auditSigningKey ?? generateKeyPairSync('ed25519').privateKey);
  const auditDigests = new AuditDigestJob({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    signer,
    platformId: options.platformId,
    now,
    ...(options.auditDigestIntervalMs !== undefined && { tickMs: options.auditDigestIntervalMs }),
    log: app.log,
  });
  app.decorate('auditDigests', auditDigests);
  app.addHook('onClose', () => auditDigests.stop());
  const privacyJobs = new PrivacyJobWorker({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    now,
    log: app.log,
  });
  app.decorate('privacyJobs', privacyJobs);
  app.addHook('onClose', () => privacyJobs.stop());
  const tenantDeletions = new DeletionRound({
    data,
    lockDb: options.database.kind === 'postgres' ? options.database.direct : null,
    now,
    exportQueued: () => privacyJobs.nudge(),
    log: app.log,
  });
  app.decorate('tenantDeletions', tenantDeletions);
  app.addHook('onClose', () => tenantDeletions.stop());
  const dataMigrations = new DataMigrationRunner(data, {
    migrations: SHIPPED_DATA_MIGRATIONS,
    ...options.dataMigrations,
    log: app.log,
  });
  app.decorate('dataMigrations', dataMigrations);
  // The agencies a run has not reached stay pending, and one it left running is taken up by the next run.
  app.addHook('onClose', () => dataMigrations.stop());
  const unfollow = await followPolicyChanges(notifications, verdicts);
  const unfollowPlacements = await followPlacementChanges(notifications, data, (error) =>
    app.log.error({ err: error }, 'placements could not be reloaded; routing by the ones read before'),
  );
  app.addHook('onClose', () => unfollowPlacements());
  const unfollowFlags = await followFlagChanges(notifications, { flags, verdicts });
  app.addHook('onClose', async () => {
    await scheduler.stop();
    await webhooks.stop();
    await unfollow();
    await unfollowFlags();
    unwatch();
  });

  const credentials = new CredentialCache(data, options.platformId, options.credentialCache);
  const unfollowCredentials = await followCredentialChanges(notifications, credentials);
  app.addHook('onClose', () => unfollowCredentials());
  await app.register(tenancyPlugin, {
    jwtSecret: options.jwtSecret,
    data,
    credentials,
    onRemovedUserToken: removedUserSignal(alerts),
    onCrossTenantDenial: crossTenantDenialSignal(
      alerts,
      alertOptions.crossTenantDenials ?? DEFAULT_CROSS_TENANT_DENIALS,
    ),
  });
  const limits = new LimitCache(data, {
    ...DEFAULT_LIMITS,
    ...(options.maxDomainsPerClient && { domains: options.maxDomainsPerClient }),
    ...options.limits,
  });
  const unfollowLimits = await followLimitChanges(notifications, limits);
  const instances = new InstanceCount(data, { log: app.log });
  await instances.start();
  app.addHook('onClose', async () => {
    await unfollowLimits();
    await instances.stop();
  });
  await app.register(rateLimitPlugin, { limits, instances });
  await app.register(apiDocsRoutes);
  await app.register(limitsRoutes);
  await app.register(placementRoutes, {
    placements,
    ...(options.maxMovePauseMs !== undefined && { maxPauseMs: options.maxMovePauseMs }),
  });
  await app.register(healthRoutes, { db: options.database.db });
  await app.register(authRoutes, {
    platformId: options.platformId,
    jwtSecret: options.jwtSecret,
    passwordCost,
    ...(options.brake && { brake: options.brake }),
  });
  await app.register(tenantRoutes);
  await app.register(suspensionRoutes);
  await app.register(deletionRoutes, { now, exportQueued: () => privacyJobs.nudge() });
  await app.register(templateRoutes, { platformId: options.platformId });
  await app.register(versionRoutes, { now });
  await app.register(userRoutes, { passwordCost, platformId: options.platformId });
  await app.register(invitationRoutes, { passwordCost, platformId: options.platformId, now });
  await app.register(settingsRoutes);
  await app.register(flagRoutes, { flags, verdicts, platformId: options.platformId });
  await app.register(alertRoutes, { platformId: options.platformId });
  await app.register(tenantMetricsRoutes, { now });
  await app.register(tenantHealthRoutes, {
    traffic: new TrafficSummary({
      data,
      now,
      ...(options.healthSummaryMaxAgeMs !== undefined && { maxAgeMs: options.healthSummaryMaxAgeMs }),
    }),
  });
  await app.register(contactRoutes);
  await app.register(submissionRoutes);
  await app.register(auditRoutes, { signer });
  await app.register(complianceRoutes, { signer, now });
  await app.register(privacyRoutes, {
    now,
    worker: privacyJobs,
    ...(options.privacyInlineLimit !== undefined && { inlineLimit: options.privacyInlineLimit }),
  });
  await app.register(jobRoutes, { worker: privacyJobs });
  await app.register(dataMigrationRoutes, { runner: dataMigrations });
  await app.register(identityRoutes, {
    now,
    ...(options.identitySecretOverlapMs !== undefined && { secretOverlapMs: options.identitySecretOverlapMs }),
  });
  await app.register(domainRoutes, { checks, timings, now });
  await app.register(webhookRoutes, {
    worker: webhooks,
    allowPrivate: webhookOptions.allowPrivate ?? false,
    now: webhookClock,
    ...(webhookOptions.maxPerClient && { maxWebhooks: webhookOptions.maxPerClient }),
    ...(webhookOptions.rotationOverlapMs && { rotationOverlapMs: webhookOptions.rotationOverlapMs }),
  });
  await app.register(bundleRoutes, { path: options.widgetBundlePath ?? DEFAULT_WIDGET_BUNDLE });
  await app.register(consoleRoutes, { ...(options.consoleDir && { dir: options.consoleDir }) });
  const configShortcut = new ConfigShortcut(verdicts, metrics, tenantMetrics.counters);
  door.answerFirst(configShortcut.answer);
  await app.register(widgetRoutes, {
    verdicts,
    metrics,
    tenantCounters: tenantMetrics.counters,
    configTexts: configShortcut.texts,
    now,
    submissionLimit: new WidgetSubmissionLimit(limits, instances),
    onOriginRefused: refusedOriginSignal(alerts, alertOptions.refusedOrigins ?? DEFAULT_REFUSED_ORIGINS),
    ...(options.submissionsPerMinute && { submissionsPerMinute: options.submissionsPerMinute }),
    ...(options.unknownKeysPerMinute && { unknownKeysPerMinute: options.unknownKeysPerMinute }),
  });
  if (options.metricsToken) await app.register(metricsRoutes, { metrics, token: options.metricsToken });
  return app;
}
