/**
 * A client's identity verification (docs/identity.md):
 *   GET    /v1/clients/:clientId/identity                   the setting, and when the secret was made (viewer)
 *   PATCH  /v1/clients/:clientId/identity                   change the setting (admin)
 *   POST   /v1/clients/:clientId/identity-secret            a new secret, shown this once (admin)
 *   DELETE /v1/clients/:clientId/identity-secret/previous   the replaced secret stops verifying now (admin)
 * Every change is audited; no audit row and no other answer holds a secret.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHED_ERRORS, ClientParams, ErrorResponse, Timestamp } from '../http/schemas.ts';
import { IdentitySecretMissing } from '../errors.ts';
import {
  changeIdentitySettings,
  readIdentitySettings,
  revokePreviousSecret,
  rotateSecret,
  type IdentitySettingsChange,
} from './identity-settings.ts';

/** How long a replaced secret keeps verifying, unless the deployment sets otherwise: 24 hours. */
export const DEFAULT_SECRET_OVERLAP_MS = 24 * 3_600_000;

const Verification = Type.Union([Type.Literal('off'), Type.Literal('optional'), Type.Literal('required')]);
// One `type` list, not a union: Ajv's type coercion would satisfy a union's null branch with 0.
const MaxAge = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 31_536_000 });

const Identity = Type.Object({
  verification: Verification,
  allowAnonymous: Type.Boolean(),
  maxAgeSeconds: MaxAge,
  secret: Type.Union([
    Type.Object({ createdAt: Timestamp, previousValidUntil: Type.Union([Timestamp, Type.Null()]) }),
    Type.Null(),
  ]),
});
const IdentityChange = Type.Object(
  {
    verification: Type.Optional(Verification),
    allowAnonymous: Type.Optional(Type.Boolean()),
    maxAgeSeconds: Type.Optional(MaxAge),
  },
  { additionalProperties: false, minProperties: 1 },
);
const NewSecret = Type.Object({
  secret: Type.String(),
  createdAt: Timestamp,
  previousValidUntil: Type.Union([Timestamp, Type.Null()]),
});

export interface IdentityRoutesOptions {
  now: () => Date;
  /** How long a replaced secret keeps verifying; default 24 h. */
  secretOverlapMs?: number;
}

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRoutesOptions> = async (
  app,
  { now, secretOverlapMs = DEFAULT_SECRET_OVERLAP_MS },
) => {
  app.get(
    '/v1/clients/:clientId/identity',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: Identity, ...AUTHED_ERRORS } },
    },
    async (request) => request.scoped((q) => readIdentitySettings(q, now())),
  );

  app.patch(
    '/v1/clients/:clientId/identity',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: {
        params: ClientParams,
        body: IdentityChange,
        response: { 200: Identity, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request) => {
      const change = request.body as IdentitySettingsChange;
      return request.scoped(async (q) => {
        const settings = await changeIdentitySettings(q, change, now());
        if (!settings) throw new IdentitySecretMissing(request.params.clientId);
        await q.audit({
          action: 'identity_settings.updated',
          targetType: 'identity_settings',
          targetId: q.scope.clientId,
          details: {
            verification: settings.verification,
            allowAnonymous: settings.allowAnonymous,
            maxAgeSeconds: settings.maxAgeSeconds,
            changed: Object.keys(change),
          },
        });
        return settings;
      });
    },
  );

  app.post(
    '/v1/clients/:clientId/identity-secret',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, response: { 201: NewSecret, ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      const rotated = await request.scoped(async (q) => {
        const made = await rotateSecret(q, now(), secretOverlapMs);
        await q.audit({
          action: made.previousValidUntil === null ? 'identity.secret_created' : 'identity.secret_rotated',
          targetType: 'identity_settings',
          targetId: q.scope.clientId,
          details: { previousValidUntil: made.previousValidUntil?.toISOString() ?? null },
        });
        return made;
      });
      return reply.code(201).send(rotated);
    },
  );

  app.delete(
    '/v1/clients/:clientId/identity-secret/previous',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      await request.scoped(async (q) => {
        if (await revokePreviousSecret(q, now())) {
          await q.audit({
            action: 'identity.previous_secret_revoked',
            targetType: 'identity_settings',
            targetId: q.scope.clientId,
          });
        }
      });
      return reply.code(204).send(null);
    },
  );
};
