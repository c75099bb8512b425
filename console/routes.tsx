/**
 * Every console page by path (after /console). Pages of a client are wrapped in ClientFrame, which
 * gives the agency and the platform the client's name and its own navigation.
 */
import type { Route } from './signed-in.ts';
import { AgencyHealthPage, ClientHealthPage, PlatformHealthPage } from './pages/health.tsx';
import { AgenciesPage } from './pages/agencies.tsx';
import { AgencyPage } from './pages/agency.tsx';
import { AlertsPage } from './pages/alerts.tsx';
import { AgencyUsersPage, ClientUsersPage } from './pages/users.tsx';
import { ClientDomainsPage } from './pages/client-domains.tsx';
import { ClientWidgetPage } from './pages/client-widget.tsx';
import { AuditPage } from './pages/audit.tsx';
import { LeadPage } from './pages/lead.tsx';
import { LeadsPage } from './pages/leads.tsx';
import { WebhooksPage } from './pages/webhooks.tsx';

export const ROUTES: Route[] = [
  { pattern: '/platform/health', Component: PlatformHealthPage },
  { pattern: '/agencies/:agencyId/health', Component: AgencyHealthPage },
  { pattern: '/clients/:clientId/health', Component: ClientHealthPage },
  { pattern: '/agencies', Component: AgenciesPage },
  { pattern: '/agencies/:agencyId', Component: AgencyPage },
  { pattern: '/agencies/:agencyId/users', Component: AgencyUsersPage },
  { pattern: '/clients/:clientId/users', Component: ClientUsersPage },
  { pattern: '/platform/alerts', Component: AlertsPage },
  { pattern: '/clients/:clientId/domains', Component: ClientDomainsPage },
  { pattern: '/clients/:clientId/widget', Component: ClientWidgetPage },
  { pattern: '/clients/:clientId/leads', Component: LeadsPage },
  { pattern: '/clients/:clientId/leads/:contactId', Component: LeadPage },
  { pattern: '/clients/:clientId/audit', Component: AuditPage },
  { pattern: '/clients/:clientId/webhooks', Component: WebhooksPage },
];
