import { defineConfig } from 'vitest/config';

/**
 * Three tiers (CONTRIBUTING.md): `npm run test:unit` needs no database and runs in seconds,
 * `npm run test:db` runs the suites that open a database, `npm run test:e2e` drives a browser,
 * `npm start` and the examples. `npm test` runs all three. A new test file is a database suite
 * unless it is listed below.
 */
const UNIT = [
  'test/alerts/window-counter.test.ts',
  'test/console/csv.test.ts',
  'test/console/paging.test.ts',
  'test/domains/dns-resolver.test.ts',
  'test/domains/dns-servers.test.ts',
  'test/domains/dns-time-limit.test.ts',
  'test/domains/dns-transports.test.ts',
  'test/domains/hostname.test.ts',
  'test/domains/origin-policy.test.ts',
  'test/domains/scheduler-pipeline.test.ts',
  'test/domains/test-dns-server.test.ts',
  'test/domains/txt-challenge.test.ts',
  'test/domains/verdict-cache-races.test.ts',
  'test/flags/flag-rules.test.ts',
  'test/platform/caller-address.test.ts',
  'test/platform/config.test.ts',
  'test/platform/layers.test.ts',
  'test/platform/lock-keys.test.ts',
  'test/identity/identity-docs.test.ts',
  'test/identity/identity-hash.test.ts',
  'test/shared/contrast.test.ts',
  'test/tenant-metrics/tenant-counters.test.ts',
  'test/shared/email.test.ts',
  'test/shared/imports.test.ts',
  'test/versions/version-changes.test.ts',
  'test/versions/pin-cache.test.ts',
  'test/webhooks/address-policy.test.ts',
  'test/widget/bundle.test.ts',
  'test/widget/command-queue.test.ts',
  'test/widget/components.test.tsx',
  'test/widget/create-widget.test.ts',
  'test/widget/outbox.test.ts',
  'test/widget/styles.test.ts',
  'test/widget/validation.test.ts',
];
const E2E = ['test/browser/**/*.test.ts', 'test/examples/**/*.test.ts', 'test/platform/quickstart.test.ts'];
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file builds its own database; two cores do not gain from more workers.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    projects: [
      // createTestDatabase refuses to run in this tier, so a unit test that opens a database fails.
      { extends: true, test: { name: 'unit', include: UNIT, env: { UPZENTO_TEST_TIER: 'unit' } } },
      {
        extends: true,
        test: {
          name: 'db',
          include: ALL,
          exclude: [...UNIT, ...E2E],
          // The embedded database each file loads, migrated once per change of the migrations.
          globalSetup: ['test/support/pglite-image-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/support/pglite-image-setup.ts'],
          // A browser walk through several pages waits on Chromium and the server in turn; on a loaded
          // two-core machine one such test has taken more than 30 s without anything being wrong.
          testTimeout: 90_000,
        },
      },
    ],
  },
});
