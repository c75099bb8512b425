/**
 * The console in Chromium: sign-in, the session surviving a reload without any token in page-readable
 * storage, sign-out, a wrong password told plainly, and the account page; on a desktop and a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsSkipped } from '../support/browser.ts';
import { checkPage, PHONE, startConsole, type ConsoleFixture } from '../support/console-browser.ts';
import { ADMIN_EMAIL } from '../support/test-app.ts';
import { createAgency, createUser, USER_PASSWORD } from '../platform/provision.ts';

const skipped = browserTestsSkipped('console browser tests');

describe.skipIf(skipped)('the console in Chromium', () => {
  let c: ConsoleFixture;

  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(() => c?.close());

  it('signs in, stays signed in across a reload with no token a script can read, and signs out', async () => {
    const page = await c.signIn();
    expect(new URL(page.url()).pathname.startsWith('/console/')).toBe(true);
    await expect.poll(() => page.locator('.who').textContent()).toBe('Platform · admin');
    const stored = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
      cookies: document.cookie,
    }));
    expect(stored).toEqual({ local: '{}', session: '{}', cookies: '' });
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'upzento_session', httpOnly: true, sameSite: 'Strict' },
    ]);

    await page.reload();
    await expect.poll(() => page.locator('.who').textContent()).toBe('Platform · admin');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });

  it('keeps the person signed in, and says so, when the sign-out cannot reach the server', async () => {
    const page = await c.signIn();
    await page.route('**/v1/auth/session', (route) =>
      route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Could not sign out: check your connection and try again.');
    expect(await page.locator('.who').textContent()).toBe('Platform · admin');
    await page.unroute('**/v1/auth/session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    await page.context().close();
  });

  it('signs every tab out with one, and moves every tab to the user another tab signed in as', async () => {
    const agency = await createAgency(c.t);
    const other = await createUser(c.t, c.t.adminToken, 'agencies', agency.id, 'admin');
    const first = await c.signIn();
    await first.getByRole('link', { name: 'Agencies' }).click();
    await first.getByRole('heading', { name: 'Agencies' }).waitFor();
    const second = await first.context().newPage();
    await second.goto(`${c.base}/console/agencies`);
    await expect.poll(() => second.locator('.who').textContent()).toBe('Platform · admin');

    await first.getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    expect(await second.getByRole('status').textContent()).toBe('You signed out in another tab.');

    await second.getByLabel('Email').fill(other.email);
    await second.getByLabel('Password').fill(USER_PASSWORD);
    await second.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => first.locator('.who').textContent()).toBe('Agency · admin');
    await expect.poll(() => new URL(first.url()).pathname).toBe(`/console/agencies/${agency.id}`);
    await first.context().close();
  });

  it('says on the sign-in page why a session ended: a password changed here, or elsewhere', async () => {
    const agency = await createAgency(c.t);
    const user = await createUser(c.t, c.t.adminToken, 'agencies', agency.id, 'admin');
    const page = await c.signIn(user.email, USER_PASSWORD);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(USER_PASSWORD);
    await page.getByLabel('New password').fill('another long test password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Your password was changed. Sign in with the new one.');

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('another long test password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.who').waitFor();
    const token = await c.t.signIn(user.email, 'another long test password');
    expect(
      (
        await c.t.call('POST', '/v1/auth/password', token, {
          currentPassword: 'another long test password',
          newPassword: USER_PASSWORD,
        })
      ).statusCode,
    ).toBe(204);
    // The access token lives on until it expires; the API's 401 for it is what makes the console renew.
    await page.route('**/v1/agencies/*/users*', (route) => route.fulfill({ status: 401, json: {} }));
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Sign in to Upzento' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Your session ended. Sign in again.');
    await page.context().close();
  });

  it('answers an address with a malformed escape with the not-found page', async () => {
    const page = await c.signIn();
    await page.evaluate(() => {
      history.pushState(null, '', '/console/clients/%E0%A4%A/leads');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.context().close();
  });

  it('tells a wrong password plainly, and the sign-in page passes axe', async () => {
    const context = await c.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${c.base}/console`);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('That email and password do not match an account.');
    await checkPage(page, 'sign-in');
    await context.close();
  });

  it('works on a phone: the menu opens the navigation; the account page passes axe', async () => {
    const page = await c.signIn(undefined, undefined, PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await checkPage(page, 'account-phone');
    await page.context().close();
  });
});
