/**
 * The console: restores the session (the cookie) on load, asks for sign-in without one, and shows
 * the pages the signed-in user's tenant and role open. Navigation follows the tenant tree: the
 * platform sees agencies, an agency its clients, and both can open any client below them with the
 * client's own pages, as the API allows.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { session } from './api.ts';
import { mainNav, NavLinks } from './frame.tsx';
import { match, navigate, useLocation } from './router.ts';
import type { Signed } from './session.ts';
import { homeOf, SignedIn, useClaims, type Route } from './signed-in.ts';
import { ErrorNotice, Link } from './ui.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { AccountPage } from './pages/account.tsx';
import { ROUTES } from './routes.tsx';

export function App() {
  const [signed, setSigned] = useState<Signed | null | undefined>(session.current ?? undefined);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  useEffect(() => session.subscribe(setSigned), []);
  // Another user's pages start at their own home, not at the address the previous user left.
  const lastUser = useRef<string | null>(null);
  useEffect(() => {
    if (!signed) return;
    setRestoreError(null);
    if (lastUser.current !== null && lastUser.current !== signed.claims.sub)
      navigate(homeOf(signed.claims), { replace: true });
    lastUser.current = signed.claims.sub;
  }, [signed]);
  useEffect(() => {
    if (signed !== undefined) return;
    session.renew().then(setSigned, (error: unknown) => {
      setRestoreError(error);
      setSigned(null);
    });
  }, [signed]);
  if (signed === undefined)
    return (
      <main class="centered" id="main">
        <p role="status">Opening the console…</p>
      </main>
    );
  if (signed === null)
    return (
      <>
        {restoreError !== null && <ErrorNotice error={restoreError} />}
        <SignInPage notice={session.endedBecause} />
      </>
    );
  return (
    <SignedIn.Provider value={signed.claims}>
      <Shell key={signed.claims.sub} />
    </SignedIn.Provider>
  );
}

const TENANT_WORD = { platform: 'Platform', agency: 'Agency', client: 'Client' } as const;

function Shell() {
  const claims = useClaims();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  useEffect(() => setMenuOpen(false), [path]);
  function signOut() {
    setSignOutError(null);
    session.signOut().catch(setSignOutError);
  }
  useEffect(() => {
    if (path === '/' || path === '') navigate(homeOf(claims), { replace: true });
  }, [path, claims]);
  const page = findPage(path);
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link to={homeOf(claims)} class="brand">
          Upzento
        </Link>
        <span class="who">
          {TENANT_WORD[claims.tty]} · {claims.role}
        </span>
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
      </header>
      <aside id="sidebar" class={menuOpen ? 'sidebar open' : 'sidebar'}>
        <NavLinks items={mainNav(claims)} path={path} label="Main" />
        <nav aria-label="Account">
          <ul>
            <li>
              <Link to="/account" aria-current={path === '/account' ? 'page' : undefined}>
                Account
              </Link>
            </li>
            <li>
              <button type="button" class="link" onClick={signOut}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </aside>
      <main id="main" class="content">
        {signOutError !== null && <ErrorNotice error={signOutError} />}
        {page ? <page.Component {...page.params} /> : <NotFoundPage />}
      </main>
    </div>
  );
}

function findPage(path: string) {
  const all: Route[] = [{ pattern: '/account', Component: AccountPage }, ...ROUTES];
  for (const route of all) {
    const params = match(route.pattern, path);
    if (params) return { Component: route.Component, params };
  }
  return null;
}

function NotFoundPage() {
  const claims = useClaims();
  return (
    <section>
      <h1>Not found</h1>
      <p>There is no console page at this address.</p>
      <Link to={homeOf(claims)}>Go to your start page</Link>
    </section>
  );
}
