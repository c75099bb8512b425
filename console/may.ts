/**
 * Whether the signed-in user's role reaches the one a route asks for (its `config.access.role`), so
 * a page hides controls the API would refuse. The API still decides: a refusal is shown as it says.
 */
import type { Claims } from './session.ts';

const RANK = { viewer: 0, member: 1, admin: 2 } as const;

export function mayAct(claims: Claims, needed: keyof typeof RANK): boolean {
  return RANK[claims.role] >= RANK[needed];
}
