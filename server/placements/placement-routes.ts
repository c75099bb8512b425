/**
 * Where agencies are served from (docs/scaling.md), for the platform admin:
 *   GET /v1/platform/databases              the deployment's databases and how many agencies each serves
 *   GET /v1/agencies/:agencyId/placement    an agency's database and pool
 *   PUT /v1/agencies/:agencyId/placement    gives it a pool of its own, or moves it to another database
 * A move answers once it is done: the rows copied by table, the audit chains verified, and the pause.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Placements } from '../db/placements.ts';
import { AgencyParams, AUTHED_ERRORS, ErrorResponse, List } from '../http/schemas.ts';
import {
  changePlacement,
  PlacementChange,
  PlacementRequest,
  PlacementView,
  placementView,
} from './placement-change.ts';

export interface PlacementRoutesOptions {
  placements: Placements;
  /** Longest an agency's requests are held while it moves; default agency-move.ts's. */
  maxPauseMs?: number;
}

const DatabaseView = Type.Object(
  {
    name: Type.String(),
    kind: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
    agencies: Type.Integer({ description: 'Agencies placed in it; for `shared`, those of its own too.' }),
  },
  { additionalProperties: false, title: 'Database' },
);

export const placementRoutes: FastifyPluginAsyncTypebox<PlacementRoutesOptions> = async (app, options) => {
  const { placements } = options;
  const context = {
    data: app.data,
    placements,
    ...(options.maxPauseMs !== undefined && { maxPauseMs: options.maxPauseMs }),
  };

  app.get(
    '/v1/platform/databases',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { response: { 200: List(DatabaseView), ...AUTHED_ERRORS } },
    },
    async () => {
      const counts = await app.data.privilegedEach('placement: agencies of each database', async (db, name) => {
        const row = await db
          .selectFrom('agencies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('moved_to', 'is', null)
          .executeTakeFirstOrThrow();
        return { name, agencies: Number(row.n) };
      });
      return {
        items: counts.map(({ name, agencies }) => ({
          name,
          kind: (placements.handle(name) as { kind: 'postgres' | 'pglite' }).kind,
          agencies,
        })),
      };
    },
  );

  app.get(
    '/v1/agencies/:agencyId/placement',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { params: AgencyParams, response: { 200: PlacementView, ...AUTHED_ERRORS } },
    },
    async (request) => placementView(placements, request.params.agencyId),
  );

  app.put(
    '/v1/agencies/:agencyId/placement',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: {
        params: AgencyParams,
        body: PlacementRequest,
        response: { 200: PlacementChange, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    // The schema checked poolSize; its type-array form is unknown to the type provider.
    async (request) =>
      changePlacement(context, request.params.agencyId, request.body as PlacementRequest, request.actor),
  );
};
