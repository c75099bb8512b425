/** The signed-in user's claims, for every page, and where each kind of user starts. */
import { createContext, type FunctionComponent } from 'preact';
import { useContext } from 'preact/hooks';
import type { Claims } from './session.ts';

export const SignedIn = createContext<Claims>(null as unknown as Claims);

export function useClaims(): Claims {
  return useContext(SignedIn);
}

/** Where a user lands: the platform on its health, an agency on its clients, a client on its first page. */
export function homeOf(claims: Claims): string {
  if (claims.tty === 'platform') return '/platform/health';
  if (claims.tty === 'agency') return `/agencies/${claims.tid}`;
  return clientHome(claims, claims.tid);
}

/** A client's first page for this user: its domains for an admin, its leads for the roles the API refuses domains. */
export function clientHome(claims: Claims, clientId: string): string {
  return `/clients/${clientId}/${claims.role === 'admin' ? 'domains' : 'leads'}`;
}

export interface Route {
  pattern: string;
  /** Takes the pattern's parameters as its props (`:clientId` → `clientId`). */
  // biome-ignore lint/suspicious/noExplicitAny: each page names its own parameters; match() gives them by the pattern
  Component: FunctionComponent<any>;
}
