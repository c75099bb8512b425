/**
 * Routes that exist at two levels of the tree, `/v1/agencies/{agencyId}/…` and
 * `/v1/clients/{clientId}/…`, with the same bodies: one call per route, for either level.
 */
import type { Role } from './api.ts';
import type { Context, TenantRef } from './command-kit.ts';

export function tenantCalls(context: Context, tenant: TenantRef) {
  const agency = tenant.type === 'agency' ? { agencyId: tenant.id } : null;
  const client = { clientId: tenant.id };
  return {
    listUsers: () =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/users', { params: agency })
        : context.call('GET /v1/clients/{clientId}/users', { params: client }),
    addUser: (body: { email: string; password: string; role: Role }) =>
      agency
        ? context.call('POST /v1/agencies/{agencyId}/users', { params: agency, body })
        : context.call('POST /v1/clients/{clientId}/users', { params: client, body }),
    setRole: (userId: string, role: Role) =>
      agency
        ? context.call('PATCH /v1/agencies/{agencyId}/users/{userId}', {
            params: { ...agency, userId },
            body: { role },
          })
        : context.call('PATCH /v1/clients/{clientId}/users/{userId}', {
            params: { ...client, userId },
            body: { role },
          }),
    removeUser: (userId: string) =>
      agency
        ? context.call('DELETE /v1/agencies/{agencyId}/users/{userId}', { params: { ...agency, userId } })
        : context.call('DELETE /v1/clients/{clientId}/users/{userId}', { params: { ...client, userId } }),
    invite: (body: { email: string; role: Role }) =>
      agency
        ? context.call('POST /v1/agencies/{agencyId}/invitations', { params: agency, body })
        : context.call('POST /v1/clients/{clientId}/invitations', { params: client, body }),
    listInvitations: () =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/invitations', { params: agency })
        : context.call('GET /v1/clients/{clientId}/invitations', { params: client }),
    withdrawInvitation: (invitationId: string) =>
      agency
        ? context.call('DELETE /v1/agencies/{agencyId}/invitations/{invitationId}', {
            params: { ...agency, invitationId },
          })
        : context.call('DELETE /v1/clients/{clientId}/invitations/{invitationId}', {
            params: { ...client, invitationId },
          }),
    auditLog: (query: { limit?: number; cursor?: string }) =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/audit-log', { params: agency, query })
        : context.call('GET /v1/clients/{clientId}/audit-log', { params: client, query }),
    requestExport: () =>
      agency
        ? context.call('POST /v1/agencies/{agencyId}/exports', { params: agency })
        : context.call('POST /v1/clients/{clientId}/exports', { params: client }),
    listExports: () =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/exports', { params: agency })
        : context.call('GET /v1/clients/{clientId}/exports', { params: client }),
    readExport: (exportId: string) =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/exports/{exportId}', { params: { ...agency, exportId } })
        : context.call('GET /v1/clients/{clientId}/exports/{exportId}', { params: { ...client, exportId } }),
    requestDeletion: (body: { graceDays?: number }) =>
      agency
        ? context.call('POST /v1/agencies/{agencyId}/deletion', { params: agency, body })
        : context.call('POST /v1/clients/{clientId}/deletion', { params: client, body }),
    readDeletion: () =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/deletion', { params: agency })
        : context.call('GET /v1/clients/{clientId}/deletion', { params: client }),
    cancelDeletion: () =>
      agency
        ? context.call('DELETE /v1/agencies/{agencyId}/deletion', { params: agency })
        : context.call('DELETE /v1/clients/{clientId}/deletion', { params: client }),
    verifyAudit: () =>
      agency
        ? context.call('GET /v1/agencies/{agencyId}/audit-log/verify', { params: agency })
        : context.call('GET /v1/clients/{clientId}/audit-log/verify', { params: client }),
  };
}
