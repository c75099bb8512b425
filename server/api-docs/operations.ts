/**
 * What the OpenAPI document says about each operation that its route's schema cannot: a one-line
 * summary, and the group (tag) it is listed under. Kept here, not in the route files, so a route's
 * schema stays about validation and serialization. A route without an entry fails the document's test.
 */

export interface TagInfo {
  name: string;
  description: string;
}

/** Groups of operations; each route falls in the first group whose pattern matches its path. */
export const TAGS: readonly (TagInfo & { path: RegExp })[] = [
  {
    name: 'Data migrations',
    description:
      "The platform's data migrations, run per agency: canaries, batches, each agency's progress, retries and rollbacks.",
    path: /^\/v1\/platform\/data-migrations(\/|$)/,
  },
  { name: 'Auth', description: "Access tokens and the caller's own password.", path: /^\/v1\/auth\// },
  { name: 'Invitations', description: 'Inviting people into an agency or a client.', path: /\/invitations(\/|$)/ },
  {
    name: 'Users',
    description: 'The users of an agency or a client, their roles and passwords.',
    path: /\/users(\/|$)/,
  },
  { name: 'Settings', description: "A client's widget settings.", path: /\/settings$/ },
  {
    name: 'Feature flags',
    description: 'Flags set at the platform, agency or client level, and what they decide for each tenant.',
    path: /\/flags(\/|$)/,
  },
  {
    name: 'Privacy',
    description: 'Exports of a contact or a whole tenant, erasures, their jobs, retention periods.',
    path: /\/(export|erase|privacy)$|\/(exports|erasures)(\/|$)/,
  },
  { name: 'Contacts', description: "A client's contacts.", path: /\/contacts(\/|$)/ },
  { name: 'Submissions', description: 'What the widget captured.', path: /^\/v1\/clients\/[^/]+\/submissions$/ },
  {
    name: 'Domains',
    description: "The sites where a client's widget may run, proven by a DNS TXT record.",
    path: /\/domains(\/|$)/,
  },
  {
    name: 'Webhooks',
    description: 'Endpoints that receive each new submission, and their deliveries.',
    path: /\/webhooks(\/|$)/,
  },
  {
    name: 'Audit log',
    description: 'Every change, hash-chained per tenant, and its signed digests.',
    path: /\/(audit-log(\/|$)|audit\/digest-key$)/,
  },
  {
    name: 'API versions',
    description:
      'Versions of this API, and the one each agency or client is pinned to. Every `/v1` request may name one in `Upzento-Version`; every answer says which served it.',
    path: /^\/v1\/versions$|\/api-version$/,
  },
  { name: 'Compliance', description: 'Per-tenant compliance reports for a period.', path: /\/compliance-report$/ },
  {
    name: 'Identity',
    description: "Verified visitor identity: the client's setting and signing secret.",
    path: /\/identity(-secret)?(\/|$)/,
  },
  {
    name: 'Templates',
    description: 'Templates to provision clients from, kept by the platform and by agencies.',
    path: /\/templates(\/|$)/,
  },
  {
    name: 'Placements',
    description:
      "Where an agency is served from: a connection pool of its own, or a database of its own (the platform admin's).",
    path: /\/placement$|^\/v1\/platform\/databases$/,
  },
  {
    name: 'Alerts',
    description:
      "Isolation-breach alerts: signals that something crossed or tried to cross a tenant boundary (the platform admin's).",
    path: /^\/v1\/platform\/alerts(\/|$)/,
  },
  {
    name: 'Tenant metrics',
    description:
      "Each agency's and client's traffic, refusals, errors and latency over time, and the health view that says which tenant is unhealthy and why.",
    path: /^\/v1\/((agencies|clients)\/[^/]+\/(metrics|health)|platform\/health)$/,
  },
  { name: 'Tenants', description: 'Agencies and their clients.', path: /^\/v1\/(agencies|clients)(\/|$)/ },
  {
    name: 'Widget',
    description: "The public widget routes: no token, the client is named by its public key and the page's Origin.",
    path: /^\/(v1\/widget\/|widget(-panel)?\.js$)/,
  },
  { name: 'Health', description: 'Liveness and readiness, for load balancers.', path: /^\/(healthz|readyz)$/ },
  { name: 'API documents', description: 'This document.', path: /^\/openapi\.json$/ },
];

/** The order the reference lists the groups in. */
const DISPLAY_ORDER = [
  'Auth',
  'Tenants',
  'Templates',
  'Placements',
  'Users',
  'Invitations',
  'Settings',
  'Feature flags',
  'Identity',
  'Contacts',
  'Submissions',
  'Domains',
  'Webhooks',
  'Privacy',
  'Audit log',
  'Compliance',
  'Alerts',
  'Tenant metrics',
  'API versions',
  'Data migrations',
  'Widget',
  'Health',
  'API documents',
];

export function listedTags(): TagInfo[] {
  return DISPLAY_ORDER.map((name) => {
    const tag = TAGS.find((candidate) => candidate.name === name);
    if (!tag) throw new Error(`no tag ${name}`);
    return { name: tag.name, description: tag.description };
  });
}

export function tagOf(url: string): string | undefined {
  return TAGS.find((tag) => tag.path.test(url))?.name;
}

/** One-line summaries by `METHOD /path` (Fastify's path syntax). */
export const SUMMARIES: Readonly<Record<string, string>> = {
  'POST /v1/auth/token': 'Sign in: an access token for an email and password',
  'POST /v1/auth/password': "Change the caller's own password",
  'POST /v1/auth/session': 'Sign in a browser: an access token, and a session cookie that renews it',
  'POST /v1/auth/session/refresh': "A new access token for the browser's session cookie",
  'DELETE /v1/auth/session': 'Sign a browser out: its session cookie is cleared',

  'POST /v1/agencies': 'Create an agency',
  'GET /v1/agencies': 'List agencies',
  'POST /v1/agencies/:agencyId/clients': 'Create a client of an agency',
  'GET /v1/agencies/:agencyId/clients': "List an agency's clients",
  'GET /v1/clients/:clientId': 'Read a client',
  'GET /v1/platform/databases': "The deployment's databases and how many agencies each serves",
  'GET /v1/agencies/:agencyId/placement': "An agency's database and connection pool",
  'PUT /v1/agencies/:agencyId/placement': 'Give an agency a pool of its own, or move it to another database',
  'GET /v1/agencies/:agencyId/limits': "An agency's limits, overrides and usage",
  'PATCH /v1/agencies/:agencyId/limits': "Change an agency's limits (platform admin)",
  'GET /v1/clients/:clientId/limits': "A client's limits, overrides and usage",
  'PATCH /v1/clients/:clientId/limits': "Change a client's limits (its agency or the platform admin)",
  'POST /v1/platform/templates': 'Create a template every agency may provision clients from (platform admin)',
  'GET /v1/platform/templates': "List the platform's templates",
  'GET /v1/platform/templates/:templateId': 'Read a platform template',
  'PUT /v1/platform/templates/:templateId': 'Replace a platform template',
  'DELETE /v1/platform/templates/:templateId': 'Delete a platform template',
  'POST /v1/agencies/:agencyId/templates': "Create an agency's own template",
  'GET /v1/agencies/:agencyId/templates': "List an agency's templates",
  'GET /v1/agencies/:agencyId/templates/:templateId': "Read an agency's template",
  'PUT /v1/agencies/:agencyId/templates/:templateId': "Replace an agency's template",
  'DELETE /v1/agencies/:agencyId/templates/:templateId': "Delete an agency's template",
  'PUT /v1/agencies/:agencyId/suspension': 'Suspend an agency and every client of it (platform admin)',
  'DELETE /v1/agencies/:agencyId/suspension': "Lift an agency's suspension (platform admin)",
  'PUT /v1/clients/:clientId/suspension': 'Suspend a client (its agency or the platform admin)',
  'DELETE /v1/clients/:clientId/suspension': "Lift a client's suspension",
  'POST /v1/agencies/:agencyId/deletion':
    'Delete an agency and its clients: suspended at once, exported, purged after a grace period (platform admin)',
  'GET /v1/agencies/:agencyId/deletion': "An agency's deletion: how far it got, and where its export is",
  'DELETE /v1/agencies/:agencyId/deletion': "Cancel an agency's deletion within its grace period (platform admin)",
  'POST /v1/clients/:clientId/deletion':
    'Delete a client: suspended at once, exported, purged after a grace period (its agency or the platform admin)',
  'GET /v1/clients/:clientId/deletion': "A client's deletion: how far it got, and where its export is",
  'DELETE /v1/clients/:clientId/deletion': "Cancel a client's deletion within its grace period",

  'POST /v1/agencies/:agencyId/users': 'Create a user of an agency',
  'GET /v1/agencies/:agencyId/users': "List an agency's users",
  'PATCH /v1/agencies/:agencyId/users/:userId': "Change an agency user's role",
  'DELETE /v1/agencies/:agencyId/users/:userId': 'Remove an agency user',
  'POST /v1/agencies/:agencyId/users/:userId/password': 'Set a new password for an agency user',
  'POST /v1/clients/:clientId/users': 'Create a user of a client',
  'GET /v1/clients/:clientId/users': "List a client's users",
  'PATCH /v1/clients/:clientId/users/:userId': "Change a client user's role",
  'DELETE /v1/clients/:clientId/users/:userId': 'Remove a client user',
  'POST /v1/clients/:clientId/users/:userId/password': 'Set a new password for a client user',

  'POST /v1/agencies/:agencyId/invitations': 'Invite someone into an agency',
  'GET /v1/agencies/:agencyId/invitations': "List an agency's open invitations",
  'DELETE /v1/agencies/:agencyId/invitations/:invitationId': 'Withdraw an agency invitation',
  'POST /v1/clients/:clientId/invitations': 'Invite someone into a client',
  'GET /v1/clients/:clientId/invitations': "List a client's open invitations",
  'DELETE /v1/clients/:clientId/invitations/:invitationId': 'Withdraw a client invitation',
  'POST /v1/invitations/accept': 'Accept an invitation: creates the user',

  'GET /v1/clients/:clientId/settings': "Read a client's widget settings",
  'PATCH /v1/clients/:clientId/settings': "Change a client's widget settings",

  'GET /v1/platform/alerts': "List the platform's isolation-breach alerts, newest first",
  'POST /v1/platform/alerts/:alertId/acknowledge': 'Acknowledge an alert: occurrences keep counting on it',
  'POST /v1/platform/alerts/:alertId/resolve': 'Resolve an alert: the next occurrence opens a new one',

  'GET /v1/clients/:clientId/metrics': "A client's counts per minute or hour: requests, refusals, errors, latency",
  'GET /v1/agencies/:agencyId/metrics': "An agency's counts per minute or hour, its clients' added up or its own",
  'GET /v1/agencies/:agencyId/health': 'The health of an agency and each of its clients, with the reasons',
  'GET /v1/platform/health': 'The health of every agency and client, with the reasons',

  'GET /v1/platform/flags': "List the platform's flag settings",
  'GET /v1/platform/data-migrations': 'List the data migrations and how many agencies each has reached',
  'GET /v1/platform/data-migrations/:name': "A data migration's progress, agency by agency",
  'POST /v1/platform/data-migrations/:name/runs': 'Start a run: canaries first, then the other agencies in batches',
  'POST /v1/platform/data-migrations/:name/rollback': 'Roll back the agencies that are done, the newest first',
  'POST /v1/platform/data-migrations/:name/tenants/:agencyId/retry': 'Migrate one agency again, now',
  'POST /v1/platform/data-migrations/:name/tenants/:agencyId/rollback': 'Roll back one agency, now',
  'PUT /v1/platform/flags/:flag': 'Set a flag for the whole platform',
  'DELETE /v1/platform/flags/:flag': "Remove the platform's setting of a flag",
  'GET /v1/agencies/:agencyId/flags': 'Every flag decided for an agency, and which level decided',
  'GET /v1/agencies/:agencyId/flags/:flag': 'One flag decided for an agency, and which level decided',
  'PUT /v1/agencies/:agencyId/flags/:flag': "Set an agency's own flag (its clients inherit it)",
  'DELETE /v1/agencies/:agencyId/flags/:flag': "Remove an agency's own setting of a flag",
  'GET /v1/clients/:clientId/flags': 'Every flag decided for a client, and which level decided',
  'GET /v1/clients/:clientId/flags/:flag': 'One flag decided for a client, and which level decided',
  'PUT /v1/clients/:clientId/flags/:flag': "Set a client's own flag",
  'DELETE /v1/clients/:clientId/flags/:flag': "Remove a client's own setting of a flag",

  'POST /v1/clients/:clientId/contacts': 'Create a contact',
  'GET /v1/clients/:clientId/contacts': 'List or search contacts',
  'GET /v1/clients/:clientId/contacts/:contactId': 'Read a contact',
  'PATCH /v1/clients/:clientId/contacts/:contactId': 'Change a contact',
  'DELETE /v1/clients/:clientId/contacts/:contactId': 'Delete a contact',
  'GET /v1/clients/:clientId/submissions': 'List widget submissions',

  'GET /v1/clients/:clientId/contacts/:contactId/export': 'Export everything stored about a contact',
  'POST /v1/clients/:clientId/contacts/:contactId/erase': 'Erase a contact',
  'POST /v1/clients/:clientId/erasures': 'Erase everything stored under an email',
  'GET /v1/clients/:clientId/erasures': "List a client's erasures",
  'GET /v1/clients/:clientId/erasures/:erasureId': "Read an erasure's status",
  'POST /v1/agencies/:agencyId/exports': 'Export an agency with all its clients (a job)',
  'GET /v1/agencies/:agencyId/exports': "List an agency's exports",
  'GET /v1/agencies/:agencyId/exports/:exportId': "Read an export's status",
  'GET /v1/agencies/:agencyId/exports/:exportId/archive': "Download an export's archive",
  'POST /v1/clients/:clientId/exports': 'Export a client with all its data (a job)',
  'GET /v1/clients/:clientId/exports': "List a client's exports",
  'GET /v1/clients/:clientId/exports/:exportId': "Read an export's status",
  'GET /v1/clients/:clientId/exports/:exportId/archive': "Download an export's archive",
  'GET /v1/clients/:clientId/privacy': "Read a client's privacy settings",
  'PATCH /v1/clients/:clientId/privacy': "Change a client's privacy settings",

  'POST /v1/clients/:clientId/domains': 'Register a domain: answers the TXT record that proves it',
  'GET /v1/clients/:clientId/domains': "List a client's domains",
  'POST /v1/clients/:clientId/domains/:domainId/verify': "Check a domain's TXT record now",
  'DELETE /v1/clients/:clientId/domains/:domainId': 'Remove a domain',

  'POST /v1/clients/:clientId/webhooks': 'Register a webhook endpoint: answers its signing secret',
  'GET /v1/clients/:clientId/webhooks': "List a client's webhook endpoints",
  'DELETE /v1/clients/:clientId/webhooks/:webhookId': 'Remove a webhook endpoint',
  'POST /v1/clients/:clientId/webhooks/:webhookId/rotate-secret': "Replace a webhook endpoint's signing secret",
  'GET /v1/clients/:clientId/webhooks/:webhookId/deliveries': "List an endpoint's deliveries",
  'POST /v1/clients/:clientId/webhooks/:webhookId/deliveries/:deliveryId/retry': 'Send a delivery again now',

  'GET /v1/clients/:clientId/audit-log': "Read a client's audit log",
  'GET /v1/clients/:clientId/audit-log/verify': "Verify a client's audit log hash chain",
  'GET /v1/agencies/:agencyId/audit-log': "Read an agency's audit log",
  'GET /v1/agencies/:agencyId/audit-log/verify': "Verify an agency's audit log hash chain",
  'GET /v1/clients/:clientId/audit-log/digests': "List a client's signed audit digests",
  'GET /v1/clients/:clientId/audit-log/digests/verify': "Verify a client's audit log against its signed digests",
  'GET /v1/clients/:clientId/audit-log/chain': "Read a client's hashed audit rows, for offline verification",
  'GET /v1/agencies/:agencyId/audit-log/digests': "List an agency's signed audit digests",
  'GET /v1/agencies/:agencyId/audit-log/digests/verify': "Verify an agency's audit log against its signed digests",
  'GET /v1/agencies/:agencyId/audit-log/chain': "Read an agency's hashed audit rows, for offline verification",
  'GET /v1/audit/digest-key': 'The public key that signs audit digests',
  'GET /v1/clients/:clientId/compliance-report': "A client's compliance report for a period (JSON or HTML)",
  'GET /v1/agencies/:agencyId/compliance-report': "An agency's compliance report for a period (JSON or HTML)",

  'GET /v1/clients/:clientId/identity': "Read a client's visitor identity setting",
  'PATCH /v1/clients/:clientId/identity': "Change a client's visitor identity setting",
  'POST /v1/clients/:clientId/identity-secret': 'Make a new identity secret: shown only in this answer',
  'DELETE /v1/clients/:clientId/identity-secret/previous': 'Stop the replaced identity secret verifying now',

  'GET /v1/versions': 'List the API versions, their changes, deprecation and sunset',
  'GET /v1/agencies/:agencyId/api-version': 'Read the API version an agency is pinned to',
  'PUT /v1/agencies/:agencyId/api-version':
    "Upgrade an agency's API version, or roll the last upgrade back within 72 hours",
  'GET /v1/clients/:clientId/api-version': 'Read the API version a client is served in',
  'PUT /v1/clients/:clientId/api-version': 'Pin a client to an API version of its own',
  'DELETE /v1/clients/:clientId/api-version': "Remove a client's own pin: it follows its agency again",

  'GET /widget.js': "The widget's script-tag bundle",
  'GET /widget-panel.js': "The widget's panel, loaded by widget.js after the launcher shows",
  'GET /v1/widget/:publicKey/config': "The widget's configuration, for an authorized Origin",
  'OPTIONS /v1/widget/:publicKey/config': 'CORS preflight of the configuration',
  'POST /v1/widget/:publicKey/submissions': 'Send a lead from the widget',
  'OPTIONS /v1/widget/:publicKey/submissions': 'CORS preflight of submissions',

  'GET /healthz': 'Liveness: 200 while the process runs',
  'GET /readyz': 'Readiness: 200 while the database answers',
  'GET /openapi.json': 'This OpenAPI document',
};
