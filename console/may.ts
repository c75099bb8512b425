/**
 * Whether the signed-in user's role reaches the one a route asks for (its `config.access.role`), so
 * a page hides controls the API would refuse. The API still decides: a refusal is shown as it says.
 */
import type { Claims } from './session.ts';

const RANK = { viewer: 0, member: 1, admin: 2 } as const;

export function mayAct(claims: Claims, needed: keyof typeof RANK): boolean {
  return RANK[claims.role] >= RANK[needed];
}

const TENANT_RANK = { client: 0, agency: 1, platform: 2 } as const;

/**
 * Whether the API lets the signed-in admin change or remove `user` of a tenant of type `level`: itself,
 * anyone of a tenant below, or anyone of a lower role; never a fellow admin (server/tenants/users.ts).
 */
export function mayChangeUser(
  claims: Claims,
  user: { id: string; role: keyof typeof RANK },
  level: keyof typeof TENANT_RANK,
): boolean {
  return user.id === claims.sub || TENANT_RANK[claims.tty] > TENANT_RANK[level] || RANK[user.role] < RANK[claims.role];
}

/** Whether `to` is a lower role than `from`. */
export function lowers(from: keyof typeof RANK, to: keyof typeof RANK): boolean {
  return RANK[to] < RANK[from];
}
