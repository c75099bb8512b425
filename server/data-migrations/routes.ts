/**
 * The platform admin's data migrations: each one's progress across agencies, and the runs, rollbacks
 * and single-agency retries that change it. A run and a bulk rollback answer 202 and go on in this
 * process (runner.ts); their progress is read here while they do.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHED_ERRORS, ErrorResponse, List, Timestamp, Uuid } from '../http/schemas.ts';
import { aboutField, InvalidInput } from '../errors.ts';
import { DATA_MIGRATION_STATES, type DataMigrationState } from './data-migration.ts';
import { DEFAULT_RUN_OPTIONS, type DataMigrationRunner } from './runner.ts';
import { countsAcross, progressAcross, type StateCounts } from './progress.ts';

const MigrationName = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'The data migration.' });
const State = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
    Type.Literal('rolled_back'),
  ],
  { description: 'Where the migration stands for an agency (docs/data-migrations.md).' },
);
const Counts = Type.Object(
  Object.fromEntries(DATA_MIGRATION_STATES.map((state) => [state, Type.Integer({ minimum: 0 })])) as Record<
    DataMigrationState,
    ReturnType<typeof Type.Integer>
  >,
  { additionalProperties: false, description: 'Agencies per state; an agency not yet enrolled counts as pending.' },
);
const Operation = Type.Union([Type.Literal('run'), Type.Literal('rollback'), Type.Literal('tenant'), Type.Null()], {
  description: 'What this server is doing with the migration now: a run, a rollback, one agency, or nothing.',
});
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const DataMigrationSummary = Type.Object(
  { name: MigrationName, description: Type.String(), active: Operation, counts: Counts },
  { title: 'DataMigration', additionalProperties: false },
);
const TenantView = Type.Object(
  {
    agencyId: Uuid,
    state: State,
    canary: Type.Boolean(),
    batch: Nullable(Type.Integer({ description: '0 for the canaries, then 1, 2 …; null before its first attempt.' })),
    attempts: Type.Integer({ minimum: 0 }),
    startedAt: Nullable(Timestamp),
    finishedAt: Nullable(Timestamp),
    durationMs: Nullable(Type.Integer({ minimum: 0, description: "The last attempt's, or rollback's, time." })),
    lastError: Nullable(Type.String()),
  },
  { title: 'DataMigrationTenant', additionalProperties: false },
);
const DataMigrationStatus = Type.Object(
  {
    name: MigrationName,
    description: Type.String(),
    active: Operation,
    counts: Counts,
    tenants: Type.Array(TenantView),
  },
  { title: 'DataMigrationStatus', additionalProperties: false },
);
const RunRequest = Type.Object(
  {
    canaries: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 100,
        uniqueItems: true,
        description:
          'Agencies migrated first; if one still fails after its retries, the run stops there. Default none.',
      }),
    ),
    // Defaults in the descriptions, not as `default`: a generated client would make a defaulted property required.
    batchSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        description: `Agencies per batch after the canaries. Default ${DEFAULT_RUN_OPTIONS.batchSize}.`,
      }),
    ),
    concurrency: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 32,
        description: `Agencies migrated at once within a batch. Default ${DEFAULT_RUN_OPTIONS.concurrency}.`,
      }),
    ),
    pauseMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 3_600_000,
        description: `Wait between two batches, in ms. Default ${DEFAULT_RUN_OPTIONS.pauseMs}.`,
      }),
    ),
    retries: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10,
        description: `Further attempts of an agency whose step failed. Default ${DEFAULT_RUN_OPTIONS.retries}.`,
      }),
    ),
  },
  { title: 'DataMigrationRun', additionalProperties: false },
);
const RollbackRequest = Type.Object(
  {
    agencyIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 10_000,
        uniqueItems: true,
        description: 'Only these of the agencies that are done; default every one that is done.',
      }),
    ),
  },
  { title: 'DataMigrationRollback', additionalProperties: false },
);
const NameParams = Type.Object({ name: MigrationName });
const TenantParams = Type.Object({ name: MigrationName, agencyId: Uuid });
const StatusQuery = Type.Object({ state: Type.Optional(State) }, { additionalProperties: false });
const OPERATION_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

export interface DataMigrationRoutesOptions {
  runner: DataMigrationRunner;
}

export const dataMigrationRoutes: FastifyPluginAsyncTypebox<DataMigrationRoutesOptions> = async (app, { runner }) => {
  const admin = { access: { on: 'platform', role: 'admin' } } as const;

  const status = async (name: string, state: DataMigrationState | null = null) => {
    const migration = runner.migration(name);
    const { counts, tenants } = await progressAcross(app.data, name, state);
    return {
      name,
      description: migration.description,
      active: runner.activeOperation(name),
      counts,
      tenants,
    };
  };

  app.get(
    '/v1/platform/data-migrations',
    { config: admin, schema: { response: { 200: List(DataMigrationSummary), ...AUTHED_ERRORS } } },
    async () => {
      const migrations = runner.migrations;
      const counts: StateCounts[] = [];
      for (const migration of migrations) counts.push(await countsAcross(app.data, migration.name));
      return {
        items: migrations.map((migration, i) => ({
          name: migration.name,
          description: migration.description,
          active: runner.activeOperation(migration.name),
          counts: counts[i] as (typeof counts)[number],
        })),
      };
    },
  );

  app.get(
    '/v1/platform/data-migrations/:name',
    {
      config: admin,
      schema: {
        params: NameParams,
        querystring: StatusQuery,
        response: { 200: DataMigrationStatus, ...AUTHED_ERRORS },
      },
    },
    async (request) => status(request.params.name, request.query.state ?? null),
  );

  app.post(
    '/v1/platform/data-migrations/:name/runs',
    {
      config: admin,
      schema: {
        params: NameParams,
        body: RunRequest,
        response: { 202: DataMigrationStatus, ...OPERATION_ERRORS },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const options = { ...DEFAULT_RUN_OPTIONS, ...request.body };
      const { unknownCanaries } = await runner.startRun(name, request.actor, options);
      const unknown = unknownCanaries[0];
      if (unknown !== undefined) {
        const at = `canaries.${options.canaries.indexOf(unknown)}`;
        throw aboutField(new InvalidInput(`${at}: no agency has the id ${unknown}`), at);
      }
      return reply.code(202).send(await status(name));
    },
  );

  app.post(
    '/v1/platform/data-migrations/:name/rollback',
    {
      config: admin,
      schema: {
        params: NameParams,
        body: RollbackRequest,
        response: { 202: DataMigrationStatus, ...OPERATION_ERRORS },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      runner.startRollback(name, request.actor, request.body.agencyIds ?? null);
      return reply.code(202).send(await status(name));
    },
  );

  app.post(
    '/v1/platform/data-migrations/:name/tenants/:agencyId/retry',
    {
      config: admin,
      schema: { params: TenantParams, response: { 200: TenantView, ...OPERATION_ERRORS } },
    },
    async (request) => runner.retryOne(request.params.name, request.params.agencyId, request.actor),
  );

  app.post(
    '/v1/platform/data-migrations/:name/tenants/:agencyId/rollback',
    {
      config: admin,
      schema: { params: TenantParams, response: { 200: TenantView, ...OPERATION_ERRORS } },
    },
    async (request) => runner.rollBackOne(request.params.name, request.params.agencyId, request.actor),
  );
};
