/**
 * Tenant isolation through the API, property-based.
 *
 * A tree of tenants (platform → 2–3 agencies → 1–3 clients each, a user of every role in every
 * agency and client, contacts, a widget submission and a registered domain per client) is
 * provisioned once through the API, the way it would be in production: the platform admin creates
 * agencies and their first admin, agency admins create clients, users and client admins, client
 * admins create client users and register domains, client members create contacts. Then
 * fast-check draws (caller, route, target tenant) and the answer is compared with a model of the
 * access rules (server/tenancy/access.ts and each route's config.access):
 *
 * - outside the caller's subtree (sideways, up, or a tenant that does not exist) → 403 or 404,
 *   and the body carries no id, email or name of any tenant;
 * - inside it without the role the route needs → 403, again with no tenant data;
 * - inside it with the role → the route's 2xx, and the body carries only data of the target's
 *   subtree (plus the ids of the target's ancestors and of their users, who may appear as the
 *   parent agency of a client or as actors in its audit log).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_EMAIL, type TestApp } from '../support/test-app.ts';
import { NEWEST_VERSION } from '../../server/versions/api-versions.ts';
import { checkingResponses, type ResponseChecker } from '../support/openapi-responses.ts';
import {
  createAgency,
  createClient,
  createContact,
  createTestAppWithDns,
  createUser,
  decodeToken,
  expectStatus,
  marker,
  type Role,
} from './provision.ts';

type Kind = 'platform' | 'agency' | 'client';

interface Tenant {
  kind: Kind;
  id: string;
  name: string;
  parent: Tenant | null;
  children: Tenant[];
  /** Strings that identify this tenant's data: ids, names, emails, keys. */
  secrets: string[];
  contacts: Contact[];
  submissionId: string | null;
  /** The domain registered for this client in the setup (clients only). */
  domain: Domain | null;
  /** Every domain id registered for this client, in the setup or later. */
  domainIds: Set<string>;
  /** The widget title its settings hold (clients only). */
  widgetTitle: string | null;
}

interface Contact {
  id: string;
  email: string;
  name: string;
  client: Tenant;
}

interface Domain {
  id: string;
  hostname: string;
  client: Tenant;
}

interface Caller {
  label: string;
  tenant: Tenant;
  role: Role;
  token: string;
}

/** A path parameter that names no tenant at all. */
const NOWHERE: Tenant = {
  kind: 'client',
  id: randomUUID(),
  name: 'nowhere',
  parent: null,
  children: [],
  secrets: [],
  contacts: [],
  submissionId: null,
  domain: null,
  domainIds: new Set(),
  widgetTitle: null,
};

const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every response of the suite is checked against the app's OpenAPI document (status, content type, schema). */
let t: TestApp & { responses: ResponseChecker };
let platform: Tenant;
const tenants: Tenant[] = [];
const callers: Caller[] = [];
const contacts: Contact[] = [];
const domains: Domain[] = [];
/** Every user id of the tree and the tenant it belongs to. */
const userOwner = new Map<string, Tenant>();
/** Clients created by the property runs themselves, by agency id: they belong to its subtree. */
const clientsCreatedLater = new Map<string, Set<string>>();

const TREE = fc.array(
  fc.record({ clients: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 3 }) }),
  {
    minLength: 2,
    maxLength: 3,
  },
);
// A fixed tree, so a failure can be replayed; UPZENTO_TREE_SEED tries other shapes.
const TREE_SEED = Number(process.env.UPZENTO_TREE_SEED ?? 20_240_611);

function tenant(kind: Kind, id: string, name: string, parent: Tenant | null): Tenant {
  // The platform's name is a plain word that error messages use; agencies and clients get markers.
  const secrets = kind === 'platform' ? [id] : [id, name];
  // A new client's widget is titled after it until an admin changes that (server/embedding/widget-template.ts).
  const widgetTitle = kind === 'client' ? `Contact ${name}` : null;
  const node: Tenant = {
    kind,
    id,
    name,
    parent,
    children: [],
    secrets,
    contacts: [],
    submissionId: null,
    domain: null,
    domainIds: new Set(),
    widgetTitle,
  };
  parent?.children.push(node);
  tenants.push(node);
  return node;
}

async function addUsers(parentToken: string, node: Tenant): Promise<Record<Role, Caller>> {
  const level = node.kind === 'agency' ? 'agencies' : 'clients';
  const made = {} as Record<Role, Caller>;
  // The tenant's admin is made by the level above; the admin then makes the others.
  let token = parentToken;
  for (const role of ['admin', 'member', 'viewer'] as const) {
    const user = await createUser(t, token, level, node.id, role);
    if (role === 'admin') token = user.token;
    node.secrets.push(user.email);
    userOwner.set(user.id, node);
    made[role] = { label: `${node.name}/${role}`, tenant: node, role, token: user.token };
    callers.push(made[role]);
  }
  return made;
}

/**
 * Registers a domain for a client and records its hostname, id and challenge among the client's
 * secrets, so any answer that leaks them to another tenant is caught.
 */
async function registerDomain(token: string, client: Tenant): Promise<Domain> {
  const hostname = `${marker('site')}.example.com`;
  const response = await t.call('POST', `/v1/clients/${client.id}/domains`, token, { hostname });
  expectStatus(response, 201);
  const body = response.json();
  client.secrets.push(body.id, hostname, body.challenge.value);
  client.domainIds.add(body.id);
  return { id: body.id, hostname, client };
}

interface Webhook {
  id: string;
  /** A delivery of the client's seeded submission to this endpoint. */
  deliveryId: string;
  eventId: string;
  client: Tenant;
}

/** The webhook endpoint registered for each client in the setup. */
const webhookOf = new Map<Tenant, Webhook>();
const webhooks: Webhook[] = [];

/**
 * Registers a webhook endpoint for a client (public https URL: the app keeps the SSRF checks on)
 * and records its id, URL and secret among the client's secrets.
 */
async function registerWebhook(token: string, client: Tenant): Promise<{ id: string }> {
  const url = `https://${marker('hook')}.example.com/in`;
  const response = await t.call('POST', `/v1/clients/${client.id}/webhooks`, token, {
    url,
    events: ['submission.created'],
  });
  expectStatus(response, 201);
  const body = response.json();
  client.secrets.push(body.id, url, body.secret);
  return { id: body.id };
}

/** The endpoint a request names: its own pick, else the target's, else any. */
function webhookIn(r: Request): Webhook {
  return r.webhook ?? webhookOf.get(r.target) ?? (webhooks[r.n % webhooks.length] as Webhook);
}

/** Keeps a client under its endpoint limit: removes every endpoint but the one of the setup. */
async function pruneWebhooks(client: Tenant): Promise<void> {
  const list = await t.call('GET', `/v1/clients/${client.id}/webhooks`, t.adminToken);
  for (const item of list.json().items as Array<{ id: string }>) {
    if (item.id !== webhookOf.get(client)?.id)
      expectStatus(await t.call('DELETE', `/v1/clients/${client.id}/webhooks/${item.id}`, t.adminToken), 204);
  }
}

beforeAll(async () => {
  t = await checkingResponses(await createTestAppWithDns());
  platform = tenant('platform', t.platformId, 'platform', null);
  platform.secrets.push(ADMIN_EMAIL);
  userOwner.set(decodeToken(t.adminToken).payload.sub as string, platform);
  callers.push({ label: 'platform/admin', tenant: platform, role: 'admin', token: t.adminToken });

  const [shape] = fc.sample(TREE, { seed: TREE_SEED, numRuns: 1 });
  for (const agencyShape of shape ?? []) {
    const created = await createAgency(t);
    const agency = tenant('agency', created.id, created.name, platform);
    const agencyUsers = await addUsers(t.adminToken, agency);
    for (const contactCount of agencyShape.clients) {
      const createdClient = await createClient(t, agencyUsers.admin.token, agency.id);
      const client = tenant('client', createdClient.id, createdClient.name, agency);
      client.secrets.push(createdClient.publicKey);
      const clientUsers = await addUsers(agencyUsers.admin.token, client);
      for (let i = 0; i < contactCount; i++) {
        const contact = await createContact(t, clientUsers.member.token, client.id);
        const entry = { ...contact, client };
        client.contacts.push(entry);
        contacts.push(entry);
        client.secrets.push(contact.id, contact.email, contact.name);
      }
      // What the widget would have captured; the widget's own routes are tested elsewhere.
      const email = `${marker('lead')}@example.test`;
      const submission = await t.data.privileged('test: seed a submission', (db) =>
        db
          .insertInto('submissions')
          .values({
            agency_id: agency.id,
            client_id: client.id,
            idempotency_key: marker('idem'),
            payload_hash: '0'.repeat(64),
            email,
            origin: 'https://shop.example.test',
            fields: '{}',
          })
          .returning('submission_id')
          .executeTakeFirstOrThrow(),
      );
      client.submissionId = submission.submission_id;
      client.secrets.push(submission.submission_id, email);
      // A pending domain, registered by the client's admin, for the routes that name one.
      client.domain = await registerDomain(clientUsers.admin.token, client);
      domains.push(client.domain);
      // A webhook endpoint, and a delivery of the seeded submission to it, for the routes that name them.
      const hook = await registerWebhook(clientUsers.admin.token, client);
      const eventId = randomUUID();
      const delivery = await t.data.privileged('test: seed a webhook delivery', (db) =>
        db
          .insertInto('webhook_deliveries')
          .values({
            agency_id: agency.id,
            client_id: client.id,
            webhook_id: hook.id,
            event_id: eventId,
            event_type: 'submission.created',
            submission_id: submission.submission_id,
            event_at: new Date(),
            status: 'failed',
            attempts: 10,
            next_attempt_at: null,
          })
          .returning('delivery_id')
          .executeTakeFirstOrThrow(),
      );
      client.secrets.push(eventId, delivery.delivery_id);
      const webhook = { id: hook.id, deliveryId: delivery.delivery_id, eventId, client };
      webhookOf.set(client, webhook);
      webhooks.push(webhook);
    }
  }
}, 120_000);

afterAll(() => t?.close());

// ---------------------------------------------------------------------------------------------
// The model of who may do what.

function ancestors(node: Tenant): Tenant[] {
  const list: Tenant[] = [];
  for (let at = node.parent; at; at = at.parent) list.push(at);
  return list;
}

function subtree(node: Tenant): Tenant[] {
  return [node, ...node.children.flatMap(subtree)];
}

function isTreeTenant(node: Tenant): boolean {
  return node !== NOWHERE;
}

/** May the caller act on this id as an agency (the :agencyId of a route)? */
function reachesAgency(caller: Caller, target: Tenant): boolean {
  if (caller.tenant.kind === 'platform') return true;
  return caller.tenant.kind === 'agency' && caller.tenant.id === target.id;
}

/** May the caller act on this id as a client (the :clientId of a route)? */
function reachesClient(caller: Caller, target: Tenant): boolean {
  if (target.kind !== 'client' || !isTreeTenant(target)) return false;
  if (caller.tenant.kind === 'platform') return true;
  if (caller.tenant.kind === 'agency') return target.parent?.id === caller.tenant.id;
  return caller.tenant.id === target.id;
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

interface Request {
  caller: Caller;
  route: Route;
  target: Tenant;
  /** The contact named in the path of contact routes. */
  contact: Contact;
  /** The domain named in the path of domain routes. */
  domain: Domain;
  /** Where the contact or domain that a delete aims at is created first. */
  deleteHome: Tenant;
  /** Where the user or invitation that a route names is created first (routes with `record`). */
  recordHome: Tenant;
  /** That user or invitation, once created. */
  record?: { id: string; home: Tenant };
  /** The webhook endpoint named in the path of webhook routes; see webhookIn(). */
  webhook?: Webhook;
  n: number;
}

interface Route {
  name: string;
  /** What the path names: nothing, an agency, or a client. */
  on: 'none' | 'platform' | 'agency' | 'client';
  role: Role;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  status: number;
  path(r: Request): string;
  body?(r: Request): unknown;
  /** Creates rows: a platform admin aiming at an id that is no agency gets a 404 from the foreign key. */
  creates?: boolean;
  /** Names a user or an invitation, made for each request in `recordHome`. */
  record?: 'user' | 'invitation';
}

/** Values a request writes, made once per request, so the answer can be checked against them. */
const written = new WeakMap<Request, { title: string; hostname: string }>();
function writtenBy(r: Request) {
  let values = written.get(r);
  if (!values) {
    values = { title: marker('title'), hostname: `${marker('late-site')}-${r.n}.example.com` };
    written.set(r, values);
  }
  return values;
}
const titleOf = (r: Request) => writtenBy(r).title;
const hostnameOf = (r: Request) => writtenBy(r).hostname;

const newUser = (r: Request) => ({
  email: `${marker('new-user')}-${r.n}@example.test`,
  password: 'another long password',
  role: 'viewer',
});

/** The flag the flag routes set, read and delete. */
const FLAG = 'isolation.flag';

const ROUTES: Route[] = [
  { name: 'agencies.list', on: 'none', role: 'viewer', method: 'GET', status: 200, path: () => '/v1/agencies' },
  {
    name: 'agencies.create',
    on: 'platform',
    role: 'admin',
    method: 'POST',
    status: 201,
    path: () => '/v1/agencies',
    body: () => ({ name: marker('late-agency') }),
  },
  {
    name: 'clients.list',
    on: 'agency',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/clients`,
  },
  {
    name: 'clients.create',
    on: 'agency',
    role: 'admin',
    method: 'POST',
    status: 201,
    creates: true,
    path: (r) => `/v1/agencies/${r.target.id}/clients`,
    body: () => ({ name: marker('late-client') }),
  },
  {
    name: 'client.get',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}`,
  },
  {
    name: 'agency-users.create',
    on: 'agency',
    role: 'admin',
    method: 'POST',
    status: 201,
    creates: true,
    path: (r) => `/v1/agencies/${r.target.id}/users`,
    body: newUser,
  },
  {
    name: 'client-users.create',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 201,
    path: (r) => `/v1/clients/${r.target.id}/users`,
    body: newUser,
  },
  {
    name: 'contacts.create',
    on: 'client',
    role: 'member',
    method: 'POST',
    status: 201,
    path: (r) => `/v1/clients/${r.target.id}/contacts`,
    body: (r) => ({ email: `${marker('late-contact')}-${r.n}@example.test` }),
  },
  {
    name: 'contacts.list',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/contacts?limit=200`,
  },
  {
    name: 'contact.get',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/contacts/${r.contact.id}`,
  },
  {
    name: 'contact.patch',
    on: 'client',
    role: 'member',
    method: 'PATCH',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/contacts/${r.contact.id}`,
    body: (r) => ({ attributes: { touch: r.n } }),
  },
  {
    name: 'contact.delete',
    on: 'client',
    role: 'member',
    method: 'DELETE',
    status: 204,
    path: (r) => `/v1/clients/${r.target.id}/contacts/${r.contact.id}`,
  },
  {
    name: 'contact.export',
    on: 'client',
    role: 'member',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/contacts/${r.contact.id}/export`,
  },
  {
    name: 'contact.erase',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/contacts/${r.contact.id}/erase`,
  },
  {
    name: 'erasures.create',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/erasures`,
    body: (r) => ({ email: `${marker('erased')}-${r.n}@example.test` }),
  },
  {
    name: 'agency-version.get',
    on: 'agency',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/api-version`,
  },
  {
    name: 'agency-version.put',
    on: 'agency',
    role: 'admin',
    method: 'PUT',
    status: 200,
    creates: true,
    path: (r) => `/v1/agencies/${r.target.id}/api-version`,
    body: () => ({ version: NEWEST_VERSION }),
  },
  {
    name: 'client-version.get',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/api-version`,
  },
  {
    name: 'client-version.put',
    on: 'client',
    role: 'admin',
    method: 'PUT',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/api-version`,
    body: () => ({ version: NEWEST_VERSION }),
  },
  {
    name: 'client-version.unpin',
    on: 'client',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    path: (r) => `/v1/clients/${r.target.id}/api-version`,
  },
  {
    name: 'privacy.get',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/privacy`,
  },
  {
    name: 'privacy.patch',
    on: 'client',
    role: 'admin',
    method: 'PATCH',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/privacy`,
    body: () => ({ retention: { ipAddressesDays: 30 } }),
  },
  {
    name: 'platform-flags.list',
    on: 'platform',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: () => '/v1/platform/flags',
  },
  {
    name: 'platform-flag.put',
    on: 'platform',
    role: 'admin',
    method: 'PUT',
    status: 200,
    path: () => `/v1/platform/flags/${FLAG}`,
    body: () => ({ state: 'on' }),
  },
  {
    name: 'platform-flag.delete',
    on: 'platform',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    path: () => `/v1/platform/flags/${FLAG}`,
  },
  ...(['agency', 'client'] as const).flatMap((level): Route[] => {
    const base = (r: Request) => `/v1/${level === 'agency' ? 'agencies' : 'clients'}/${r.target.id}/flags`;
    return [
      { name: `${level}-flags.list`, on: level, role: 'viewer', method: 'GET', status: 200, path: base },
      {
        name: `${level}-flag.get`,
        on: level,
        role: 'viewer',
        method: 'GET',
        status: 200,
        path: (r) => `${base(r)}/${FLAG}`,
      },
      {
        name: `${level}-flag.put`,
        on: level,
        role: 'admin',
        method: 'PUT',
        status: 200,
        creates: true,
        path: (r) => `${base(r)}/${FLAG}`,
        body: () => ({ state: 'rollout', percent: 50, public: true }),
      },
      {
        name: `${level}-flag.delete`,
        on: level,
        role: 'admin',
        method: 'DELETE',
        status: 204,
        path: (r) => `${base(r)}/${FLAG}`,
      },
    ];
  }),
  {
    name: 'settings.get',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/settings`,
  },
  {
    name: 'settings.patch',
    on: 'client',
    role: 'admin',
    method: 'PATCH',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/settings`,
    body: (r) => ({ widget: { title: titleOf(r) } }),
  },
  {
    name: 'domains.create',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 201,
    path: (r) => `/v1/clients/${r.target.id}/domains`,
    body: (r) => ({ hostname: hostnameOf(r) }),
  },
  {
    name: 'domains.list',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/domains`,
  },
  {
    name: 'domain.verify',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/domains/${r.domain.id}/verify`,
  },
  {
    name: 'domain.delete',
    on: 'client',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    path: (r) => `/v1/clients/${r.target.id}/domains/${r.domain.id}`,
  },
  {
    name: 'submissions.list',
    on: 'client',
    role: 'viewer',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/submissions`,
  },
  {
    name: 'agency-audit.list',
    on: 'agency',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/audit-log?limit=500`,
  },
  {
    name: 'agency-audit.verify',
    on: 'agency',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/audit-log/verify`,
  },
  {
    name: 'client-audit.list',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/audit-log?limit=500`,
  },
  {
    name: 'client-audit.verify',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/audit-log/verify`,
  },
  {
    name: 'agency-users.list',
    on: 'agency',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/users`,
  },
  {
    name: 'client-users.list',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/users`,
  },
  {
    name: 'agency-user.patch',
    on: 'agency',
    role: 'admin',
    method: 'PATCH',
    status: 200,
    record: 'user',
    path: (r) => `/v1/agencies/${r.target.id}/users/${recordId(r)}`,
    body: () => ({ role: 'viewer' }),
  },
  {
    name: 'client-user.patch',
    on: 'client',
    role: 'admin',
    method: 'PATCH',
    status: 200,
    record: 'user',
    path: (r) => `/v1/clients/${r.target.id}/users/${recordId(r)}`,
    body: () => ({ role: 'viewer' }),
  },
  {
    name: 'agency-user.delete',
    on: 'agency',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    record: 'user',
    path: (r) => `/v1/agencies/${r.target.id}/users/${recordId(r)}`,
  },
  {
    name: 'client-user.delete',
    on: 'client',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    record: 'user',
    path: (r) => `/v1/clients/${r.target.id}/users/${recordId(r)}`,
  },
  {
    name: 'agency-user.password',
    on: 'agency',
    role: 'admin',
    method: 'POST',
    status: 204,
    record: 'user',
    path: (r) => `/v1/agencies/${r.target.id}/users/${recordId(r)}/password`,
    body: () => ({ newPassword: 'reset by the isolation walk' }),
  },
  {
    name: 'client-user.password',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 204,
    record: 'user',
    path: (r) => `/v1/clients/${r.target.id}/users/${recordId(r)}/password`,
    body: () => ({ newPassword: 'reset by the isolation walk' }),
  },
  {
    name: 'agency-invitations.create',
    on: 'agency',
    role: 'admin',
    method: 'POST',
    status: 201,
    creates: true,
    path: (r) => `/v1/agencies/${r.target.id}/invitations`,
    body: (r) => ({ email: `${marker('invitee')}-${r.n}@example.test`, role: 'member' }),
  },
  {
    name: 'client-invitations.create',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 201,
    path: (r) => `/v1/clients/${r.target.id}/invitations`,
    body: (r) => ({ email: `${marker('invitee')}-${r.n}@example.test`, role: 'member' }),
  },
  {
    name: 'agency-invitations.list',
    on: 'agency',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/agencies/${r.target.id}/invitations`,
  },
  {
    name: 'client-invitations.list',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/invitations`,
  },
  {
    name: 'webhooks.create',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 201,
    path: (r) => `/v1/clients/${r.target.id}/webhooks`,
    body: (r) => ({ url: `https://${hostnameOf(r)}/hook`, events: ['submission.created'] }),
  },
  {
    name: 'webhooks.list',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/webhooks`,
  },
  {
    name: 'webhook.rotate',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/webhooks/${webhookIn(r).id}/rotate-secret`,
  },
  {
    name: 'webhook.deliveries',
    on: 'client',
    role: 'admin',
    method: 'GET',
    status: 200,
    path: (r) => `/v1/clients/${r.target.id}/webhooks/${webhookIn(r).id}/deliveries`,
  },
  {
    name: 'webhook.resend',
    on: 'client',
    role: 'admin',
    method: 'POST',
    status: 202,
    path: (r) => `/v1/clients/${r.target.id}/webhooks/${webhookIn(r).id}/deliveries/${webhookIn(r).deliveryId}/retry`,
  },
  {
    name: 'webhook.delete',
    on: 'client',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    path: (r) => `/v1/clients/${r.target.id}/webhooks/${webhookIn(r).id}`,
  },
  {
    name: 'agency-invitation.delete',
    on: 'agency',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    record: 'invitation',
    path: (r) => `/v1/agencies/${r.target.id}/invitations/${recordId(r)}`,
  },
  {
    name: 'client-invitation.delete',
    on: 'client',
    role: 'admin',
    method: 'DELETE',
    status: 204,
    record: 'invitation',
    path: (r) => `/v1/clients/${r.target.id}/invitations/${recordId(r)}`,
  },
];

/** The user or invitation a request names; before it is made, an id that names nothing. */
function recordId(r: Request): string {
  return r.record?.id ?? NOWHERE.id;
}

/** The level of tenant a route's records live in. */
function recordLevel(route: Route): Kind {
  return route.name.startsWith('agency-') ? 'agency' : 'client';
}

/** Makes the user or invitation the request names, in its recordHome, as the platform admin. */
async function withRecord(r: Request): Promise<Request> {
  if (!r.route.record) return r;
  const home = r.recordHome;
  const level = home.kind === 'agency' ? 'agencies' : 'clients';
  const email = `${marker(r.route.record)}@example.test`;
  const response =
    r.route.record === 'user'
      ? await t.call('POST', `/v1/${level}/${home.id}/users`, t.adminToken, {
          email,
          password: 'a user made for one request',
          role: 'member',
        })
      : await t.call('POST', `/v1/${level}/${home.id}/invitations`, t.adminToken, { email, role: 'member' });
  expectStatus(response, 201);
  const id = response.json().id as string;
  home.secrets.push(id, email);
  if (r.route.record === 'user') userOwner.set(id, home);
  return { ...r, record: { id, home } };
}

type Outcome = 'allowed' | 'role' | 'outside';

function expectedOutcome(r: Request): Outcome {
  const { caller, route, target } = r;
  const roleSuffices = RANK[caller.role] >= RANK[route.role];
  switch (route.on) {
    case 'none':
      // Listing agencies is for platform and agency users; a client user is refused by role of tenant.
      return caller.tenant.kind === 'client' ? 'role' : 'allowed';
    case 'platform':
      return caller.tenant.kind === 'platform' ? 'allowed' : 'role';
    case 'agency':
      if (!reachesAgency(caller, target)) return 'outside';
      if (!roleSuffices) return 'role';
      // The platform admin reaches every id, but nothing can be created under an id that is no agency.
      if (route.creates && target.kind !== 'agency') return 'outside';
      // A user or invitation of another tenant, named under this one's path, is not found here.
      if (route.record && r.recordHome !== target) return 'outside';
      return 'allowed';
    case 'client':
      if (!reachesClient(caller, target)) return 'outside';
      if (!roleSuffices) return 'role';
      // A contact of another client named under this client's path does not exist here.
      if (route.name.startsWith('contact.') && r.contact.client !== target) return 'outside';
      // Likewise a domain of another client.
      if (route.name.startsWith('domain.') && r.domain.client !== target) return 'outside';
      // And an endpoint of another client.
      if (route.name.startsWith('webhook.') && webhookIn(r).client !== target) return 'outside';
      if (route.record && r.recordHome !== target) return 'outside';
      return 'allowed';
  }
}

// ---------------------------------------------------------------------------------------------
// What a body may carry.

/** The tenants whose data a successful answer may carry, and those whose users' ids it may name. */
function visibleFrom(r: Request): { own: Set<Tenant>; userIdsOf: Set<Tenant> } {
  const { caller, route, target } = r;
  const scope = route.on === 'none' || route.on === 'platform' ? caller.tenant : target;
  if (!isTreeTenant(scope)) return { own: new Set(), userIdsOf: new Set([platform]) };
  const own = new Set(subtree(scope));
  return { own, userIdsOf: new Set([...own, ...ancestors(scope)]) };
}

function assertNoForeignData(
  r: Request,
  body: string,
  own: Set<Tenant>,
  userIdsOf: Set<Tenant>,
  ancestorIds: string[],
): void {
  for (const node of tenants) {
    if (own.has(node)) continue;
    for (const secret of node.secrets) {
      if (ancestorIds.includes(secret)) continue;
      expect(
        body.includes(secret),
        `${describe(r)} answered with ${secret} of ${node.kind} ${node.name}: ${body}`,
      ).toBe(false);
    }
  }
  for (const [userId, owner] of userOwner) {
    if (userIdsOf.has(owner)) continue;
    expect(body.includes(userId), `${describe(r)} answered with user ${userId} of ${owner.name}: ${body}`).toBe(false);
  }
}

function describe(r: Request): string {
  return `${r.caller.label} ${r.route.method} ${r.route.path(r)} (target ${r.target.kind} ${r.target.name})`;
}

function subtreeTenantIds(node: Tenant): Set<string> {
  const ids = new Set(subtree(node).map((n) => n.id));
  for (const id of clientsCreatedLater.get(node.id) ?? []) ids.add(id);
  return ids;
}

async function contactExists(id: string): Promise<boolean> {
  const row = await t.data.privileged('test: does the contact exist', (db) =>
    db.selectFrom('contacts').select('contact_id').where('contact_id', '=', id).executeTakeFirst(),
  );
  return row !== undefined;
}

async function domainExists(id: string): Promise<boolean> {
  const row = await t.data.privileged('test: does the domain exist', (db) =>
    db.selectFrom('domains').select('domain_id').where('domain_id', '=', id).executeTakeFirst(),
  );
  return row !== undefined;
}

/** Does the thing a DELETE request aims at still exist? */
/** A pin of the target client's own, for a request that removes it to find. */
async function pinTarget(r: Request): Promise<void> {
  if (r.route.name !== 'client-version.unpin' || r.target.kind !== 'client' || !isTreeTenant(r.target)) return;
  const agencyId = r.target.parent?.id as string;
  await t.data.privileged('test: pin a client', (db) =>
    db
      .insertInto('api_version_pins')
      .values({ agency_id: agencyId, tenant_id: r.target.id, client_id: r.target.id, version: NEWEST_VERSION })
      .onConflict((conflict) => conflict.columns(['agency_id', 'tenant_id']).doNothing())
      .execute(),
  );
}

/** The level a flag route sets, and the tenant whose setting it is (null for the platform's). */
function flagTarget(r: Request): { level: 'platform' | 'agency' | 'client'; tenantId: string | null } | null {
  if (r.route.on === 'platform') return { level: 'platform', tenantId: null };
  // No tenant of that level there: there is nothing to set or delete, whoever asks.
  if (!isTreeTenant(r.target) || r.target.kind !== r.route.on) return null;
  return { level: r.route.on as 'agency' | 'client', tenantId: r.target.id };
}

/** Whether the flag a delete aims at is still set; a target with no tenant holds none to delete. */
async function flagExists(r: Request): Promise<boolean> {
  const target = flagTarget(r);
  if (!target) return expectedOutcome(r) !== 'allowed';
  const row = await t.data.privileged('test: is the flag set', (db) =>
    target.tenantId === null
      ? db.selectFrom('platform_flags').select('flag').where('flag', '=', FLAG).executeTakeFirst()
      : db
          .selectFrom('feature_flags')
          .select('flag')
          .where('tenant_id', '=', target.tenantId)
          .where('flag', '=', FLAG)
          .executeTakeFirst(),
  );
  return row !== undefined;
}

/** Sets the flag a delete aims at, so that a refused delete can be seen to leave it. */
async function setFlagFor(r: Request): Promise<void> {
  const target = flagTarget(r);
  if (!target) return;
  const path =
    target.level === 'platform'
      ? `/v1/platform/flags/${FLAG}`
      : `/v1/${target.level === 'agency' ? 'agencies' : 'clients'}/${target.tenantId}/flags/${FLAG}`;
  const response = await t.call('PUT', path, t.adminToken, { state: 'on' });
  expect(response.statusCode, response.body).toBe(200);
}

async function deleteTargetExists(r: Request): Promise<boolean> {
  if (r.route.name.endsWith('flag.delete')) return flagExists(r);
  if (r.route.record) {
    const id = recordId(r);
    const row = await t.data.privileged('test: does the user or invitation exist', (db) =>
      r.route.record === 'user'
        ? db.selectFrom('users').select('user_id as id').where('user_id', '=', id).executeTakeFirst()
        : db.selectFrom('invitations').select('invitation_id as id').where('invitation_id', '=', id).executeTakeFirst(),
    );
    return row !== undefined;
  }
  if (r.route.name === 'client-version.unpin') {
    // Only a client of the tree has a pin to remove (pinTarget made one before the request).
    if (r.target.kind !== 'client' || !isTreeTenant(r.target)) return true;
    const row = await t.data.privileged('test: does the client pin exist', (db) =>
      db.selectFrom('api_version_pins').select('tenant_id').where('tenant_id', '=', r.target.id).executeTakeFirst(),
    );
    return row !== undefined;
  }
  if (r.route.name === 'webhook.delete') {
    const id = webhookIn(r).id;
    const row = await t.data.privileged('test: does the webhook exist', (db) =>
      db.selectFrom('webhooks').select('webhook_id').where('webhook_id', '=', id).executeTakeFirst(),
    );
    return row !== undefined;
  }
  return r.route.name === 'domain.delete' ? domainExists(r.domain.id) : contactExists(r.contact.id);
}

/** Checks of a successful answer beyond its status: it is about the target and complete. */
function checkAllowedBody(r: Request, json: any): void {
  const { route, target, caller } = r;
  switch (route.name) {
    case 'agencies.list': {
      const ids = json.items.map((item: { id: string }) => item.id);
      if (caller.tenant.kind === 'platform') {
        for (const agency of platform.children) expect(ids).toContain(agency.id);
      } else {
        expect(ids).toEqual([caller.tenant.id]);
      }
      break;
    }
    case 'clients.list': {
      for (const item of json.items) expect(item.agencyId).toBe(target.id);
      const ids = json.items.map((item: { id: string }) => item.id);
      for (const child of target.kind === 'agency' ? target.children : []) expect(ids).toContain(child.id);
      break;
    }
    case 'agency-version.get':
    case 'agency-version.put':
    case 'client-version.get':
    case 'client-version.put':
      expect(json.version).toBe(NEWEST_VERSION);
      break;
    case 'clients.create':
      expect(json.agencyId).toBe(target.id);
      if (!clientsCreatedLater.has(target.id)) clientsCreatedLater.set(target.id, new Set());
      clientsCreatedLater.get(target.id)?.add(json.id);
      break;
    case 'client.get':
      expect(json).toMatchObject({ id: target.id, agencyId: target.parent?.id, name: target.name });
      break;
    case 'agency-users.create':
    case 'client-users.create':
      expect(json).toMatchObject({ tenantId: target.id, tenantType: target.kind, role: 'viewer' });
      break;
    case 'contacts.create':
      expect(json.clientId).toBe(target.id);
      break;
    case 'contacts.list': {
      for (const item of json.items) expect(item.clientId).toBe(target.id);
      const ids = json.items.map((item: { id: string }) => item.id);
      for (const contact of target.contacts) expect(ids).toContain(contact.id);
      break;
    }
    case 'contact.get':
      expect(json).toMatchObject({ id: r.contact.id, clientId: target.id, email: r.contact.email });
      break;
    case 'contact.patch':
      expect(json).toMatchObject({ id: r.contact.id, clientId: target.id, attributes: { touch: r.n } });
      break;
    case 'contact.export':
      expect(json).toMatchObject({ contact: { id: r.contact.id, clientId: target.id, email: r.contact.email } });
      break;
    case 'contact.erase':
      expect(json).toMatchObject({ contacts: 1 });
      break;
    case 'erasures.create':
      expect(json).toMatchObject({ contacts: 0, submissions: 0 });
      break;
    case 'privacy.get':
    case 'privacy.patch':
      expect(json, describe(r)).toMatchObject({ retention: { ipAddressesDays: 30 } });
      break;
    case 'settings.get':
      expect(json, describe(r)).toMatchObject({ widget: { title: target.widgetTitle }, allowLocalhost: false });
      break;
    case 'settings.patch':
      expect(json, describe(r)).toMatchObject({ widget: { title: titleOf(r) }, allowLocalhost: false });
      // From now on the title is this client's data: no other tenant may see it.
      target.widgetTitle = titleOf(r);
      target.secrets.push(titleOf(r));
      break;
    case 'domains.create':
      expect(json).toMatchObject({
        hostname: hostnameOf(r),
        status: 'pending',
        challenge: { type: 'TXT', name: `_upzento-challenge.${hostnameOf(r)}` },
      });
      target.secrets.push(json.id, hostnameOf(r), json.challenge.value);
      target.domainIds.add(json.id);
      break;
    case 'domains.list': {
      const ids: string[] = json.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(target.domain?.id);
      for (const id of ids)
        expect(target.domainIds.has(id), `${describe(r)}: domain ${id} is not the target's`).toBe(true);
      break;
    }
    case 'domain.verify':
      // The test DNS server knows no challenge: the check finds nothing and the domain stays pending.
      expect(json, describe(r)).toMatchObject({
        id: r.domain.id,
        hostname: r.domain.hostname,
        status: 'pending',
        lastCheck: { outcome: 'not_found' },
      });
      break;
    case 'submissions.list':
      for (const item of json.items) expect(item.clientId).toBe(target.id);
      expect(json.items.map((item: { id: string }) => item.id)).toContain(target.submissionId);
      break;
    case 'agency-audit.list':
    case 'client-audit.list': {
      if (target.kind === 'platform') break;
      const allowed = isTreeTenant(target) ? subtreeTenantIds(target) : new Set<string>();
      for (const item of json.items)
        expect(allowed.has(item.tenantId), `${describe(r)}: audit item of ${item.tenantId}`).toBe(true);
      if (isTreeTenant(target) && target.kind !== 'client') expect(json.items.length).toBeGreaterThan(0);
      break;
    }
    case 'agency-audit.verify':
    case 'client-audit.verify':
      expect(json.valid, `${describe(r)}: ${JSON.stringify(json)}`).toBe(true);
      break;
    case 'agency-users.list':
    case 'client-users.list':
    case 'agency-invitations.list':
    case 'client-invitations.list':
      for (const item of json.items) expect(item).toMatchObject({ tenantId: target.id, tenantType: target.kind });
      // The tenant's own admin, member and viewer of the setup are all listed.
      if (route.name.endsWith('users.list') && isTreeTenant(target) && target.kind === recordLevel(route)) {
        expect(json.items.length, describe(r)).toBeGreaterThanOrEqual(3);
      }
      break;
    case 'webhooks.create':
      expect(json).toMatchObject({
        url: `https://${hostnameOf(r)}/hook`,
        events: ['submission.created'],
        secret: expect.stringMatching(/^whsec_/),
      });
      target.secrets.push(json.id, hostnameOf(r), json.secret);
      break;
    case 'webhooks.list': {
      const ids: string[] = json.items.map((item: { id: string }) => item.id);
      expect(ids).toContain(webhookOf.get(target)?.id);
      for (const item of json.items) expect(item).not.toHaveProperty('secret');
      break;
    }
    case 'webhook.rotate':
      expect(json).toMatchObject({ id: webhookIn(r).id, secret: expect.stringMatching(/^whsec_/) });
      target.secrets.push(json.secret);
      break;
    case 'webhook.deliveries':
      expect(json.items.map((item: { id: string }) => item.id)).toContain(webhookIn(r).deliveryId);
      break;
    case 'webhook.resend':
      expect(json).toMatchObject({ webhookId: webhookIn(r).id, eventId: webhookIn(r).eventId, status: 'pending' });
      target.secrets.push(json.id);
      break;
    case 'agency-user.patch':
    case 'client-user.patch':
      expect(json).toMatchObject({ id: r.record?.id, role: 'viewer', tenantId: target.id });
      break;
    case 'agency-flag.put':
    case 'client-flag.put':
      expect(json).toMatchObject({ flag: FLAG, level: route.on, tenantId: target.id, state: 'rollout', percent: 50 });
      break;
    case 'agency-flag.get':
    case 'client-flag.get':
      expect(json).toMatchObject({ flag: FLAG, enabled: expect.any(Boolean) });
      expect(json.settings).toHaveProperty(route.on);
      break;
    case 'platform-flag.put':
      expect(json).toMatchObject({ flag: FLAG, level: 'platform', tenantId: null, state: 'on' });
      break;
    case 'agency-invitations.create':
    case 'client-invitations.create':
      expect(json).toMatchObject({ tenantId: target.id, tenantType: target.kind, role: 'member' });
      target.secrets.push(json.id, json.token);
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// The property.

function near(caller: Caller): Tenant[] {
  const own = caller.tenant;
  const family = [own, ...own.children, ...(own.parent ? [own.parent, ...own.parent.children] : [])];
  return [...new Set(family)];
}

function requests(): fc.Arbitrary<Request> {
  const everyTarget = [...tenants, NOWHERE];
  return fc.constantFrom(...callers).chain((caller) =>
    fc
      .record({
        route: fc.constantFrom(...ROUTES),
        // Mostly tenants next to the caller (own, children, parent, siblings), where the rules bite.
        target: fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(...near(caller)) },
          { weight: 1, arbitrary: fc.constantFrom(...everyTarget) },
        ),
        ownContact: fc.boolean(),
        pick: fc.nat(),
        n: fc.nat(),
      })
      .map(({ route, target, ownContact, pick, n }) => makeRequest(caller, route, target, ownContact, pick, n)),
  );
}

/** ownContact: the contact or domain named in the path is the target's own (when it has one). */
function makeRequest(
  caller: Caller,
  route: Route,
  target: Tenant,
  ownContact: boolean,
  pick: number,
  n: number,
): Request {
  const pool = ownContact && target.contacts.length > 0 ? target.contacts : contacts;
  const domain = ownContact && target.domain ? target.domain : (domains[pick % domains.length] as Domain);
  const clients = tenants.filter((node) => node.kind === 'client');
  const deleteHome =
    ownContact && target.kind === 'client' && isTreeTenant(target)
      ? target
      : (clients[pick % clients.length] as Tenant);
  const level = recordLevel(route);
  const homes = tenants.filter((node) => node.kind === level);
  const recordHome =
    ownContact && target.kind === level && isTreeTenant(target) ? target : (homes[pick % homes.length] as Tenant);
  const webhook = ownContact && webhookOf.has(target) ? webhookOf.get(target) : webhooks[pick % webhooks.length];
  const request: Request = {
    caller,
    route,
    target,
    contact: pool[pick % pool.length] as Contact,
    domain,
    deleteHome,
    recordHome,
    n,
    ...(webhook && { webhook }),
  };
  // The tree is cyclic (parents and children); a counterexample is reported as one line.
  return Object.assign(request, {
    [fc.toStringMethod]: () => `${describe(request)} contact ${request.contact.id} domain ${request.domain.id} n ${n}`,
  });
}

const seen: Record<Outcome, number> = { allowed: 0, role: 0, outside: 0 };

/** Sends one request and checks its answer against the model; returns the outcome expected. */
async function checkRequest(r: Request): Promise<Outcome> {
  // A request replayed while shrinking writes new values (a hostname used before would be a 409).
  written.delete(r);
  let request = r;
  if (r.route.name === 'contact.delete' || r.route.name === 'contact.erase') {
    // Each delete or erasure aims at a contact made for it, so runs do not depend on each other.
    const home = r.deleteHome;
    const fresh = await createContact(t, t.adminToken, home.id);
    request = { ...r, contact: { ...fresh, client: home } };
  }
  if (r.route.name === 'domain.delete') {
    // Likewise a domain registered for this one request.
    request = { ...r, domain: await registerDomain(t.adminToken, r.deleteHome) };
  }
  if (r.route.name === 'webhook.delete' || r.route.name === 'webhooks.create') {
    // Endpoints made by earlier requests are removed first: a client may have only a few.
    await pruneWebhooks(r.deleteHome);
    if (isTreeTenant(r.target) && r.target.kind === 'client') await pruneWebhooks(r.target);
  }
  if (r.route.name === 'webhook.delete') {
    // And an endpoint registered for this one request.
    const home = r.deleteHome;
    const fresh = await registerWebhook(t.adminToken, home);
    request = { ...request, webhook: { ...(webhookOf.get(home) as Webhook), id: fresh.id } };
  }
  // And the flag a flag delete aims at.
  if (r.route.name.endsWith('flag.delete')) await setFlagFor(r);
  // And a user or invitation, so that changes and removals never touch the callers themselves.
  request = await withRecord(request);
  await pinTarget(request);
  const outcome = expectedOutcome(request);
  const response = await send(request);
  const label = `${describe(request)} → ${response.statusCode} ${response.body}`;
  if (outcome === 'allowed') {
    expect(response.statusCode, label).toBe(request.route.status);
    const { own, userIdsOf } = visibleFrom(request);
    const ancestorIds = isTreeTenant(request.target) ? ancestors(request.target).map((node) => node.id) : [];
    assertNoForeignData(request, response.body, own, userIdsOf, ancestorIds);
    if (response.statusCode !== 204) checkAllowedBody(request, response.json());
    if (request.route.method === 'DELETE') expect(await deleteTargetExists(request), label).toBe(false);
    if (request.route.name === 'contact.erase') expect(await contactExists(request.contact.id), label).toBe(false);
    return outcome;
  }
  if (outcome === 'role') expect(response.statusCode, label).toBe(403);
  else expect([403, 404], label).toContain(response.statusCode);
  // A refusal names nothing: no tenant's data and no id at all.
  assertNoForeignData(request, response.body, new Set(), new Set(), []);
  expect(UUID_ANYWHERE.test(response.body), label).toBe(false);
  expect(Object.keys(response.json()).sort(), label).toEqual(['code', 'error', 'message', 'statusCode']);
  if (request.route.method === 'DELETE') expect(await deleteTargetExists(request), label).toBe(true);
  if (request.route.name === 'contact.erase') expect(await contactExists(request.contact.id), label).toBe(true);
  return outcome;
}

async function send(r: Request) {
  const body = r.route.body?.(r);
  return t.call(r.route.method, r.route.path(r), r.caller.token, body);
}

test('the tree was provisioned with every role in every agency and client', () => {
  const agencies = tenants.filter((node) => node.kind === 'agency');
  const clients = tenants.filter((node) => node.kind === 'client');
  expect(agencies.length).toBeGreaterThanOrEqual(2);
  expect(clients.length).toBeGreaterThanOrEqual(agencies.length);
  for (const node of [...agencies, ...clients]) {
    expect(
      callers
        .filter((caller) => caller.tenant === node)
        .map((caller) => caller.role)
        .sort(),
    ).toEqual(['admin', 'member', 'viewer']);
  }
  expect(contacts.length).toBeGreaterThanOrEqual(2 * clients.length);
  expect(clients.every((client) => client.domain !== null)).toBe(true);
});

test('every route refuses sideways and upward access without data, and allows downward access by role', async () => {
  await fc.assert(
    fc.asyncProperty(requests(), async (r) => {
      seen[await checkRequest(r)] += 1;
    }),
    { numRuns: 400 },
  );
  // The draws must have reached all three kinds of answer, or the property proved little.
  expect(seen.allowed).toBeGreaterThan(20);
  expect(seen.role).toBeGreaterThan(20);
  expect(seen.outside).toBeGreaterThan(20);
}, 120_000);

test('every route, walked once for each kind of caller, role and answer', async () => {
  // Random draws rarely send an admin-only route with an admin's token; this walk makes sure that
  // each route meets every role of platform, agency and client callers in every answer the model
  // allows for it (allowed, refused by role, refused as outside), with a contact or domain of
  // another client named under the target's path as well.
  const picked = new Map<string, Request>();
  for (const route of ROUTES) {
    for (const caller of callers) {
      for (const target of [...near(caller), NOWHERE]) {
        for (const ownContact of [true, false]) {
          const r = makeRequest(caller, route, target, ownContact, 0, picked.size);
          const foreign =
            (route.name.startsWith('contact.') && r.contact.client !== target) ||
            (route.name.startsWith('domain.') && r.domain.client !== target) ||
            (route.name.startsWith('webhook.') && webhookIn(r).client !== target) ||
            (route.record !== undefined && r.recordHome !== target);
          const key = `${route.name} ${expectedOutcome(r)} ${caller.tenant.kind} ${caller.role} ${foreign}`;
          if (!picked.has(key)) picked.set(key, r);
        }
      }
    }
  }
  const reached = new Map<string, Set<Outcome>>(ROUTES.map((route) => [route.name, new Set()]));
  for (const r of picked.values()) reached.get(r.route.name)?.add(await checkRequest(r));
  for (const route of ROUTES) {
    const outcomes = reached.get(route.name) as Set<Outcome>;
    expect(outcomes.has('allowed'), route.name).toBe(true);
    expect(outcomes.has('role') || outcomes.has('outside'), route.name).toBe(true);
  }
}, 120_000);

test('a client user cannot reach its own agency, a sibling client, or another agency, on any route', async () => {
  // The same rules, walked exhaustively for one client admin (the highest role below an agency).
  const caller = callers.find((c) => c.tenant.kind === 'client' && c.role === 'admin') as Caller;
  const own = caller.tenant;
  const others = tenants.filter((node) => node !== own && node.kind !== 'platform');
  // Every request here is refused, so one user or invitation per route serves every target.
  const records = new Map<string, Request['record']>();
  for (const target of [...others, platform]) {
    for (const route of ROUTES.filter((route) => route.on === 'agency' || route.on === 'client')) {
      const contact = target.contacts[0] ?? (own.contacts[0] as Contact);
      const domain = target.domain ?? (own.domain as Domain);
      const recordHome = recordLevel(route) === 'agency' ? (own.parent as Tenant) : own;
      const base: Request = { caller, route, target, contact, domain, deleteHome: own, recordHome, n: 0 };
      const made = records.get(route.name);
      const r = made ? { ...base, record: made } : await withRecord(base);
      records.set(route.name, r.record);
      await pinTarget(r);
      if (route.name.endsWith('flag.delete')) await setFlagFor(r);
      const response = await send(r);
      expect([403, 404], `${describe(r)} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
      assertNoForeignData(r, response.body, new Set(), new Set(), []);
      if (route.method === 'DELETE') expect(await deleteTargetExists(r), describe(r)).toBe(true);
    }
  }
  // And its own client's contact, named under a sibling's path, is not found there either.
  const sibling = own.parent?.children.find((node) => node !== own);
  if (sibling) {
    const response = await t.call('GET', `/v1/clients/${sibling.id}/contacts/${own.contacts[0]?.id}`, caller.token);
    expectStatus(response, 404);
  }
}, 120_000);

test('every response above matched the OpenAPI document', () => {
  // t.call throws on any response the document does not describe; this says the check ran on every
  // kind of answer, not only on some.
  const statuses = new Set([...t.responses.seen.keys()].map((key) => key.split(' ')[2]));
  for (const status of ['200', '201', '204', '403', '404']) expect(statuses, status).toContain(status);
  const total = [...t.responses.seen.values()].reduce((sum, n) => sum + n, 0);
  expect(total).toBeGreaterThan(1000);
});
