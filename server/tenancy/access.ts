/**
 * Who may act where. A caller acts on its own tenant or down the tree (platform → agency →
 * client), never sideways or up; its role decides what it may do there.
 */
import type { Role, TenantType } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-db.ts';
import type { TenantContext } from './tenant-context.ts';

/** Roles in order: each may do what the ones below it may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 0, member: 1, admin: 2 };
const LEVEL: Record<TenantType, number> = { client: 0, agency: 1, platform: 2 };

/** Whether tenants of type `a` sit higher in the tree than those of type `b`. */
export function isAbove(a: TenantType, b: TenantType): boolean {
  return LEVEL[a] > LEVEL[b];
}

/** viewer reads; member also writes CRM data; admin also manages users, settings and domains. */
export function hasRole(context: TenantContext, needed: Role): boolean {
  return ROLE_RANK[context.role] >= ROLE_RANK[needed];
}

/** The scope for acting on an agency, or null when the agency is outside the caller's subtree. */
export function agencyScope(context: TenantContext, agencyId: string): TenantScope | null {
  if (context.tenantType === 'platform') return { agencyId, clientId: null };
  if (context.tenantType === 'agency' && context.tenantId === agencyId) return { agencyId, clientId: null };
  return null;
}

/**
 * The scope for acting on a client, given the agency the client belongs to (null when no such
 * client exists), or null when the client is outside the caller's subtree.
 */
export function clientScope(
  context: TenantContext,
  clientId: string,
  agencyOfClient: string | null,
): TenantScope | null {
  if (agencyOfClient === null) return null;
  if (context.tenantType === 'platform') return { agencyId: agencyOfClient, clientId };
  if (context.tenantType === 'agency' && context.tenantId === agencyOfClient)
    return { agencyId: agencyOfClient, clientId };
  if (context.tenantType === 'client' && context.tenantId === clientId && context.parentId === agencyOfClient) {
    return { agencyId: agencyOfClient, clientId };
  }
  return null;
}

/** The level of a scope's own users and invitations: its client's, or the agency's (not its clients'). */
export function levelOf(scope: TenantScope): 'agency' | 'client' {
  return scope.clientId ? 'client' : 'agency';
}
