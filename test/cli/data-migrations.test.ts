/**
 * `upzento data-migrations`, run as a child process against a server on a real port: a run of the shipped
 * migration waited for, an agency that fails reported with exit 1 and retried alone, a rollback, and the
 * usage errors caught before any request.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataMigration } from '../../server/data-migrations/data-migration.ts';
import { SHIPPED_DATA_MIGRATIONS } from '../../server/data-migrations/registry.ts';
import { cliRunner, startCliServer, type CliRunner, type CliServer } from '../support/cli.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app.ts';

/** Agencies whose step of `test-failing` throws. */
const failFor = new Set<string>();
const failing: DataMigration = {
  name: 'test-failing',
  description: 'Fails for the agencies the test names.',
  forward: async (q) => {
    if (failFor.has(q.scope.agencyId)) throw new Error('injected failure');
    return {};
  },
  backward: async () => ({}),
};

let server: CliServer;
let cli: CliRunner;
const agencies: string[] = [];

beforeAll(async () => {
  server = await startCliServer({ dataMigrations: { migrations: [...SHIPPED_DATA_MIGRATIONS, failing] } });
  cli = await cliRunner({ UPZENTO_URL: server.url });
  const login = await cli.run(['login', '--email', ADMIN_EMAIL, '--password-stdin'], { input: ADMIN_PASSWORD });
  expect(login.code, login.stderr).toBe(0);
  for (const name of ['North', 'South', 'East']) {
    const id = (await cli.run(['agencies', 'create', name, '--quiet'])).stdout.trim();
    await cli.json(['clients', 'create', `${name} Bakery`, '--agency', id]);
    agencies.push(id);
  }
}, 180_000);

afterAll(async () => {
  await server?.close();
  await cli?.close();
});

describe('upzento data-migrations', () => {
  test('list, run with a canary and --wait, status, rollback', async () => {
    const listed = await cli.json(['data-migrations', 'list']);
    expect(listed.items).toContainEqual(
      expect.objectContaining({
        name: 'client-settings-document',
        active: null,
        counts: expect.objectContaining({ pending: 3 }),
      }),
    );
    const human = await cli.run(['data-migrations', 'list']);
    expect(human.stdout).toMatch(/^NAME\s+NOW\s+AGENCIES\n/);
    expect(human.stdout).toContain('client-settings-document');

    const run = await cli.json([
      'data-migrations',
      'run',
      'client-settings-document',
      '--canary',
      agencies[1] as string,
      '--batch-size',
      '1',
      '--pause-ms',
      '0',
      '--wait',
    ]);
    expect(run.counts).toMatchObject({ done: 3, pending: 0, failed: 0 });
    expect(run.tenants.find((tenant: { canary: boolean }) => tenant.canary).agencyId).toBe(agencies[1]);

    const text = await cli.run(['data-migrations', 'status', 'client-settings-document']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('3 done');
    expect(text.stdout).toMatch(/AGENCY\s+STATE\s+CANARY/);

    const back = await cli.json(['data-migrations', 'rollback', 'client-settings-document', '--wait']);
    expect(back.counts).toMatchObject({ rolled_back: 3, done: 0 });
  }, 180_000);

  test('a failing agency exits 1 with --wait, is listed by --state, and is retried alone', async () => {
    const bad = agencies[2] as string;
    failFor.add(bad);
    const run = await cli.run([
      'data-migrations',
      'run',
      'test-failing',
      '--retries',
      '0',
      '--pause-ms',
      '0',
      '--wait',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 agencies failed');
    const failed = await cli.json(['data-migrations', 'status', 'test-failing', '--state', 'failed']);
    expect(failed.tenants).toEqual([expect.objectContaining({ agencyId: bad, state: 'failed', attempts: 1 })]);

    const again = await cli.run(['data-migrations', 'retry', 'test-failing', bad]);
    expect(again.code).toBe(1);
    failFor.clear();
    const retried = await cli.json(['data-migrations', 'retry', 'test-failing', bad]);
    expect(retried).toMatchObject({ agencyId: bad, state: 'done', attempts: 3 });
    const conflict = await cli.run(['data-migrations', 'retry', 'test-failing', bad]);
    expect(conflict.code).toBe(5);

    const one = await cli.run(['data-migrations', 'rollback', 'test-failing', '--agency', bad]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(`${bad}: rolled_back`);
  }, 180_000);

  test('refuses bad options before any request, and an unknown migration exits 4', async () => {
    const size = await cli.run(['data-migrations', 'run', 'test-failing', '--batch-size', '0']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--batch-size');
    const canary = await cli.run(['data-migrations', 'run', 'test-failing', '--canary', 'nope']);
    expect(canary.code).toBe(2);
    const state = await cli.run(['data-migrations', 'status', 'test-failing', '--state', 'finished']);
    expect(state.code).toBe(2);
    const unknown = await cli.run(['data-migrations', 'status', 'no-such-migration']);
    expect(unknown.code).toBe(4);
  }, 180_000);
});
