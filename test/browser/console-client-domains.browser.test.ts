/**
 * A client's domains and widget pages of the console in Chromium, as the client's own admin and viewer:
 * a domain registered in the form, refused plainly when it is a public suffix, checked before and after
 * its TXT record is published through the suite's DNS server, and removed after the confirmation; the
 * widget's settings changed with the preview following before the save, a low contrast refused in words,
 * the save surviving a reload, the preview creating no lead, and the embed snippet copied. A viewer sees
 * no control that changes anything. Every state passes axe-core, on a desktop and on a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, createClient, createUser, type CreatedUser, USER_PASSWORD } from '../platform/provision.ts';
import { browserTestsSkipped } from '../support/browser.ts';
import { checkPage, PHONE, startConsole, type ConsoleFixture } from '../support/console-browser.ts';

const skipped = browserTestsSkipped('console client pages browser tests');

/**
 * checkPage from the top of the page: the widget page's save bar and preview are sticky, so a full-page
 * screenshot taken while scrolled would draw them where the window happened to be.
 */
async function checkFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkPage(page, name);
}

/** Waits until the preview shows the form's settings and its panel has faded in, so axe-core sees its real colours. */
async function previewSettled(page: Page): Promise<void> {
  await page.locator('.widget-preview[aria-busy="false"]').waitFor();
  const panel = page.locator('.widget-preview [part~="panel"]');
  await panel.waitFor();
  await panel.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
}

/** The scripts the page has fetched so far. */
function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
}

describe.skipIf(skipped)("a client's domains and widget pages in the console", () => {
  let c: ConsoleFixture;
  let client: { id: string; name: string; publicKey: string };
  let admin: CreatedUser;
  let viewer: CreatedUser;

  beforeAll(async () => {
    c = await startConsole();
    const agencyId = (await createAgency(c.t)).id;
    const agencyAdmin = await createUser(c.t, c.t.adminToken, 'agencies', agencyId, 'admin');
    client = await createClient(c.t, agencyAdmin.token, agencyId);
    admin = await createUser(c.t, agencyAdmin.token, 'clients', client.id, 'admin');
    viewer = await createUser(c.t, agencyAdmin.token, 'clients', client.id, 'viewer');
  });
  afterAll(() => c?.close());

  const domainCard = (page: Page, hostname: string) =>
    page.getByRole('article').filter({ has: page.getByRole('heading', { name: hostname, exact: true }) });

  it('registers a domain, tells a missing and a wrong record plainly, verifies it, and removes it', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await page.getByRole('heading', { name: 'Domains', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/clients/${client.id}/domains`);
    await page.getByRole('heading', { name: 'No domains yet' }).waitFor();
    await checkPage(page, 'domains-empty');

    const hostname = page.getByLabel('Hostname');
    await hostname.fill('co.uk');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('is a public suffix');
    await checkPage(page, 'domains-refused');

    await hostname.fill('shop.example.com');
    await page.getByLabel('Include subdomains').check();
    await page.getByRole('button', { name: 'Add domain' }).click();
    const card = domainCard(page, 'shop.example.com');
    await card.waitFor();
    expect(await card.locator('.badge').allTextContents()).toEqual(['Pending', 'Includes subdomains']);
    expect(await page.getByLabel('Hostname').inputValue()).toBe('');
    const listed = (await c.t.call('GET', `/v1/clients/${client.id}/domains`, admin.token)).json();
    const { challenge, nextCheckAt } = listed.items[0];
    expect(challenge.name).toBe('_upzento-challenge.shop.example.com');
    expect(await card.locator('.record code').allTextContents()).toEqual(['TXT', challenge.name, challenge.value]);
    expect(await card.locator('.facts time[datetime]').first().getAttribute('datetime')).toBeTruthy();
    // The next automatic check is the one the API gives, not one the page makes up.
    expect(
      await card.locator('.facts time').evaluateAll((all) => all.map((t) => t.getAttribute('datetime'))),
    ).toContain(new Date(nextCheckAt).toISOString());
    await checkPage(page, 'domains-pending');

    await card.getByRole('button', { name: 'Check now' }).click();
    const sentence = card.locator('.check-sentence');
    await expect
      .poll(() => sentence.textContent())
      .toBe(
        `No TXT record at ${challenge.name} (the name does not exist). Add a TXT record named ${challenge.name} ` +
          `with the value ${challenge.value}; new records can take a few minutes to appear.`,
      );
    expect(await card.locator('.check-line .badge').textContent()).toBe('No record found');

    c.dns.setTxt(challenge.name, ['upzento-verification=somebody-elses']);
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => sentence.textContent()).toContain(`TXT records exist at ${challenge.name} but none is`);
    expect(await card.locator('.badge').first().textContent()).toBe('Pending');
    await checkPage(page, 'domains-wrong-record');

    c.dns.setTxt(challenge.name, [challenge.value]);
    await card.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => card.locator('.badge').first().textContent()).toBe('Verified');
    expect(await sentence.textContent()).toBe(`Found ${challenge.value} at ${challenge.name}. The domain is verified.`);
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('shop.example.com: verified.');
    await checkPage(page, 'domains-verified');

    await card.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove shop.example.com?' });
    await dialog.waitFor();
    await checkPage(page, 'domains-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove domain' }).click();
    await page.getByRole('heading', { name: 'No domains yet' }).waitFor();
    expect((await c.t.call('GET', `/v1/clients/${client.id}/domains`, admin.token)).json().items).toEqual([]);
    await page.context().close();
  });

  it('shows a domain on a phone', async () => {
    const added = await c.t.call('POST', `/v1/clients/${client.id}/domains`, admin.token, {
      hostname: 'www.example.org',
    });
    expect(added.statusCode).toBe(201);
    const page = await c.signIn(admin.email, USER_PASSWORD, PHONE);
    await domainCard(page, 'www.example.org').waitFor();
    await checkPage(page, 'domains-phone');
    await page.context().close();
  });

  it('previews changed settings before the save, refuses a low contrast in words, saves, and copies the snippet', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.base });
    await page.getByRole('heading', { name: 'Domains', level: 1 }).waitFor();
    const before = await scriptsLoaded(page);
    await page.getByRole('link', { name: 'Widget' }).click();
    const form = page.getByRole('form', { name: 'Widget settings' });
    const title = form.getByLabel('Title', { exact: true });
    const previewTitle = page.locator('.widget-preview [part~="title"]');
    await expect.poll(() => previewTitle.textContent()).toBe(`Contact ${client.name}`);
    await previewSettled(page);
    // The widget came in a chunk of its own, which only this page loads.
    const added = (await scriptsLoaded(page)).filter((script) => !before.includes(script));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/\/console\/assets\/chunk-\w+\.js$/);
    await checkFromTop(page, 'widget');

    await title.fill('Talk to the shop');
    await form.getByLabel('Button colour').fill('#b91c1c');
    await expect.poll(() => previewTitle.textContent()).toBe('Talk to the shop');
    await previewSettled(page);
    const submit = page.locator('.widget-preview [part~="submit"]');
    await expect
      .poll(() => submit.evaluate((button) => getComputedStyle(button).backgroundColor))
      .toBe('rgb(185, 28, 28)');
    // The preview opened its panel again, and gave the keyboard back to the form.
    await expect
      .poll(() => form.getByLabel('Button colour').evaluate((input) => input === document.activeElement))
      .toBe(true);
    const stored = (await c.t.call('GET', `/v1/clients/${client.id}/settings`, admin.token)).json();
    expect(stored.widget.title).toBe(`Contact ${client.name}`);
    await checkFromTop(page, 'widget-edited');

    // A lead sent from the preview goes nowhere.
    await page.locator('.widget-preview input[name="email"]').fill('visitor@example.com');
    await submit.click();
    await expect
      .poll(() => page.locator('.widget-preview [part~="status"]').textContent())
      .toBe('Thank you! We will be in touch soon.');
    expect((await c.t.call('GET', `/v1/clients/${client.id}/submissions`, admin.token)).json().items).toEqual([]);

    const text = form.getByLabel('Text colour');
    await text.fill('#ffffff');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Text colour on background colour has contrast 1.00:1; at least 4.5:1 is needed');
    await previewSettled(page);
    await checkFromTop(page, 'widget-refused');
    await text.fill('#111827');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('Widget settings saved.');
    const saved = (await c.t.call('GET', `/v1/clients/${client.id}/settings`, admin.token)).json();
    expect(saved.widget.title).toBe('Talk to the shop');
    expect(saved.widget.theme).toEqual({ primary: '#b91c1c', text: '#111827', background: '#ffffff' });

    await page.reload();
    await expect.poll(() => title.inputValue()).toBe('Talk to the shop');
    await expect.poll(() => previewTitle.textContent()).toBe('Talk to the shop');

    const snippet = `<script async src="${c.base}/widget.js" data-key="${client.publicKey}"></script>`;
    expect(await page.locator('pre.snippet').textContent()).toBe(snippet);
    await page.getByRole('button', { name: 'Copy embed snippet' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // A choice's options are discarded with the rest of the unsaved changes.
    await page.getByRole('button', { name: 'Add a field' }).click();
    await form.getByLabel('Type').last().selectOption('select');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.announcer').textContent()).toContain('Widget settings saved.');
    const options = form.getByLabel('Options');
    await options.fill('small = Small\nlarge = Large');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => options.inputValue()).toBe('first = First choice');
    await page.context().close();
  });

  it('shows the widget page on a phone', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD, PHONE);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Widget' }).click();
    await expect.poll(() => page.locator('.widget-preview [part~="title"]').textContent()).toBe('Talk to the shop');
    await previewSettled(page);
    await checkFromTop(page, 'widget-phone');
    await page.context().close();
  });

  it('says so, and is not left busy, when the preview cannot be loaded', async () => {
    const page = await c.signIn(admin.email, USER_PASSWORD);
    await page.route('**/console/assets/chunk-*.js', (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'Widget' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('The preview could not be loaded. Reload the page to try again.');
    expect(await page.locator('.widget-preview').getAttribute('aria-busy')).toBe('false');
    await page.context().close();
  });

  it('lets a viewer see but change nothing', async () => {
    const page = await c.signIn(viewer.email, USER_PASSWORD);
    // The viewer starts where the API lets it read, with no links to pages it would refuse.
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/clients/${client.id}/leads`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Domains', 'Webhooks', 'Audit log'])
      expect(await nav.getByRole('link', { name }).count(), name).toBe(0);
    await page.goto(`${c.base}/console/clients/${client.id}/domains`);
    await page.getByRole('heading', { name: 'Domains', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.notice.info').textContent()).toContain('Only admins');
    for (const name of ['Add domain', 'Check now', 'Remove'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    await checkPage(page, 'domains-viewer');

    await page.getByRole('link', { name: 'Widget' }).click();
    const title = page.getByRole('form', { name: 'Widget settings' }).getByLabel('Title', { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Talk to the shop');
    expect(await title.isDisabled()).toBe(true);
    await previewSettled(page);
    for (const name of ['Save', 'Discard changes', 'Add a field'])
      expect(await page.getByRole('button', { name, disabled: false }).count(), name).toBe(0);
    await checkFromTop(page, 'widget-viewer');

    // A browser that refuses the clipboard: the button says how to copy by hand.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const copy = page.getByRole('button', { name: 'Copy embed snippet' });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copy failed: select the text and copy it');
    await page.context().close();
  });
});
