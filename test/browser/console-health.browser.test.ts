/**
 * The health dashboard in Chromium: the platform sees every tenant with its status and why (a client
 * whose verified domain lost its TXT record is unhealthy, in words); an agency sees itself and its clients
 * with the charts of its traffic; a client its own charts. Screenshots and axe-core on each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsSkipped } from '../support/browser.ts';
import { checkPage, PHONE, startConsole, type ConsoleFixture } from '../support/console-browser.ts';
import {
  createAgency,
  createClient,
  createUser,
  expectStatus,
  USER_PASSWORD,
  type CreatedUser,
} from '../platform/provision.ts';

const skipped = browserTestsSkipped('console health browser tests');

describe.skipIf(skipped)('the health dashboard in Chromium', () => {
  let c: ConsoleFixture;
  let agencyId: string;
  let healthyId: string;
  let failingId: string;
  let agencyAdmin: CreatedUser;
  let clientViewer: CreatedUser;

  beforeAll(async () => {
    c = await startConsole();
    agencyId = (await createAgency(c.t, 'Northwind Agency')).id;
    agencyAdmin = await createUser(c.t, c.t.adminToken, 'agencies', agencyId, 'admin');
    healthyId = (await createClient(c.t, agencyAdmin.token, agencyId, 'Quiet Bakery')).id;
    failingId = (await createClient(c.t, agencyAdmin.token, agencyId, 'Lost Records Shop')).id;
    clientViewer = await createUser(c.t, agencyAdmin.token, 'clients', failingId, 'viewer');

    // A verified domain whose TXT record is then taken down: the next check finds it failing.
    const added = await c.t.call('POST', `/v1/clients/${failingId}/domains`, agencyAdmin.token, {
      hostname: 'records.example.com',
    });
    expectStatus(added, 201);
    const { id: domainId, challenge } = added.json() as { id: string; challenge: { name: string; value: string } };
    c.dns.setTxt(challenge.name, [challenge.value]);
    const verify = () => c.t.call('POST', `/v1/clients/${failingId}/domains/${domainId}/verify`, agencyAdmin.token);
    expect((await verify()).json().status).toBe('verified');
    c.dns.setTxt(challenge.name, []);
    expect((await verify()).json().status).toBe('failing');

    // Some traffic of the agency's own users, counted and written to the rollups.
    for (let i = 0; i < 5; i++)
      expectStatus(await c.t.call('GET', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token), 200);
    await c.t.app.tenantMetrics.flush();
  });
  afterAll(() => c?.close());

  it('shows the platform every tenant, the unhealthy first, with why in words', async () => {
    const page = await c.signIn();
    await page.getByRole('heading', { name: 'Tenant health' }).waitFor();
    const first = page.getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toContain('Lost Records Shop');
    expect(await first.textContent()).toContain('Unhealthy');
    expect(await first.textContent()).toContain("a verified domain's TXT record is gone");
    await checkPage(page, 'health-platform');

    await page.getByLabel('Status').selectOption('healthy');
    await expect.poll(() => page.getByRole('table').textContent()).not.toContain('Lost Records Shop');
    expect(new URL(page.url()).searchParams.get('status')).toBe('healthy');
    await page.getByLabel('Name').fill('quiet');
    await page.getByLabel('Name').press('Tab');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('row').nth(1).textContent()).toContain('Quiet Bakery');
    await page.context().close();
  });

  it("shows an agency its clients and its traffic's charts", async () => {
    const page = await c.signIn(agencyAdmin.email, USER_PASSWORD);
    await page.getByRole('link', { name: 'Health' }).click();
    await page.getByRole('heading', { name: 'Health of the agency and its clients' }).waitFor();
    // The agency's own users' requests above, in the 24-hour chart's label.
    const chart = page.getByRole('figure', { name: /^Requests: [1-9]\d* in all$/ }).first();
    await chart.waitFor({ timeout: 10_000 });
    const table = await page.getByRole('table', { name: 'Tenants by health' }).textContent();
    expect(table).toContain('Northwind Agency');
    expect(table).toContain('Quiet Bakery');
    expect(table).toContain('Lost Records Shop');
    await checkPage(page, 'health-agency');
    await page.context().close();
  });

  it("shows a client its own charts, on a phone, and no other tenant's", async () => {
    const page = await c.signIn(clientViewer.email, USER_PASSWORD, PHONE);
    await page.goto(`${c.base}/console/clients/${failingId}/health`);
    await page.getByRole('heading', { name: 'Health' }).waitFor();
    await page.getByText('Last 30 days').waitFor();
    await checkPage(page, 'health-client-phone');

    await page.goto(`${c.base}/console/clients/${healthyId}/health`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not found/i);
    await page.context().close();
  });
});
