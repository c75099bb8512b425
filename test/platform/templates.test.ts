/**
 * Provisioning from templates: the platform and each agency keep templates (widget settings, flags,
 * limits, people to invite), and a client is made from one in one call, with everything it sets in
 * place and the invitations' tokens in the answer. Templates follow the tree like every other route.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createAgencyWithClient, createUser, expectStatus, type CreatedUser } from './provision.ts';

let t: TestApp;
let agencyId: string;
let agencyAdmin: CreatedUser;
let clientAdmin: CreatedUser;

const CONTENT = {
  widget: { title: 'Ask the bakery', position: 'bottom-left' },
  allowLocalhost: true,
  flags: { 'chat-handoff': { state: 'on', public: true }, 'beta-export': { state: 'rollout', percent: 100 } },
  limits: { domains: 3 },
  invitations: [{ email: 'owner@bakery.test', role: 'member' }],
};

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createAgencyWithClient(t);
  ({ agencyId, agencyAdmin } = tree);
  clientAdmin = await createUser(t, t.adminToken, 'clients', tree.client.id, 'admin');
});
afterAll(() => t?.close());

async function clientCount(): Promise<number> {
  return (await t.call('GET', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token)).json().items.length;
}

describe("an agency's template", () => {
  test('provisions a client in one call: settings, flags, limits and invitations in place, tokens in the answer', async () => {
    const created = await t.call('POST', `/v1/agencies/${agencyId}/templates`, agencyAdmin.token, {
      name: 'Bakery',
      content: CONTENT,
    });
    expectStatus(created, 201);
    expect(created.json()).toMatchObject({ level: 'agency', name: 'Bakery', content: CONTENT });
    const templateId = created.json().id;

    const made = await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, {
      name: 'Corner Bakery',
      templateId,
    });
    expectStatus(made, 201);
    const client = made.json();
    expect(client).toMatchObject({
      name: 'Corner Bakery',
      template: { id: templateId, level: 'agency', name: 'Bakery' },
    });
    expect(client.invitations).toHaveLength(1);
    expect(client.invitations[0]).toMatchObject({ email: 'owner@bakery.test', role: 'member', tenantId: client.id });

    const settings = (await t.call('GET', `/v1/clients/${client.id}/settings`, agencyAdmin.token)).json();
    expect(settings).toMatchObject({
      allowLocalhost: true,
      widget: { title: 'Ask the bakery', position: 'bottom-left' },
    });
    const flag = (await t.call('GET', `/v1/clients/${client.id}/flags/chat-handoff`, agencyAdmin.token)).json();
    expect(flag).toMatchObject({ enabled: true, decidedBy: 'client' });
    const limits = (await t.call('GET', `/v1/clients/${client.id}/limits`, agencyAdmin.token)).json();
    expect(limits).toMatchObject({ limits: { domains: 3 }, overrides: { domains: 3 } });

    // The invited person accepts with the token the answer gave, and signs in with the role the template gave.
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, {
        token: client.invitations[0].token,
        password: 'a password of the owner',
      }),
      204,
    );
    const owner = await t.signIn('owner@bakery.test', 'a password of the owner');
    const users = (await t.call('GET', `/v1/clients/${client.id}/users`, agencyAdmin.token)).json().items;
    expect(users).toEqual([expect.objectContaining({ email: 'owner@bakery.test', role: 'member' })]);
    expectStatus(await t.call('GET', `/v1/clients/${client.id}`, owner), 200);

    const audit = (await t.call('GET', `/v1/clients/${client.id}/audit-log?limit=100`, agencyAdmin.token)).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toContain('client.provisioned_from_template');
  });

  test('is replaced and deleted by its agency; a deleted one provisions nothing', async () => {
    const { id } = (
      await t.call('POST', `/v1/agencies/${agencyId}/templates`, agencyAdmin.token, { name: 'Old', content: {} })
    ).json();
    const replaced = await t.call('PUT', `/v1/agencies/${agencyId}/templates/${id}`, agencyAdmin.token, {
      name: 'New',
      content: { limits: { users: 5 } },
    });
    expect(replaced.json()).toMatchObject({ name: 'New', content: { limits: { users: 5 } } });
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/templates/${id}`, agencyAdmin.token), 204);
    const before = await clientCount();
    const made = await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, {
      name: 'X',
      templateId: id,
    });
    expectStatus(made, 404);
    expect(made.json().message).toBe('Template not found');
    expect(await clientCount()).toBe(before);
  });

  test("another agency's template is not found, and nothing is made", async () => {
    const other = (await createAgency(t)).id;
    const { id } = (
      await t.call('POST', `/v1/agencies/${other}/templates`, t.adminToken, { name: 'Theirs', content: {} })
    ).json();
    const before = await clientCount();
    expectStatus(
      await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, { name: 'X', templateId: id }),
      404,
    );
    expectStatus(await t.call('GET', `/v1/agencies/${other}/templates/${id}`, agencyAdmin.token), 404);
    expect(await clientCount()).toBe(before);
  });

  test.each([
    ['an unknown property', { content: { colour: 'red' } }],
    ['a widget setting past its schema', { content: { widget: { title: 'x'.repeat(121) } } }],
    ['a rollout without its percentage', { content: { flags: { beta: { state: 'rollout' } } } }],
    ['a percentage without a rollout', { content: { flags: { beta: { state: 'on', percent: 5 } } } }],
    ['a bad flag name', { content: { flags: { 'Not A Name': { state: 'on' } } } }],
    ['a role no one has', { content: { invitations: [{ email: 'a@b.test', role: 'owner' }] } }],
    ['a limit out of range', { content: { limits: { users: 0 } } }],
    ['no name', { name: '', content: {} }],
  ])('%s is a 400 and stores nothing', async (_name, body) => {
    const response = await t.call('POST', `/v1/agencies/${agencyId}/templates`, agencyAdmin.token, {
      name: 'Bad',
      ...body,
    });
    expectStatus(response, 400);
    const list = (await t.call('GET', `/v1/agencies/${agencyId}/templates`, agencyAdmin.token)).json().items;
    expect(list.map((item: { name: string }) => item.name)).not.toContain('Bad');
  });
});

describe("the platform's templates", () => {
  test('every agency may list and use them; only the platform admin changes them; clients see none', async () => {
    const created = await t.call('POST', '/v1/platform/templates', t.adminToken, {
      name: 'Starter',
      content: { widget: { title: 'Hello from Starter' } },
    });
    expectStatus(created, 201);
    const { id } = created.json();
    expect(created.json().level).toBe('platform');
    const listed = (await t.call('GET', '/v1/platform/templates', agencyAdmin.token)).json().items;
    expect(listed.map((item: { id: string }) => item.id)).toContain(id);
    expectStatus(await t.call('GET', '/v1/platform/templates', clientAdmin.token), 403);
    expectStatus(await t.call('POST', '/v1/platform/templates', agencyAdmin.token, { name: 'Mine', content: {} }), 403);
    expectStatus(await t.call('DELETE', `/v1/platform/templates/${id}`, agencyAdmin.token), 403);

    const made = await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, {
      name: 'Starter Shop',
      templateId: id,
    });
    expectStatus(made, 201);
    expect(made.json()).toMatchObject({ template: { id, level: 'platform' }, invitations: [] });
    const settings = (await t.call('GET', `/v1/clients/${made.json().id}/settings`, agencyAdmin.token)).json();
    expect(settings.widget.title).toBe('Hello from Starter');
    expectStatus(await t.call('DELETE', `/v1/platform/templates/${id}`, t.adminToken), 204);
    expectStatus(await t.call('GET', `/v1/platform/templates/${id}`, t.adminToken), 404);
  });

  test('a client made without a template answers no template and no invitations', async () => {
    const made = await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, { name: 'Plain' });
    expectStatus(made, 201);
    expect(made.json()).toMatchObject({ template: null, invitations: [] });
  });
});
