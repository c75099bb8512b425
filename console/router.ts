/**
 * Paths under /console, kept in the address bar (so a page can be bookmarked, reloaded and shared),
 * with the History API. `match` reads parameters from a pattern like `/clients/:clientId/domains`.
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/console';

/** The path after /console, always starting with a slash. */
export function currentPath(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return path === '' ? '/' : path;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  for (const fn of listeners) fn();
});

/** Goes to a console path (`/clients/…`); `replace` does not add a history entry. */
export function navigate(path: string, { replace = false } = {}): void {
  const url = `${BASE}${path}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const fn of listeners) fn();
  if (!replace) window.scrollTo(0, 0);
}

/** The current console path and query, re-rendering on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((tick) => tick + 1);
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, []);
  return { path: currentPath(), query: new URLSearchParams(location.search) };
}

/** The parameters of `path` for `pattern`, or null when it does not match (a malformed %-escape does not). */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const part = want[i] as string;
    const value = have[i] as string;
    if (part.startsWith(':')) {
      const param = decoded(value);
      if (param === null) return null;
      params[part.slice(1)] = param;
    } else if (part !== value) return null;
  }
  return params;
}

function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Replaces the query of the current address without a new history entry (filters, paging). */
export function setQuery(values: Record<string, string | null | undefined>): void {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  for (const fn of listeners) fn();
}

/** A plain click on a console link navigates in place; a modified click opens a tab as usual. */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(path);
}
