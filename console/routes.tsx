/**
 * Every console page by path (after /console). Pages of a client are wrapped in ClientFrame, which
 * gives the agency and the platform the client's name and its own navigation.
 */
import type { Route } from './signed-in.ts';

export const ROUTES: Route[] = [];
