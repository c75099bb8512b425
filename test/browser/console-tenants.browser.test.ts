/**
 * The console's tenant tree in Chromium: the platform admin creates an agency, provisions a client
 * and manages the agency's users and invitations; the agency's admin sees its own clients only, and
 * another agency's address answers the API's not-found in words; an agency viewer sees without the
 * controls its role cannot use; a client's admin sees its users; and an alert provoked through the
 * API is acknowledged and resolved on the alerts page. Every page passes axe, on a desktop and a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsSkipped } from '../support/browser.ts';
import { checkPage, PHONE, startConsole, type ConsoleFixture } from '../support/console-browser.ts';
import { createAgencyWithClient, createUser, expectStatus, marker, USER_PASSWORD } from '../platform/provision.ts';

const skipped = browserTestsSkipped('console tenant-tree browser tests');

describe.skipIf(skipped)('the tenant tree in the console', () => {
  let c: ConsoleFixture;
  const agencyName = marker('Console agency');
  const clientName = marker('Console client');
  const agencyAdmin = `${marker('agency-admin')}@example.test`;
  let agencyId: string;
  let clientId: string;

  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  /**
   * Signed in, with the shell shown: c.signIn returns once a `main h1` is there, which the sign-in
   * page's own heading already is, so a `goto` right after it could leave before the session cookie came.
   */
  async function signIn(...args: Parameters<ConsoleFixture['signIn']>): Promise<Page> {
    const page = await c.signIn(...args);
    await page.locator('.who').waitFor();
    return page;
  }

  it('the platform admin creates an agency, provisions a client in it and opens the client', async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agencies' }).click();
    await page.getByRole('heading', { name: 'Agencies' }).waitFor();
    await page.getByLabel('Agency name').fill(agencyName);
    await page.getByRole('button', { name: 'Create agency' }).click();
    await page.getByRole('link', { name: agencyName }).waitFor();
    expect(await row(page, agencyName).getByText('Active').count()).toBe(1);
    expect(await page.getByLabel('Agency name').inputValue()).toBe('');
    // The emptied form takes the focus its button had, ready for the next agency.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await checkPage(page, 'agencies');

    await page.getByRole('link', { name: agencyName }).click();
    await page.getByRole('heading', { name: `${agencyName}: clients` }).waitFor();
    agencyId = new URL(page.url()).pathname.split('/')[3] as string;
    await page.getByText('This agency has no clients yet.').waitFor();
    await page.getByLabel('Client name').fill(clientName);
    await page.getByRole('button', { name: 'Provision client' }).click();
    await row(page, clientName).waitFor();

    const listed = await c.t.call('GET', `/v1/agencies/${agencyId}/clients`, c.t.adminToken);
    expectStatus(listed, 200);
    const [client] = listed.json().items;
    expect(client.name).toBe(clientName);
    clientId = client.id;
    expect(await row(page, clientName).locator('code').textContent()).toBe(client.publicKey);
    await checkPage(page, 'agency');

    await row(page, clientName).getByRole('link', { name: clientName }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/console/clients/${clientId}/domains`);
    await page.context().close();
  });

  it("the platform admin adds the agency's users, changes a role, invites, withdraws and removes", async () => {
    const page = await signIn();
    await page.goto(`${c.base}/console/agencies/${agencyId}`);
    await page.getByRole('link', { name: 'Users of this agency' }).click();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();

    const add = page.getByRole('form', { name: 'Add a user' });
    const member = `${marker('member')}@example.test`;
    for (const [email, role] of [
      [agencyAdmin, 'admin'],
      [member, 'member'],
    ] as const) {
      await add.getByLabel('Email').fill(email);
      await add.getByLabel('Password').fill(USER_PASSWORD);
      await add.getByLabel('Role').selectOption(role);
      await add.getByRole('button', { name: 'Add user' }).click();
      await row(page, email).waitFor();
    }

    await row(page, member).getByLabel(`Role of ${member}`).selectOption('viewer');
    await row(page, member)
      .getByRole('button', { name: `Change role of ${member}` })
      .click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'is now' }).textContent())
      .toBe(`${member} is now viewer.`);
    const users = (await c.t.call('GET', `/v1/agencies/${agencyId}/users`, c.t.adminToken)).json().items;
    expect(users.map((user: { email: string; role: string }) => [user.email, user.role]).sort()).toEqual(
      [
        [agencyAdmin, 'admin'],
        [member, 'viewer'],
      ].sort(),
    );

    const invite = page.getByRole('form', { name: 'Invite someone' });
    const invited = `${marker('invited')}@example.test`;
    await invite.getByLabel('Email').fill(invited);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await page.getByText(`Pass this invitation token to ${invited}.`).waitFor();
    // The role a form starts with is the middle one, not admin.
    await row(page, invited).waitFor();
    expect(await row(page, invited).getByRole('cell').nth(1).textContent()).toBe('member');
    await checkPage(page, 'agency-users');

    await row(page, invited)
      .getByRole('button', { name: `Withdraw the invitation for ${invited}` })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw invitation' }).click();
    await page.getByText('No open invitations.').waitFor();
    expect((await c.t.call('GET', `/v1/agencies/${agencyId}/invitations`, c.t.adminToken)).json().items).toEqual([]);

    await row(page, member)
      .getByRole('button', { name: `Remove ${member}` })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove user' }).click();
    await expect.poll(() => row(page, member).count()).toBe(0);
    expect((await c.t.call('GET', `/v1/agencies/${agencyId}/users`, c.t.adminToken)).json().items).toHaveLength(1);
    await page.context().close();
  });

  it("the agency's admin sees its own clients only; another agency's address is not found, in words", async () => {
    const other = await createAgencyWithClient(c.t);
    const page = await signIn(agencyAdmin, USER_PASSWORD, PHONE);
    await page.getByRole('heading', { name: `${agencyName}: clients` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/agencies/${agencyId}`);
    await row(page, clientName).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    await checkPage(page, 'agency-phone');

    // A template of the agency's own is offered, and the invitation it makes is shown with its token.
    const owner = `${marker('owner')}@example.test`;
    const template = await c.t.call('POST', `/v1/agencies/${agencyId}/templates`, c.t.adminToken, {
      name: 'Bakery starter',
      content: { invitations: [{ email: owner, role: 'admin' }] },
    });
    expectStatus(template, 201);
    await page.reload();
    const templated = marker('Templated client');
    await page.getByLabel('Client name').fill(templated);
    await page.getByLabel('Template').selectOption({ label: "Bakery starter (the agency's)" });
    await page.getByRole('button', { name: 'Provision client' }).click();
    await page.getByText(`${templated} is ready, made from the template Bakery starter.`).waitFor();
    await expect.poll(() => page.getByText(`${owner} (admin)`).count()).toBe(1);
    expect(await page.locator('.provisioned code').textContent()).toMatch(/^inv_/);
    await row(page, templated).waitFor();
    await checkPage(page, 'agency-provisioned-phone');

    await page.goto(`${c.base}/console/agencies/${other.agencyId}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Agency not found');
    const text = await page.locator('main').textContent();
    expect(text).not.toContain(other.client.name);
    expect(text).not.toContain(other.client.publicKey);
    expect(await page.getByRole('button', { name: 'Provision client' }).count()).toBe(0);

    await page.goto(`${c.base}/console/clients/${clientId}/users`);
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await page.getByText('No users yet.').waitFor();
    await checkPage(page, 'client-users-from-agency-phone');
    await page.context().close();
  });

  it('an agency viewer sees the clients without the controls its role cannot use', async () => {
    const viewer = await createUser(c.t, c.t.adminToken, 'agencies', agencyId, 'viewer');
    const page = await signIn(viewer.email, USER_PASSWORD);
    await row(page, clientName).waitFor();
    expect(await page.getByRole('button', { name: 'Provision client' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByText('Only admins see and manage the users of this agency. Your role is viewer').waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    await checkPage(page, 'agency-users-viewer');
    await page.context().close();
  });

  it("a client's admin sees its own users", async () => {
    const admin = await createUser(c.t, c.t.adminToken, 'clients', clientId, 'admin');
    const fellow = await createUser(c.t, c.t.adminToken, 'clients', clientId, 'admin');
    const member = await createUser(c.t, c.t.adminToken, 'clients', clientId, 'member');
    const page = await signIn(admin.email, USER_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await row(page, admin.email).waitFor();
    expect(await row(page, admin.email).textContent()).toContain('(you)');
    // The API refuses a fellow admin's change to anyone but that admin and the tenants above.
    expect(await row(page, fellow.email).getByRole('button').count()).toBe(0);
    expect(
      await row(page, member.email)
        .getByRole('button', { name: /^Remove/ })
        .count(),
    ).toBe(1);
    await checkPage(page, 'client-users');

    // Lowering one's own role ends one's session, so it is asked first.
    await page.getByLabel(`Role of ${admin.email}`).selectOption('member');
    await row(page, admin.email)
      .getByRole('button', { name: /^Change role/ })
      .click();
    await page.getByRole('dialog', { name: 'Lower your own role to member?' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const users = (await c.t.call('GET', `/v1/clients/${clientId}/users`, c.t.adminToken)).json().items;
    expect(users.find((user: { id: string }) => user.id === admin.id).role).toBe('admin');
    await page.context().close();
  });

  it('an alert provoked through the API is listed for the platform admin, acknowledged and resolved', async () => {
    const removed = await createUser(c.t, c.t.adminToken, 'agencies', agencyId, 'member');
    expectStatus(await c.t.call('DELETE', `/v1/agencies/${agencyId}/users/${removed.id}`, c.t.adminToken), 204);
    for (let i = 0; i < 2; i += 1) expectStatus(await c.t.call('GET', '/v1/agencies', removed.token), 401);
    await c.t.app.alerts.settled();

    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    await page.getByLabel('Kind').selectOption('token_after_user_removed');
    await expect.poll(() => new URL(page.url()).search).toBe('?kind=token_after_user_removed');
    const alert = page.getByRole('article').filter({ hasText: agencyName });
    await alert.getByRole('heading', { name: 'A removed user’s token was used' }).waitFor();
    expect(await alert.getByText('Warning').count()).toBe(1);
    expect(await alert.getByText('2 times').count()).toBe(1);
    await alert.getByText('What was seen').click();
    expect(await alert.textContent()).toContain(removed.id);
    await checkPage(page, 'alerts');

    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    await alert.getByText('Acknowledged', { exact: true }).first().waitFor();
    await alert.getByText('by you').first().waitFor();
    await alert.getByRole('button', { name: /^Resolve/ }).click();
    await alert.getByText('Resolved', { exact: true }).first().waitFor();
    expect(await alert.getByRole('button').count()).toBe(0);
    const stored = (await c.t.call('GET', '/v1/platform/alerts?kind=token_after_user_removed', c.t.adminToken))
      .json()
      .items.filter((item: { details: { userId?: string } }) => item.details.userId === removed.id);
    expect(stored.map((item: { status: string }) => item.status)).toEqual(['resolved']);
    await page.context().close();

    const phone = await signIn(undefined, undefined, PHONE);
    await phone.goto(`${c.base}/console/platform/alerts?status=resolved`);
    await phone.getByRole('article').filter({ hasText: agencyName }).waitFor();
    await checkPage(phone, 'alerts-phone');
    await phone.context().close();
  });
});
