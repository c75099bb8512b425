/**
 * Configuration, read from the environment once at start, validated, then frozen.
 * A bad value stops the start with a message that names the variable.
 */
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { parseSigningKey } from './audit/digest-key.ts';
import type { TrustProxy } from './http/server-options.ts';
import { DATABASE_NAME, SHARED_DATABASE } from './db/placements.ts';

export interface Config {
  /** HOST, default 127.0.0.1. */
  readonly host: string;
  /** PORT, default 3000. */
  readonly port: number;
  /** DATABASE_URL: real PostgreSQL through `pg`; null means embedded PGlite. */
  readonly databaseUrl: string | null;
  /** DATABASE_DIRECT_URL, default DATABASE_URL: migrations, LISTEN/NOTIFY and session locks, which a transaction-mode pooler cannot carry. */
  readonly databaseDirectUrl: string | null;
  /**
   * UPZENTO_DATABASES, default none: the other PostgreSQL databases agencies may be placed in, as
   * `name=postgres://…` separated by spaces or commas (docs/scaling.md). Needs DATABASE_URL.
   */
  readonly databases: ReadonlyMap<string, string>;
  /** UPZENTO_DATA_DIR, default ./.upzento; `memory:` keeps the embedded database in memory. */
  readonly dataDir: string;
  /** UPZENTO_DNS_SERVERS as given; null means the system's resolvers. */
  readonly dnsServers: string | null;
  /** UPZENTO_ADMIN_EMAIL / UPZENTO_ADMIN_PASSWORD: the first platform admin on an empty database. */
  readonly adminEmail: string | null;
  readonly adminPassword: string | null;
  /** UPZENTO_JWT_SECRET; null means one is generated and kept (data dir or database). */
  readonly jwtSecret: string | null;
  /** UPZENTO_DB_POOL_SIZE, default 10: connections in the `pg` pool. */
  readonly poolSize: number;
  /** UPZENTO_DB_CONNECT_TIMEOUT_MS, default 5000: how long a request waits for a database connection. */
  readonly connectTimeoutMs: number;
  /** UPZENTO_DB_STATEMENT_TIMEOUT_MS, default 10000 (0: none): statement_timeout of every request's transaction. */
  readonly statementTimeoutMs: number;
  /** UPZENTO_DB_LOCK_TIMEOUT_MS, default 5000 (0: none): lock_timeout of every request's transaction. */
  readonly lockTimeoutMs: number;
  /** UPZENTO_DB_QUEUE_LIMIT, default 100: requests that may wait for a busy pool; more answer 503 at once. */
  readonly queueLimit: number;
  /** UPZENTO_DB_WAIT_SECONDS, default 120: how long `npm start` waits for an unreachable database. */
  readonly databaseWaitSeconds: number;
  /** UPZENTO_RECHECK_INTERVAL_HOURS, default 24: how often a verified domain is checked again. */
  readonly recheckIntervalHours: number;
  /** UPZENTO_GRACE_PERIOD_HOURS, default 72: how long a failing domain stays authorized. */
  readonly gracePeriodHours: number;
  /** UPZENTO_CHALLENGE_TTL_DAYS, default 7: how long a pending challenge may wait before it expires. */
  readonly challengeTtlDays: number;
  /** UPZENTO_RETRY_INTERVAL_MINUTES, default 60: how soon a pending or failing domain, or one DNS failed to answer for, is asked again. */
  readonly retryIntervalMinutes: number;
  /** UPZENTO_SCHEDULER, default on: set `off` to run an instance that never re-checks domains. */
  readonly schedulerEnabled: boolean;
  /** UPZENTO_RETENTION, default on: set `off` to run an instance that never removes data past its retention period. */
  readonly retentionEnabled: boolean;
  /** UPZENTO_SUBMISSIONS_PER_MINUTE, default 30: widget submissions per IP and widget per minute. */
  readonly submissionsPerMinute: number;
  /** UPZENTO_MAX_DOMAINS_PER_CLIENT, default 100: domains one client may register (a client's override aside). */
  readonly maxDomainsPerClient: number;
  /** UPZENTO_WIDGET_SUBMISSIONS_PER_MINUTE, default 600: a client's widget submissions per minute, across instances. */
  readonly widgetSubmissionsPerMinute: number;
  /** UPZENTO_API_REQUESTS_PER_SECOND, default 100: a tenant's sustained API rate, across instances. */
  readonly apiRequestsPerSecond: number;
  /** UPZENTO_API_BURST, default 200: a tenant's API requests at once after a quiet time. */
  readonly apiBurst: number;
  /** UPZENTO_MAX_USERS_PER_TENANT, default 1000: users of one agency or client. */
  readonly maxUsersPerTenant: number;
  /** UPZENTO_MAX_CONTACTS_PER_CLIENT, default 1,000,000: contacts one client may create through the API. */
  readonly maxContactsPerClient: number;
  /** UPZENTO_WEBHOOKS_ALLOW_PRIVATE, default false: webhooks may target loopback and private addresses, and use http. */
  readonly webhooksAllowPrivate: boolean;
  /** UPZENTO_WEBHOOK_TIMEOUT_SECONDS, default 10: time limit of one delivery attempt. */
  readonly webhookTimeoutSeconds: number;
  /** UPZENTO_MAX_WEBHOOKS_PER_CLIENT, default 10: webhook endpoints one client may register. */
  readonly maxWebhooksPerClient: number;
  /** UPZENTO_ALERT_WEBHOOK_URL: where isolation-breach alerts are sent (docs/alerts.md); unset, none are sent. */
  readonly alertWebhookUrl: URL | null;
  /** UPZENTO_ALERT_WEBHOOK_SECRET: signs each alert sent (Upzento-Signature); required with the URL. */
  readonly alertWebhookSecret: string | null;
  /** UPZENTO_ALERT_CROSS_TENANT_DENIALS, default 20: refusals across tenant boundaries one user may get in 5 minutes before an alert. */
  readonly alertCrossTenantDenials: number;
  /** UPZENTO_ALERT_REFUSED_ORIGINS, default 100: widget requests of one client refused for their Origin in 5 minutes before an alert. */
  readonly alertRefusedOrigins: number;
  /** UPZENTO_AUDIT_SIGNING_KEY: the Ed25519 private key (PKCS #8 PEM) that signs audit digests; null means one is generated and kept. */
  readonly auditSigningKey: KeyObject | null;
  /** UPZENTO_AUDIT_DIGESTS, default on: set `off` to run an instance that never signs audit digests. */
  readonly auditDigestsEnabled: boolean;
  /** UPZENTO_AUDIT_DIGEST_INTERVAL_MINUTES, default 60: how often each audit chain that moved is signed. */
  readonly auditDigestIntervalMinutes: number;
  /** UPZENTO_IDENTITY_SECRET_OVERLAP_HOURS, default 24: how long a replaced identity secret keeps verifying. */
  readonly identitySecretOverlapHours: number;
  /** UPZENTO_METRICS_TOKEN: serves GET /metrics to a Bearer of this token; unset, no /metrics. */
  readonly metricsToken: string | null;
  /** UPZENTO_TRUST_PROXY, default false: `true`, a hop count, or comma-separated proxy addresses/CIDRs. */
  readonly trustProxy: TrustProxy;
  /** LOG_LEVEL, default info. */
  readonly logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function postgresUrl(env: Env, name: string): string | null {
  const raw = text(env, name);
  return raw === null ? null : checkedPostgresUrl(raw, name);
}

function checkedPostgresUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: expected postgres://user@host:port/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

function alertUrl(env: Env): URL | null {
  const raw = text(env, 'UPZENTO_ALERT_WEBHOOK_URL');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('UPZENTO_ALERT_WEBHOOK_URL is not a URL: expected https://host/path');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`UPZENTO_ALERT_WEBHOOK_URL must start with https:// or http://, got "${url.protocol}"`);
  }
  return url;
}

function databases(env: Env, databaseUrl: string | null): ReadonlyMap<string, string> {
  const raw = text(env, 'UPZENTO_DATABASES');
  const named = new Map<string, string>();
  if (raw === null) return named;
  if (databaseUrl === null)
    throw new ConfigError('UPZENTO_DATABASES needs DATABASE_URL: agencies move between PostgreSQL databases only');
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, Math.max(at, 0));
    if (!DATABASE_NAME.test(name) || name === SHARED_DATABASE)
      throw new ConfigError(
        `UPZENTO_DATABASES: "${entry.slice(0, 60)}" is not name=postgres://…, with a name of a-z, 0-9 and _ other than "shared"`,
      );
    if (named.has(name)) throw new ConfigError(`UPZENTO_DATABASES names ${name} twice`);
    named.set(name, checkedPostgresUrl(entry.slice(at + 1), `UPZENTO_DATABASES (${name})`));
  }
  return named;
}

function trustProxy(raw: string | null): TrustProxy {
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry));
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(
      `UPZENTO_TRUST_PROXY must be true, false, a hop count or proxy addresses/CIDRs, got "${bad ?? raw}"`,
    );
  }
  return entries;
}

/** What a valid configuration still does that its operator should know, one sentence each; printed at start. */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.trustProxy === true) {
    warnings.push(
      'UPZENTO_TRUST_PROXY=true believes any X-Forwarded-For, so a caller can name its own address and pass the ' +
        'sign-in brake and the widget rate limits. Set the number of proxies in front (e.g. 1) or their addresses/CIDRs instead.',
    );
  }
  return warnings;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const databaseDirectUrl = postgresUrl(env, 'DATABASE_DIRECT_URL') ?? databaseUrl;
  const dataDir = text(env, 'UPZENTO_DATA_DIR') ?? './.upzento';
  const otherDatabases = databases(env, databaseUrl);
  const adminEmail = text(env, 'UPZENTO_ADMIN_EMAIL');
  const adminPassword = env.UPZENTO_ADMIN_PASSWORD ?? null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('UPZENTO_ADMIN_EMAIL and UPZENTO_ADMIN_PASSWORD go together: set both or neither');
  }
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('UPZENTO_ADMIN_PASSWORD must be at least 12 characters');
  }
  const jwtSecret = text(env, 'UPZENTO_JWT_SECRET');
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('UPZENTO_JWT_SECRET must be at least 32 characters');
  }
  const allowPrivate = (text(env, 'UPZENTO_WEBHOOKS_ALLOW_PRIVATE') ?? 'false').toLowerCase();
  if (allowPrivate !== 'true' && allowPrivate !== 'false') {
    throw new ConfigError(`UPZENTO_WEBHOOKS_ALLOW_PRIVATE must be "true" or "false", got "${allowPrivate}"`);
  }
  const scheduler = (text(env, 'UPZENTO_SCHEDULER') ?? 'on').toLowerCase();
  if (scheduler !== 'on' && scheduler !== 'off') {
    throw new ConfigError(`UPZENTO_SCHEDULER must be "on" or "off", got "${scheduler}"`);
  }
  const retention = (text(env, 'UPZENTO_RETENTION') ?? 'on').toLowerCase();
  if (retention !== 'on' && retention !== 'off') {
    throw new ConfigError(`UPZENTO_RETENTION must be "on" or "off", got "${retention}"`);
  }
  const digests = (text(env, 'UPZENTO_AUDIT_DIGESTS') ?? 'on').toLowerCase();
  if (digests !== 'on' && digests !== 'off') {
    throw new ConfigError(`UPZENTO_AUDIT_DIGESTS must be "on" or "off", got "${digests}"`);
  }
  const alertWebhookUrl = alertUrl(env);
  const alertWebhookSecret = text(env, 'UPZENTO_ALERT_WEBHOOK_SECRET');
  if ((alertWebhookUrl === null) !== (alertWebhookSecret === null)) {
    throw new ConfigError(
      'UPZENTO_ALERT_WEBHOOK_URL and UPZENTO_ALERT_WEBHOOK_SECRET go together: set both or neither',
    );
  }
  if (alertWebhookSecret !== null && alertWebhookSecret.length < 16) {
    throw new ConfigError('UPZENTO_ALERT_WEBHOOK_SECRET must be at least 16 characters');
  }
  const signingKeyPem = text(env, 'UPZENTO_AUDIT_SIGNING_KEY');
  let auditSigningKey: KeyObject | null = null;
  if (signingKeyPem !== null) {
    try {
      auditSigningKey = parseSigningKey(signingKeyPem);
    } catch (error) {
      throw new ConfigError(
        `UPZENTO_AUDIT_SIGNING_KEY must be an Ed25519 private key in PEM (PKCS #8): ${(error as Error).message}`,
      );
    }
  }
  return Object.freeze({
    host: text(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    databases: otherDatabases,
    databaseDirectUrl,
    dataDir: dataDir === 'memory:' ? dataDir : path.resolve(dataDir),
    dnsServers: text(env, 'UPZENTO_DNS_SERVERS'),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    jwtSecret,
    poolSize: integer(env, 'UPZENTO_DB_POOL_SIZE', 10, 1, 500),
    connectTimeoutMs: integer(env, 'UPZENTO_DB_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    statementTimeoutMs: integer(env, 'UPZENTO_DB_STATEMENT_TIMEOUT_MS', 10_000, 0, 3_600_000),
    lockTimeoutMs: integer(env, 'UPZENTO_DB_LOCK_TIMEOUT_MS', 5000, 0, 3_600_000),
    queueLimit: integer(env, 'UPZENTO_DB_QUEUE_LIMIT', 100, 0, 100_000),
    databaseWaitSeconds: integer(env, 'UPZENTO_DB_WAIT_SECONDS', 120, 0, 86_400),
    recheckIntervalHours: integer(env, 'UPZENTO_RECHECK_INTERVAL_HOURS', 24, 1, 24 * 30),
    gracePeriodHours: integer(env, 'UPZENTO_GRACE_PERIOD_HOURS', 72, 1, 24 * 90),
    challengeTtlDays: integer(env, 'UPZENTO_CHALLENGE_TTL_DAYS', 7, 1, 90),
    retryIntervalMinutes: integer(env, 'UPZENTO_RETRY_INTERVAL_MINUTES', 60, 1, 24 * 60),
    schedulerEnabled: scheduler === 'on',
    retentionEnabled: retention === 'on',
    webhooksAllowPrivate: allowPrivate === 'true',
    webhookTimeoutSeconds: integer(env, 'UPZENTO_WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60),
    maxWebhooksPerClient: integer(env, 'UPZENTO_MAX_WEBHOOKS_PER_CLIENT', 10, 1, 1000),
    metricsToken: text(env, 'UPZENTO_METRICS_TOKEN'),
    alertWebhookUrl,
    alertWebhookSecret,
    alertCrossTenantDenials: integer(env, 'UPZENTO_ALERT_CROSS_TENANT_DENIALS', 20, 1, 1_000_000),
    alertRefusedOrigins: integer(env, 'UPZENTO_ALERT_REFUSED_ORIGINS', 100, 1, 1_000_000),
    auditSigningKey,
    auditDigestsEnabled: digests === 'on',
    auditDigestIntervalMinutes: integer(env, 'UPZENTO_AUDIT_DIGEST_INTERVAL_MINUTES', 60, 1, 24 * 60),
    identitySecretOverlapHours: integer(env, 'UPZENTO_IDENTITY_SECRET_OVERLAP_HOURS', 24, 0, 24 * 30),
    submissionsPerMinute: integer(env, 'UPZENTO_SUBMISSIONS_PER_MINUTE', 30, 1, 100_000),
    maxDomainsPerClient: integer(env, 'UPZENTO_MAX_DOMAINS_PER_CLIENT', 100, 1, 10_000),
    widgetSubmissionsPerMinute: integer(env, 'UPZENTO_WIDGET_SUBMISSIONS_PER_MINUTE', 600, 1, 1_000_000),
    apiRequestsPerSecond: integer(env, 'UPZENTO_API_REQUESTS_PER_SECOND', 100, 1, 100_000),
    apiBurst: integer(env, 'UPZENTO_API_BURST', 200, 1, 100_000),
    maxUsersPerTenant: integer(env, 'UPZENTO_MAX_USERS_PER_TENANT', 1000, 1, 100_000),
    maxContactsPerClient: integer(env, 'UPZENTO_MAX_CONTACTS_PER_CLIENT', 1_000_000, 0, 100_000_000),
    trustProxy: trustProxy(text(env, 'UPZENTO_TRUST_PROXY')),
    logLevel: text(env, 'LOG_LEVEL') ?? 'info',
  });
}
