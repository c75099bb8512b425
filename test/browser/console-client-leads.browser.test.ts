/**
 * A client's leads, audit log and webhooks in the console, in Chromium: as the client's admin, the
 * leads list pages, searches, switches to submissions, exports the current view as CSV (quoted, no
 * formula left live) and opens a lead with its submissions; the audit log narrows by action and says
 * its chain is verified; a webhook is added and its secret shown once. As a viewer, nothing to change.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsSkipped } from '../support/browser.ts';
import { checkPage, PHONE, startConsole, type ConsoleFixture } from '../support/console-browser.ts';
import {
  createAgency,
  createClient,
  createContact,
  createUser,
  expectStatus,
  USER_PASSWORD,
  type CreatedUser,
} from '../platform/provision.ts';

const skipped = browserTestsSkipped('console client leads browser tests');
const LOCAL_ORIGIN = 'http://localhost:3000';
/** More contacts than one page of the console's lists (25) holds. */
const CONTACTS = 28;

describe.skipIf(skipped)('a client’s leads, audit log and webhooks in the console', () => {
  let c: ConsoleFixture;
  let client: { id: string; publicKey: string };
  let admin: CreatedUser;
  let viewer: CreatedUser;
  let leaving: { id: string; email: string };

  async function submit(body: { email: string; name?: string; message?: string }) {
    const response = await c.t.app.inject({
      method: 'POST',
      url: `/v1/widget/${client.publicKey}/submissions`,
      headers: { origin: LOCAL_ORIGIN, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expectStatus(response, 201);
  }

  async function open(page: Page, path: string, heading: string) {
    await page.goto(`${c.base}/console/clients/${client.id}/${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  const rows = (page: Page, table: string) => page.getByRole('region', { name: table }).locator('tbody tr');

  beforeAll(async () => {
    c = await startConsole();
    const agencyId = (await createAgency(c.t)).id;
    client = await createClient(c.t, c.t.adminToken, agencyId);
    admin = await createUser(c.t, c.t.adminToken, 'clients', client.id, 'admin');
    viewer = await createUser(c.t, c.t.adminToken, 'clients', client.id, 'viewer');
    expectStatus(
      await c.t.call('PATCH', `/v1/clients/${client.id}/settings`, admin.token, { allowLocalhost: true }),
      200,
    );
    for (let i = 0; i < CONTACTS - 1; i += 1) await createContact(c.t, admin.token, client.id);
    leaving = await createContact(c.t, admin.token, client.id, { name: 'Leaving Soon' });
    await submit({ email: 'ada@lovelace.test', name: 'Lovelace, "Ada"', message: '=HYPERLINK("https://evil.test")' });
    await submit({ email: 'ada@lovelace.test', name: 'Lovelace, "Ada"', message: 'a second note' });
    await submit({ email: 'grace@hopper.test', name: 'Grace Hopper', message: '+1 for the compiler' });
  });
  afterAll(() => c?.close());

  it('lists contacts a page at a time, searches, switches to submissions and exports the view as CSV', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await open(page, 'leads', 'Leads');
    await expect.poll(() => rows(page, 'Contacts').count()).toBe(25);
    await checkPage(page, 'leads');

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => rows(page, 'Contacts').count()).toBe(CONTACTS + 2 - 25);
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    await page.getByRole('button', { name: 'First page' }).click();
    await expect.poll(() => rows(page, 'Contacts').count()).toBe(25);

    await page.getByRole('searchbox', { name: 'Search' }).fill('grace@');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect
      .poll(() => rows(page, 'Contacts').allTextContents())
      .toEqual([expect.stringContaining('grace@hopper.test')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('grace@');

    await page.getByRole('button', { name: 'Show all' }).click();
    await page.getByRole('button', { name: 'Submissions' }).click();
    await expect.poll(() => rows(page, 'Submissions').count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('view')).toBe('submissions');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^leads-submissions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Received,Email,Name,Message,Origin,/);
    expect(lines.filter(Boolean)).toHaveLength(4);
    // Newest first: Grace, then Ada's two; quotes doubled, the formula and the leading + made text.
    expect(lines[1]).toContain(`,grace@hopper.test,Grace Hopper,'+1 for the compiler,`);
    expect(lines[3]).toContain(
      `,ada@lovelace.test,"Lovelace, ""Ada""","'=HYPERLINK(""https://evil.test"")",${LOCAL_ORIGIN},`,
    );
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Exported 3 submissions.');
    await page.context().close();
  });

  it('opens a lead with its submissions, and edits it', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await open(page, 'leads?view=submissions&q=ada', 'Leads');
    await rows(page, 'Submissions').first().getByRole('link', { name: 'ada@lovelace.test' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lovelace, "Ada"' }).waitFor();
    await expect.poll(() => rows(page, 'Submissions of this contact').count()).toBe(2);
    expect(await rows(page, 'Submissions of this contact').allTextContents()).toEqual([
      expect.stringContaining('a second note'),
      expect.stringContaining('=HYPERLINK'),
    ]);
    await checkPage(page, 'lead');

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Phone').fill('+44 20 7946 0000');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('+44 20 7946 0000');
    expect(await page.getByRole('status').allTextContents()).toContain('Contact saved.');
    await page.context().close();
  });

  it('deletes a lead only after the confirmation', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await open(page, `leads/${leaving.id}`, 'Leaving Soon');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this contact?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expectStatus(await c.t.call('GET', `/v1/clients/${client.id}/contacts/${leaving.id}`, admin.token), 200);

    // A failed attempt's error is not there any more when the dialog is opened again.
    await page.route('**/contacts/*', (route) =>
      route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete contact' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.unroute('**/contacts/*');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Delete contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lead removed' }).waitFor();
    expect(await page.locator('.notice.good').textContent()).toBe(
      `${leaving.email} was deleted. Their submissions are kept, no longer linked to a contact.`,
    );
    expectStatus(await c.t.call('GET', `/v1/clients/${client.id}/contacts/${leaving.id}`, admin.token), 404);
    await page.context().close();
  });

  it('shows the audit log verified, and a filter narrows it', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await open(page, 'audit', 'Audit log');
    await expect
      .poll(() => page.locator('.verification [role="status"]').textContent())
      .toMatch(/^Verified All \d+ entries follow one another unbroken/);
    const all = await rows(page, 'Audit entries').count();
    expect(all).toBeGreaterThan(CONTACTS);
    await checkPage(page, 'audit');

    await page.getByLabel('Action').fill('contact.updated');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows(page, 'Audit entries').count()).toBe(1);
    expect(await rows(page, 'Audit entries').textContent()).toContain('contact.updated');
    expect(new URL(page.url()).searchParams.get('action')).toBe('contact.updated');

    await page.getByLabel('Action').fill('');
    await page.getByLabel('Who').selectOption({ label: 'Visitors, through the widget' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows(page, 'Audit entries').count()).toBe(3);

    // The platform admin made the client's users: not one of the client's own users, and said so with its id.
    await page.getByLabel('Who').selectOption({ label: 'Anyone' });
    await page.getByLabel('Action').fill('user.created');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(() => rows(page, 'Audit entries').first().textContent())
      .toMatch(/A user not \(or no longer\) in this client \([0-9a-f-]{36}\)/);

    // A list that cannot be read leaves the filters there to change.
    await page.route('**/audit-log?*', (route) => route.fulfill({ status: 500, json: { message: 'broken' } }));
    await page.getByLabel('Action').fill('user.removed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('button', { name: 'Filter' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('adds a webhook and shows its secret once; a refused address is told plainly; deliveries can be sent again', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await open(page, 'webhooks', 'Webhooks');
    await page.getByText('No webhooks yet').waitFor();

    await page.getByLabel('Address').fill('https://127.0.0.1/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Url: .*loopback/i);

    await page.getByLabel('Address').fill('https://hooks.example.com/upzento');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.locator('.secret-once .copy-value code');
    await expect.poll(() => secret.textContent()).toMatch(/^whsec_/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('The signing secret');
    await expect.poll(() => rows(page, 'Webhooks').count()).toBe(1);
    await checkPage(page, 'webhooks');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.locator('.secret-once').count()).toBe(0);
    await page.reload();
    await rows(page, 'Webhooks').first().waitFor();
    expect(await page.content()).not.toContain('whsec_');

    await submit({ email: 'hedy@lamarr.test', name: 'Hedy Lamarr' });
    await page.getByRole('button', { name: 'Deliveries to https://hooks.example.com/upzento' }).click();
    await expect.poll(() => rows(page, 'Deliveries to https://hooks.example.com/upzento').count()).toBe(1);
    await page.getByRole('button', { name: 'Send again' }).click();
    await expect.poll(() => rows(page, 'Deliveries to https://hooks.example.com/upzento').count()).toBe(2);
    expect(await page.getByRole('status').allTextContents()).toContain(
      'Sent again: a new delivery of that lead is on its way.',
    );
    await checkPage(page, 'webhook-deliveries');

    // Another webhook's deliveries, held back: the first one's rows must not stand in for them meanwhile.
    await page.getByLabel('Address').fill('https://hooks.example.com/second');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/deliveries?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Deliveries to https://hooks.example.com/second' }).click();
    await page.getByRole('heading', { name: 'Deliveries to https://hooks.example.com/second' }).waitFor();
    await page.locator('.deliveries').getByText('Loading…').waitFor();
    expect(await page.locator('.deliveries tbody tr').count()).toBe(0);
    release();
    await page.getByText('Nothing has been sent to this address yet.').waitFor();
    await page.context().close();
  });

  it('works on a phone', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD, PHONE);
    await open(page, 'leads', 'Leads');
    await rows(page, 'Contacts').first().waitFor();
    await checkPage(page, 'leads-phone');
    await open(page, 'audit', 'Audit log');
    await rows(page, 'Audit entries').first().waitFor();
    await checkPage(page, 'audit-phone');
    await page.context().close();
  });

  it('a viewer reads leads but has nothing to change, and is told plainly the audit log and webhooks are for admins', async () => {
    const page = await c.signIn(viewer.email, USER_PASSWORD);
    await open(page, 'leads?view=submissions&q=grace', 'Leads');
    await rows(page, 'Submissions').getByRole('link', { name: 'grace@hopper.test' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    await rows(page, 'Submissions of this contact').first().waitFor();
    for (const name of ['Edit', 'Delete', 'Erase'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await checkPage(page, 'lead-viewer');

    await open(page, 'audit', 'Audit log');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Your role does not allow this: needs the admin role');
    await checkPage(page, 'audit-viewer');

    await open(page, 'webhooks', 'Webhooks');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Your role does not allow this: needs the admin role');
    expect(await page.getByRole('button', { name: 'Add webhook' }).count()).toBe(0);
    await page.context().close();
  });
});
