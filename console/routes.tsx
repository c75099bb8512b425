/**
 * Every console page by path (after /console). Pages of a client are wrapped in ClientFrame, which
 * gives the agency and the platform the client's name and its own navigation.
 */
import type { Route } from './signed-in.ts';
import { ClientDomainsPage } from './pages/client-domains.tsx';
import { ClientWidgetPage } from './pages/client-widget.tsx';

// Each page's props are the parameters its pattern names, which match() always fills in.
export const ROUTES: Route[] = [
  { pattern: '/clients/:clientId/domains', Component: ClientDomainsPage as Route['Component'] },
  { pattern: '/clients/:clientId/widget', Component: ClientWidgetPage as Route['Component'] },
];
