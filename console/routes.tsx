/**
 * Every console page by path (after /console). Pages of a client are wrapped in ClientFrame, which
 * gives the agency and the platform the client's name and its own navigation.
 */
import type { Route } from './signed-in.ts';
import { AuditPage } from './pages/audit.tsx';
import { LeadPage } from './pages/lead.tsx';
import { LeadsPage } from './pages/leads.tsx';
import { WebhooksPage } from './pages/webhooks.tsx';

export const ROUTES: Route[] = [
  { pattern: '/clients/:clientId/leads', Component: LeadsPage as Route['Component'] },
  { pattern: '/clients/:clientId/leads/:contactId', Component: LeadPage as Route['Component'] },
  { pattern: '/clients/:clientId/audit', Component: AuditPage as Route['Component'] },
  { pattern: '/clients/:clientId/webhooks', Component: WebhooksPage as Route['Component'] },
];
