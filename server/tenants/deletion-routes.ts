/**
 * Deletion of agencies (by the platform admin) and of clients (by their agency's admins or the
 * platform admin): `POST …/deletion` schedules it (202: the tenant is suspended at once, its export
 * is queued), `GET …/deletion` shows how far it got and where the export is, `DELETE …/deletion`
 * cancels it while the grace period lasts. deletion.ts does the work; the deletion round purges.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse } from '../http/schemas.ts';
import { NotFound } from '../errors.ts';
import {
  cancelDeletion,
  DEFAULT_GRACE_DAYS,
  DeletionRequest,
  deletionPath,
  deletionView,
  findDeletion,
  requestDeletion,
  TenantDeletion,
} from './deletion.ts';

export interface DeletionRoutesOptions {
  now: () => Date;
  /** An export was queued: the privacy round should take it up. */
  exportQueued: () => void;
}

const ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

export const deletionRoutes: FastifyPluginAsyncTypebox<DeletionRoutesOptions> = async (app, { now, exportQueued }) => {
  const caches = { credentials: app.credentials, verdicts: app.verdicts };

  for (const level of ['agencies', 'clients'] as const) {
    const on = level === 'agencies' ? ('agency' as const) : ('client' as const);
    const path = `/v1/${level}/${level === 'agencies' ? ':agencyId' : ':clientId'}/deletion`;
    const Params = level === 'agencies' ? AgencyParams : ClientParams;

    app.post(
      path,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params: Params, body: DeletionRequest, response: { 202: TenantDeletion, ...ERRORS } },
      },
      async (request, reply) => {
        const graceDays = request.body?.graceDays ?? DEFAULT_GRACE_DAYS;
        const { deletion, job } = await request.scoped((q) =>
          requestDeletion(q, request.tenant.tenantType, graceDays, now(), caches),
        );
        exportQueued();
        return reply.code(202).header('location', deletionPath(deletion)).send(deletionView(deletion, job));
      },
    );

    app.get(
      path,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params: Params, response: { 200: TenantDeletion, ...AUTHED_ERRORS } },
      },
      async (request) => {
        const found = await request.scoped((q) => findDeletion(q));
        if (!found) throw new NotFound('Deletion');
        return deletionView(found.deletion, found.job);
      },
    );

    app.delete(
      path,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params: Params, response: { 200: TenantDeletion, ...ERRORS } },
      },
      async (request) => {
        const { deletion, job } = await request.scoped((q) =>
          cancelDeletion(q, request.tenant.tenantType, now(), caches),
        );
        return deletionView(deletion, job);
      },
    );
  }
};
