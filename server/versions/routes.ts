/**
 * API versions (docs/versions.md):
 *   GET    /v1/versions                         every version, newest first, its changes, deprecation and sunset (public)
 *   GET    /v1/agencies/:agencyId/api-version   the version the agency is pinned to (viewer)
 *   PUT    /v1/agencies/:agencyId/api-version   upgrade the pin, or roll the last upgrade back within 72 hours (admin)
 *   GET    /v1/clients/:clientId/api-version    the version the client is served in, its own pin or its agency's (viewer)
 *   PUT    /v1/clients/:clientId/api-version    pin the client, by the same rules (admin)
 *   DELETE /v1/clients/:clientId/api-version    remove the client's pin: it follows its agency again (admin)
 * Every change is audited and seen by every instance at once.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse, Timestamp } from '../http/schemas.ts';
import { aboutField, UnknownVersion } from '../errors.ts';
import { API_VERSIONS, KNOWN_VERSIONS_TEXT, knownVersion, LIFECYCLES, NEWEST_VERSION } from './api-versions.ts';
import { VERSION_CHANGES } from './changes/index.ts';
import { pinVersion, readPin, unpinClient, type PinState } from './pins.ts';
import type { VersionChange } from './version-change.ts';

const Day = Type.String({ format: 'date' });
const Version = Type.String({ format: 'date', description: 'An API version: the day it was made, `YYYY-MM-DD`.' });

const ApiVersionInfo = Type.Object(
  {
    version: Version,
    newest: Type.Boolean(),
    deprecatedOn: Type.Union([Day, Type.Null()]),
    sunsetOn: Type.Union([Day, Type.Null()]),
    /** What this version changed from the one before it. */
    changes: Type.Array(Type.Object({ description: Type.String() })),
  },
  { title: 'ApiVersion' },
);
const ApiVersionList = Type.Object({ newest: Version, items: Type.Array(ApiVersionInfo) }, { title: 'ApiVersionList' });
const ApiVersionPin = Type.Object(
  {
    version: Version,
    source: Type.Union([Type.Literal('agency'), Type.Literal('client')]),
    pinnedAt: Type.Union([Timestamp, Type.Null()]),
    rollbackTo: Type.Union([Version, Type.Null()]),
    rollbackUntil: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'ApiVersionPin' },
);
// Checked by the handler rather than by a pattern, so that any version this API does not have is the one error.
const PinBody = Type.Object(
  { version: Type.String({ minLength: 1, maxLength: 40 }) },
  { title: 'ApiVersionChoice', additionalProperties: false },
);

function pinView(state: PinState) {
  return {
    version: state.version,
    source: state.source,
    pinnedAt: state.pinnedAt,
    rollbackTo: state.rollbackTo,
    rollbackUntil: state.rollbackUntil,
  };
}

/** The versions, newest first, each with the changes it made. */
export function versionList(changes: readonly VersionChange[] = VERSION_CHANGES) {
  return {
    newest: NEWEST_VERSION,
    items: [...API_VERSIONS].reverse().map((version) => ({
      version,
      newest: version === NEWEST_VERSION,
      ...LIFECYCLES[version],
      changes: changes
        .filter((change) => change.version === version)
        .map((change) => ({ description: change.description })),
    })),
  };
}

function targetOf(version: string) {
  const known = knownVersion(version);
  if (known === null) throw aboutField(new UnknownVersion('version', KNOWN_VERSIONS_TEXT), 'version');
  return known;
}

export interface VersionRoutesOptions {
  now: () => Date;
}

export const versionRoutes: FastifyPluginAsyncTypebox<VersionRoutesOptions> = async (app, { now }) => {
  const list = versionList();
  const pins = app.versionPins;

  app.get(
    '/v1/versions',
    { config: { access: { public: true } }, schema: { response: { 200: ApiVersionList } } },
    async () => list,
  );

  app.get(
    '/v1/agencies/:agencyId/api-version',
    {
      config: { access: { on: 'agency', role: 'viewer' } },
      schema: { params: AgencyParams, response: { 200: ApiVersionPin, ...AUTHED_ERRORS } },
    },
    async (request) => pinView(await request.scoped((q) => readPin(q, NEWEST_VERSION, now()))),
  );

  app.put(
    '/v1/agencies/:agencyId/api-version',
    {
      config: { access: { on: 'agency', role: 'admin' } },
      schema: {
        params: AgencyParams,
        body: PinBody,
        response: { 200: ApiVersionPin, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request) => {
      const target = targetOf(request.body.version);
      const state = await request.scoped((q) => pinVersion(q, target, { now: now(), pins, inherited: NEWEST_VERSION }));
      return pinView(state);
    },
  );

  app.get(
    '/v1/clients/:clientId/api-version',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: ApiVersionPin, ...AUTHED_ERRORS } },
    },
    async (request) => {
      // Read before the transaction: a client's scope cannot see its agency's pin.
      const inherited = await pins.agencyVersion(request.scope.agencyId);
      return pinView(await request.scoped((q) => readPin(q, inherited, now())));
    },
  );

  app.put(
    '/v1/clients/:clientId/api-version',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: {
        params: ClientParams,
        body: PinBody,
        response: { 200: ApiVersionPin, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request) => {
      const target = targetOf(request.body.version);
      const inherited = await pins.agencyVersion(request.scope.agencyId);
      const state = await request.scoped((q) => pinVersion(q, target, { now: now(), pins, inherited }));
      return pinView(state);
    },
  );

  app.delete(
    '/v1/clients/:clientId/api-version',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      await request.scoped((q) => unpinClient(q, pins));
      return reply.code(204).send(null);
    },
  );
};
