/**
 * The tenant context every authenticated request carries, and its JWT form.
 * Claims: sub (user id), tid (tenant id), tty (tenant type), pid (parent tenant id or null), role,
 * ver (the account's token version when the token was issued; tokens from before it existed have
 * none, which reads as 0, the version every account starts at).
 */
import type { Role, TenantType } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';

export interface TenantContext {
  readonly userId: string;
  readonly tenantId: string;
  readonly tenantType: TenantType;
  readonly parentId: string | null;
  readonly role: Role;
  /** The account's token version the token was issued under. */
  readonly tokenVersion: number;
}

export interface TenantClaims {
  sub: string;
  tid: string;
  tty: TenantType;
  pid: string | null;
  role: Role;
  ver: number;
}

/** Access tokens live at most this long. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const TENANT_TYPES: readonly string[] = ['platform', 'agency', 'client'];
const ROLES: readonly string[] = ['admin', 'member', 'viewer'];

export function toClaims(context: TenantContext): TenantClaims {
  return {
    sub: context.userId,
    tid: context.tenantId,
    tty: context.tenantType,
    pid: context.parentId,
    role: context.role,
    ver: context.tokenVersion,
  };
}

/**
 * Turns verified claims into a context, or null when they do not describe a possible tenant:
 * a signature proves who issued the token, not that its shape is one we issue.
 */
export function fromClaims(claims: unknown): TenantContext | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const { sub, tid, tty, pid, role, ver } = claims as Record<string, unknown>;
  if (!isUuid(sub) || !isUuid(tid) || typeof tty !== 'string' || !TENANT_TYPES.includes(tty)) return null;
  if (typeof role !== 'string' || !ROLES.includes(role)) return null;
  const tenantType = tty as TenantType;
  if (tenantType === 'platform' ? pid !== null : !isUuid(pid)) return null;
  if (tenantType === 'platform' && role !== 'admin') return null;
  if (ver !== undefined && !(Number.isSafeInteger(ver) && (ver as number) >= 0)) return null;
  const tokenVersion = (ver as number | undefined) ?? 0;
  return {
    userId: sub,
    tenantId: tid,
    tenantType,
    parentId: (pid as string | null) ?? null,
    role: role as Role,
    tokenVersion,
  };
}
