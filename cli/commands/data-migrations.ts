/** The platform admin's data migrations: their progress per agency, runs, rollbacks and single-agency retries. */
import type { Command } from 'commander';
import type { DataMigrationStatus } from '../api.ts';
import { act, leaf, requireId, when } from '../command-kit.ts';
import { CliFailure, ExitCode, usage } from '../failure.ts';
import { fields, table } from '../output.ts';

const STATES = ['pending', 'running', 'done', 'failed', 'rolled_back'] as const;
const POLL_MS = 500;

const collect = (value: string, previous: string[]) => [...previous, value];

function wholeNumber(value: unknown, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw usage(`${flag}: a whole number from ${min} to ${max}, not "${String(value)}".`);
  return number;
}

function counts(status: Pick<DataMigrationStatus, 'counts'>): string {
  return STATES.map((state) => `${status.counts[state]} ${state.replace('_', ' ')}`).join(', ');
}

function statusText(status: DataMigrationStatus): string {
  const head = fields([
    ['name', status.name],
    ['what', status.description],
    ['now', status.active ?? 'idle'],
    ['agencies', counts(status)],
  ]);
  if (status.tenants.length === 0) return head;
  const rows = status.tenants.map((tenant) => [
    tenant.agencyId,
    tenant.state,
    tenant.canary ? 'yes' : '',
    tenant.batch === null ? '' : String(tenant.batch),
    String(tenant.attempts),
    tenant.durationMs === null ? '' : String(tenant.durationMs),
    tenant.finishedAt ? when(tenant.finishedAt) : '',
    tenant.lastError ?? '',
  ]);
  return `${head}\n\n${table(['AGENCY', 'STATE', 'CANARY', 'BATCH', 'ATTEMPTS', 'MS', 'FINISHED', 'LAST ERROR'], rows)}`;
}

export function registerDataMigrations(program: Command): void {
  const migrations = program
    .command('data-migrations')
    .description('data migrations run per agency (platform admin; docs/data-migrations.md)');

  const status = (context: Parameters<Parameters<typeof act>[1]>[0], name: string, state?: string) =>
    context.call('GET /v1/platform/data-migrations/{name}', {
      params: { name },
      ...(state !== undefined && { query: { state: state as (typeof STATES)[number] } }),
    });

  /** Polls until the server is no longer busy with the migration; exit 1 when an agency is left failed. */
  const waitFor = async (context: Parameters<Parameters<typeof act>[1]>[0], name: string) => {
    let current = await status(context, name);
    while (current.active !== null) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      current = await status(context, name);
    }
    context.out.data(current, statusText);
    if (current.counts.failed > 0)
      throw new CliFailure(
        ExitCode.generic,
        `${current.counts.failed} agencies failed in ${name}.`,
        `\`upzento data-migrations status ${name} --state failed\` lists them; \`upzento data-migrations retry ${name} <agencyId>\` tries one again.`,
      );
  };

  act(
    leaf(migrations, 'list', 'list the data migrations and how many agencies each has reached', [
      'upzento data-migrations list',
      'upzento data-migrations list --json',
    ]),
    async (context) => {
      const list = await context.call('GET /v1/platform/data-migrations', {});
      context.out.list(
        list,
        ({ items }) =>
          table(
            ['NAME', 'NOW', 'AGENCIES'],
            items.map((item) => [item.name, item.active ?? 'idle', counts(item)]),
          ),
        'This server has no data migrations.',
      );
    },
  );

  act(
    leaf(migrations, 'status <name>', "a data migration's progress, agency by agency", [
      'upzento data-migrations status client-settings-document',
      'upzento data-migrations status client-settings-document --state failed --json',
    ]).option('--state <state>', `only the agencies in this state (${STATES.join(', ')})`),
    async (context, name) => {
      const state = context.options.state as string | undefined;
      if (state !== undefined && !(STATES as readonly string[]).includes(state))
        throw usage(`--state: one of ${STATES.join(', ')}, not "${state}".`);
      context.out.data(await status(context, name as string, state), statusText);
    },
  );

  act(
    leaf(migrations, 'run <name>', 'run it: the canaries first, then every other agency not done, in batches', [
      'upzento data-migrations run client-settings-document --canary 6f1c… --batch-size 100 --wait',
      'upzento data-migrations run client-settings-document --concurrency 8 --pause-ms 500 --retries 3',
    ])
      .option(
        '--canary <agencyId>',
        'an agency to migrate first (repeat for more); a canary that fails stops the run',
        collect,
        [],
      )
      .option('--batch-size <n>', 'agencies per batch (default 50)')
      .option('--concurrency <n>', 'agencies at once within a batch (default 4)')
      .option('--pause-ms <ms>', 'wait between batches (default 1000)')
      .option('--retries <n>', 'further attempts of a failing agency (default 2)')
      .option('--wait', 'wait for the run to end and print the result (exit 1 when an agency failed)'),
    async (context, name) => {
      const { options } = context;
      const canaries = (options.canary as string[]).map((id) => requireId(id, '--canary', 'upzento agencies list'));
      const body = {
        ...(canaries.length > 0 && { canaries }),
        ...numberOption('batchSize', wholeNumber(options.batchSize, '--batch-size', 1, 10_000)),
        ...numberOption('concurrency', wholeNumber(options.concurrency, '--concurrency', 1, 32)),
        ...numberOption('pauseMs', wholeNumber(options.pauseMs, '--pause-ms', 0, 3_600_000)),
        ...numberOption('retries', wholeNumber(options.retries, '--retries', 0, 10)),
      };
      const started = await context.call('POST /v1/platform/data-migrations/{name}/runs', {
        params: { name: name as string },
        body,
      });
      if (options.wait) return waitFor(context, name as string);
      context.out.data(started, statusText);
      if (!context.out.json) context.out.note(`Started; \`upzento data-migrations status ${name}\` follows it.`);
    },
  );

  act(
    leaf(migrations, 'rollback <name>', 'roll back the agencies that are done, the newest first (or one agency)', [
      'upzento data-migrations rollback client-settings-document --wait',
      'upzento data-migrations rollback client-settings-document --agency 6f1c…',
    ])
      .option('--agency <agencyId>', 'only this agency, now (done or failed)')
      .option('--wait', 'wait for the rollback to end and print the result'),
    async (context, name) => {
      const agency = context.options.agency as string | undefined;
      if (agency !== undefined) {
        const agencyId = requireId(agency, '--agency', `upzento data-migrations status ${name}`);
        const tenant = await context.call('POST /v1/platform/data-migrations/{name}/tenants/{agencyId}/rollback', {
          params: { name: name as string, agencyId },
        });
        return context.out.data(tenant, (value) => `${value.agencyId}: ${value.state}`);
      }
      const started = await context.call('POST /v1/platform/data-migrations/{name}/rollback', {
        params: { name: name as string },
        body: {},
      });
      if (context.options.wait) return waitFor(context, name as string);
      context.out.data(started, statusText);
    },
  );

  act(
    leaf(migrations, 'retry <name> <agencyId>', 'migrate one agency that is not done again, now', [
      'upzento data-migrations retry client-settings-document 6f1c…',
    ]),
    async (context, name, agency) => {
      const agencyId = requireId(agency as string, 'agencyId', `upzento data-migrations status ${name}`);
      const tenant = await context.call('POST /v1/platform/data-migrations/{name}/tenants/{agencyId}/retry', {
        params: { name: name as string, agencyId },
      });
      context.out.data(
        tenant,
        (value) => `${value.agencyId}: ${value.state}${value.lastError ? ` (${value.lastError})` : ''}`,
      );
      if (tenant.state === 'failed')
        throw new CliFailure(ExitCode.generic, `${agencyId} failed again: ${tenant.lastError ?? 'no error text'}`);
    },
  );
}

function numberOption<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
