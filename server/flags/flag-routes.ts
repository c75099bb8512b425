/**
 * Feature flags down the tree (docs/flags.md):
 *   PUT | DELETE /v1/platform/flags/:flag                the platform's setting (the platform admin)
 *   GET          /v1/platform/flags                      the platform's settings
 *   PUT | DELETE /v1/agencies/:agencyId/flags/:flag      an agency's own setting (its admins, or above)
 *   PUT | DELETE /v1/clients/:clientId/flags/:flag       a client's own setting (its admins, or above)
 *   GET          /v1/agencies/:agencyId/flags[/:flag]    the flags decided for an agency, and which level decided
 *   GET          /v1/clients/:clientId/flags[/:flag]     the same for a client
 * Every change is audited and reaches the flag and widget caches of every instance (flag-events.ts).
 * A DELETE answers 204 whether or not the level set the flag: afterwards it does not.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse, List, Timestamp, Uuid } from '../http/schemas.ts';
import type { VerdictCache } from '../embedding/verdict-cache.ts';
import { FLAG_NAME, type FlagLevel } from './flag-rules.ts';
import { levelOf } from '../tenancy/access.ts';
import type { FlagCache } from './flag-cache.ts';
import { announceTenantFlagChange, applyFlagChange, notifyFlagChange } from './flag-events.ts';
import {
  platformSettings,
  removePlatformFlag,
  removeTenantFlag,
  setPlatformFlag,
  setTenantFlag,
  type StoredFlag,
} from './flag-settings.ts';

const FlagName = Type.String({
  pattern: FLAG_NAME,
  description: 'Lower case: a letter, then up to 63 of a-z 0-9 _ . -',
});
const State = Type.Union([Type.Literal('on'), Type.Literal('off'), Type.Literal('killed'), Type.Literal('rollout')], {
  description:
    '`killed`: off for this level and everything below it, which no level below can turn on again. ' +
    '`rollout`: on for the tenants whose bucket (0–99) is below `percent`.',
});
const Level = Type.Union([Type.Literal('platform'), Type.Literal('agency'), Type.Literal('client')]);

const FlagSettingChange = Type.Object(
  {
    state: State,
    percent: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: 'Required with `rollout`, only then.' }),
    ),
    public: Type.Optional(
      Type.Boolean({ description: "Its value reaches the widget's configuration. Default false." }),
    ),
  },
  { title: 'FlagSettingChange', additionalProperties: false },
);

const FlagSettingView = Type.Object(
  {
    flag: Type.String(),
    level: Level,
    /** The agency or client that sets it; null at the platform level. */
    tenantId: Type.Union([Uuid, Type.Null()]),
    state: State,
    percent: Type.Union([Type.Integer(), Type.Null()]),
    public: Type.Boolean(),
    updatedAt: Timestamp,
  },
  { title: 'FlagSetting' },
);

const LevelSetting = Type.Union([
  Type.Object({ state: State, percent: Type.Union([Type.Integer(), Type.Null()]), public: Type.Boolean() }),
  Type.Null(),
]);

const FlagEvaluationView = Type.Object(
  {
    flag: Type.String(),
    enabled: Type.Boolean(),
    decidedBy: Type.Union([Level, Type.Literal('rollout'), Type.Literal('default')], {
      description:
        'The level whose setting decided (a kill switch above wins), `rollout`, or `default` (no level sets it: off).',
    }),
    public: Type.Boolean(),
    bucket: Type.Integer({ minimum: 0, maximum: 99, description: "This tenant's bucket for the flag." }),
    rollout: Type.Union([Type.Object({ percent: Type.Integer(), setAt: Level }), Type.Null()]),
    settings: Type.Object({ platform: LevelSetting, agency: LevelSetting, client: LevelSetting }),
  },
  { title: 'FlagEvaluation' },
);

const PlatformFlagParams = Type.Object({ flag: FlagName });
const AgencyFlagParams = Type.Object({ agencyId: Uuid, flag: FlagName });
const ClientFlagParams = Type.Object({ clientId: Uuid, flag: FlagName });
const CHANGE_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

export interface FlagRoutesOptions {
  flags: FlagCache;
  verdicts: VerdictCache;
  platformId: string;
}

export const flagRoutes: FastifyPluginAsyncTypebox<FlagRoutesOptions> = async (
  app,
  { flags, verdicts, platformId },
) => {
  const caches = { flags, verdicts };
  const platform = { agencyId: platformId, tenantId: platformId, tenantType: 'platform' as const };

  const settingView = (level: FlagLevel, tenantId: string | null, stored: StoredFlag) => ({
    flag: stored.flag,
    level,
    tenantId,
    state: stored.state,
    percent: stored.percent,
    public: stored.public,
    updatedAt: stored.updatedAt,
  });

  app.get(
    '/v1/platform/flags',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { response: { 200: List(FlagSettingView), ...AUTHED_ERRORS } },
    },
    async () => {
      const stored = await app.data.privileged("flags: the platform admin lists the platform's settings", (db) =>
        platformSettings(db),
      );
      return { items: stored.map((setting) => settingView('platform', null, setting)) };
    },
  );

  app.put(
    '/v1/platform/flags/:flag',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: {
        params: PlatformFlagParams,
        body: FlagSettingChange,
        response: { 200: FlagSettingView, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const { stored } = await app.data.privileged('flags: the platform admin sets a platform flag', async (db) => {
        await notifyFlagChange(db, { level: 'platform' });
        return setPlatformFlag(db, platform, request.actor, request.params.flag, request.body);
      });
      // Committed: this instance drops what the change concerns now; the others when the NOTIFY arrives.
      applyFlagChange({ level: 'platform' }, caches);
      return settingView('platform', null, stored);
    },
  );

  app.delete(
    '/v1/platform/flags/:flag',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { params: PlatformFlagParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      const removed = await app.data.privileged('flags: the platform admin removes a platform flag', async (db) => {
        const done = await removePlatformFlag(db, platform, request.actor, request.params.flag);
        if (done) await notifyFlagChange(db, { level: 'platform' });
        return done;
      });
      if (removed) applyFlagChange({ level: 'platform' }, caches);
      return reply.code(204).send(null);
    },
  );

  for (const level of [
    { on: 'agency', base: '/v1/agencies/:agencyId/flags', params: AgencyParams, flagParams: AgencyFlagParams },
    { on: 'client', base: '/v1/clients/:clientId/flags', params: ClientParams, flagParams: ClientFlagParams },
  ] as const) {
    app.get(
      level.base,
      {
        config: { access: { on: level.on, role: 'viewer' } },
        schema: { params: level.params, response: { 200: List(FlagEvaluationView), ...AUTHED_ERRORS } },
      },
      async (request) => ({ items: await flags.evaluateAll(request.scope) }),
    );

    app.get(
      `${level.base}/:flag`,
      {
        config: { access: { on: level.on, role: 'viewer' } },
        schema: { params: level.flagParams, response: { 200: FlagEvaluationView, ...AUTHED_ERRORS } },
      },
      async (request) => flags.evaluate(request.scope, request.params.flag),
    );

    app.put(
      `${level.base}/:flag`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: {
          params: level.flagParams,
          body: FlagSettingChange,
          response: { 200: FlagSettingView, ...CHANGE_ERRORS },
        },
      },
      async (request) => {
        const { stored } = await request.scoped(async (q) => {
          const set = await setTenantFlag(q, request.params.flag, request.body);
          await announceTenantFlagChange(q, caches);
          return set;
        });
        const scope = request.scope;
        return settingView(levelOf(scope), scope.clientId ?? scope.agencyId, stored);
      },
    );

    app.delete(
      `${level.base}/:flag`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.flagParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
      },
      async (request, reply) => {
        await request.scoped(async (q) => {
          if (await removeTenantFlag(q, request.params.flag)) await announceTenantFlagChange(q, caches);
        });
        return reply.code(204).send(null);
      },
    );
  }
};
