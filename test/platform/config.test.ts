/** Configuration is read once, and a bad value stops the start with a message that names it. */
import { expect, test } from 'vitest';
import { ConfigError, configWarnings, loadConfig } from '../../server/config.ts';

test('defaults', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    host: '127.0.0.1',
    port: 3000,
    databaseUrl: null,
    trustProxy: false,
    submissionsPerMinute: 30,
  });
  expect(config).toMatchObject({
    recheckIntervalHours: 24,
    gracePeriodHours: 72,
    challengeTtlDays: 7,
    retryIntervalMinutes: 60,
  });
  expect(config.maxDomainsPerClient).toBe(100);
  expect(Object.isFrozen(config)).toBe(true);
});

test.each([
  [{ PORT: 'eighty' }, /PORT/],
  [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
  [{ UPZENTO_ADMIN_EMAIL: 'a@b.test' }, /UPZENTO_ADMIN_PASSWORD/],
  [{ UPZENTO_JWT_SECRET: 'short' }, /UPZENTO_JWT_SECRET/],
  [{ UPZENTO_TRUST_PROXY: 'the balancer' }, /UPZENTO_TRUST_PROXY/],
  [{ UPZENTO_SCHEDULER: 'sometimes' }, /UPZENTO_SCHEDULER/],
  [{ UPZENTO_RETRY_INTERVAL_MINUTES: '0' }, /UPZENTO_RETRY_INTERVAL_MINUTES/],
  [{ UPZENTO_GRACE_PERIOD_HOURS: 'three days' }, /UPZENTO_GRACE_PERIOD_HOURS/],
  [{ UPZENTO_DB_CONNECT_TIMEOUT_MS: '0' }, /UPZENTO_DB_CONNECT_TIMEOUT_MS/],
  [{ UPZENTO_DB_STATEMENT_TIMEOUT_MS: '10s' }, /UPZENTO_DB_STATEMENT_TIMEOUT_MS/],
  [{ UPZENTO_DB_LOCK_TIMEOUT_MS: '-1' }, /UPZENTO_DB_LOCK_TIMEOUT_MS/],
  [{ UPZENTO_DB_QUEUE_LIMIT: 'lots' }, /UPZENTO_DB_QUEUE_LIMIT/],
  [{ UPZENTO_DB_WAIT_SECONDS: '1.5' }, /UPZENTO_DB_WAIT_SECONDS/],
  [{ UPZENTO_MAX_DOMAINS_PER_CLIENT: '0' }, /UPZENTO_MAX_DOMAINS_PER_CLIENT/],
])('%o is refused, naming the variable', (env, name) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(name);
});

test('UPZENTO_TRUST_PROXY=true is taken, with a warning that names the safer settings; a hop count or addresses are not warned about', () => {
  expect(configWarnings(loadConfig({ UPZENTO_TRUST_PROXY: 'true' }))).toEqual([
    expect.stringMatching(/^UPZENTO_TRUST_PROXY=true .* number of proxies in front .* addresses\/CIDRs instead\.$/),
  ]);
  expect(configWarnings(loadConfig({ UPZENTO_TRUST_PROXY: '1' }))).toEqual([]);
  expect(configWarnings(loadConfig({ UPZENTO_TRUST_PROXY: '10.0.0.0/8' }))).toEqual([]);
  expect(configWarnings(loadConfig({}))).toEqual([]);
});

test('UPZENTO_TRUST_PROXY takes true, a hop count, or addresses', () => {
  expect(loadConfig({ UPZENTO_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  expect(loadConfig({ UPZENTO_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(loadConfig({ UPZENTO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
});

test('every period of the domain lifecycle can be set', () => {
  const env = {
    UPZENTO_RECHECK_INTERVAL_HOURS: '12',
    UPZENTO_GRACE_PERIOD_HOURS: '24',
    UPZENTO_CHALLENGE_TTL_DAYS: '3',
    UPZENTO_RETRY_INTERVAL_MINUTES: '15',
  };
  expect(loadConfig(env)).toMatchObject({
    recheckIntervalHours: 12,
    gracePeriodHours: 24,
    challengeTtlDays: 3,
    retryIntervalMinutes: 15,
  });
});

test('the database time limits, queue and start-up wait have defaults and can be set', () => {
  expect(loadConfig({})).toMatchObject({
    connectTimeoutMs: 5000,
    statementTimeoutMs: 10_000,
    lockTimeoutMs: 5000,
    queueLimit: 100,
    databaseWaitSeconds: 120,
  });
  const env = {
    UPZENTO_DB_CONNECT_TIMEOUT_MS: '1500',
    UPZENTO_DB_STATEMENT_TIMEOUT_MS: '0',
    UPZENTO_DB_LOCK_TIMEOUT_MS: '250',
    UPZENTO_DB_QUEUE_LIMIT: '0',
    UPZENTO_DB_WAIT_SECONDS: '5',
  };
  expect(loadConfig(env)).toMatchObject({
    connectTimeoutMs: 1500,
    statementTimeoutMs: 0,
    lockTimeoutMs: 250,
    queueLimit: 0,
    databaseWaitSeconds: 5,
  });
});

test('the audit signing key: an Ed25519 PEM (with or without written-out line breaks), anything else stops the start', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  expect(loadConfig({}).auditSigningKey).toBeNull();
  expect(loadConfig({ UPZENTO_AUDIT_SIGNING_KEY: pem }).auditSigningKey?.asymmetricKeyType).toBe('ed25519');
  expect(
    loadConfig({ UPZENTO_AUDIT_SIGNING_KEY: pem.replaceAll('\n', '\\n') }).auditSigningKey?.asymmetricKeyType,
  ).toBe('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  for (const bad of ['not a key', rsa])
    expect(() => loadConfig({ UPZENTO_AUDIT_SIGNING_KEY: bad })).toThrow(/UPZENTO_AUDIT_SIGNING_KEY/);
  expect(loadConfig({ UPZENTO_AUDIT_DIGESTS: 'off', UPZENTO_AUDIT_DIGEST_INTERVAL_MINUTES: '15' })).toMatchObject({
    auditDigestsEnabled: false,
    auditDigestIntervalMinutes: 15,
  });
  expect(() => loadConfig({ UPZENTO_AUDIT_DIGESTS: 'sometimes' })).toThrow(/UPZENTO_AUDIT_DIGESTS/);
  expect(loadConfig({}).identitySecretOverlapHours).toBe(24);
});

test('a hop count believes that many hops of X-Forwarded-For, nearest first, and no more', async () => {
  const { default: Fastify } = await import('fastify');
  const { serverOptions } = await import('../../server/http/server-options.ts');
  const ipWith = async (trust: ReturnType<typeof loadConfig>['trustProxy']) => {
    const app = Fastify(serverOptions(false, trust));
    app.get('/ip', async (request) => ({ ip: request.ip }));
    const response = await app.inject({
      method: 'GET',
      url: '/ip',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' },
    });
    await app.close();
    return response.json().ip as string;
  };
  expect(await ipWith(loadConfig({}).trustProxy)).toBe('10.0.0.5');
  // One proxy in front: the address it saw is the caller; what the caller wrote before it is not believed.
  expect(await ipWith(loadConfig({ UPZENTO_TRUST_PROXY: '1' }).trustProxy)).toBe('198.51.100.7');
  expect(await ipWith(loadConfig({ UPZENTO_TRUST_PROXY: '2' }).trustProxy)).toBe('203.0.113.9');
  expect(await ipWith(loadConfig({ UPZENTO_TRUST_PROXY: '10.0.0.0/8' }).trustProxy)).toBe('198.51.100.7');
});

test('UPZENTO_DATABASES names the other PostgreSQL databases; a bad entry stops the start with its name', () => {
  const base = { DATABASE_URL: 'postgres://app@db.internal/upzento' };
  expect(loadConfig({}).databases).toEqual(new Map());
  const config = loadConfig({
    ...base,
    UPZENTO_DATABASES: 'big_agency=postgres://app@big.internal/upzento, eu=postgresql://app@eu.internal/upzento',
  });
  expect(config.databases).toEqual(
    new Map([
      ['big_agency', 'postgres://app@big.internal/upzento'],
      ['eu', 'postgresql://app@eu.internal/upzento'],
    ]),
  );
  expect(() => loadConfig({ UPZENTO_DATABASES: 'eu=postgres://app@eu.internal/u' })).toThrow('needs DATABASE_URL');
  for (const [value, says] of [
    ['shared=postgres://a@b/c', 'other than "shared"'],
    ['Big=postgres://a@b/c', 'is not name=postgres'],
    ['postgres://a@b/c', 'is not name=postgres'],
    ['eu=mysql://a@b/c', 'UPZENTO_DATABASES (eu) must start with postgres://'],
    ['eu=postgres://a@b/c eu=postgres://a@d/c', 'names eu twice'],
  ] as const) {
    expect(() => loadConfig({ ...base, UPZENTO_DATABASES: value }), value).toThrow(says);
  }
});

test('the alert webhook: unset by default; URL and secret go together, and a bad one stops the start', () => {
  expect(loadConfig({})).toMatchObject({ alertWebhookUrl: null, alertWebhookSecret: null });
  const config = loadConfig({
    UPZENTO_ALERT_WEBHOOK_URL: 'https://alerts.ops.example/upzento',
    UPZENTO_ALERT_WEBHOOK_SECRET: 'a secret of enough length',
  });
  expect(config.alertWebhookUrl?.href).toBe('https://alerts.ops.example/upzento');
  expect(config.alertWebhookSecret).toBe('a secret of enough length');
  expect(() => loadConfig({ UPZENTO_ALERT_WEBHOOK_URL: 'https://alerts.ops.example/' })).toThrow(/go together/);
  expect(() => loadConfig({ UPZENTO_ALERT_WEBHOOK_SECRET: 'a secret of enough length' })).toThrow(/go together/);
  expect(() =>
    loadConfig({
      UPZENTO_ALERT_WEBHOOK_URL: 'ftp://alerts.ops.example/',
      UPZENTO_ALERT_WEBHOOK_SECRET: 'x'.repeat(20),
    }),
  ).toThrow(/UPZENTO_ALERT_WEBHOOK_URL/);
  expect(() =>
    loadConfig({ UPZENTO_ALERT_WEBHOOK_URL: 'https://alerts.ops.example/', UPZENTO_ALERT_WEBHOOK_SECRET: 'short' }),
  ).toThrow(/UPZENTO_ALERT_WEBHOOK_SECRET/);
});

test('the alert thresholds: 20 and 100 per 5 minutes by default; whole positive counts only', () => {
  expect(loadConfig({})).toMatchObject({ alertCrossTenantDenials: 20, alertRefusedOrigins: 100 });
  expect(loadConfig({ UPZENTO_ALERT_CROSS_TENANT_DENIALS: '5', UPZENTO_ALERT_REFUSED_ORIGINS: '2500' })).toMatchObject({
    alertCrossTenantDenials: 5,
    alertRefusedOrigins: 2500,
  });
  for (const value of ['0', '-1', '1.5', 'many'])
    expect(() => loadConfig({ UPZENTO_ALERT_REFUSED_ORIGINS: value }), value).toThrow(
      /UPZENTO_ALERT_REFUSED_ORIGINS must be a whole number from 1/,
    );
});
