/** Navigation lists, and the frame of a client's pages for the agency and platform above it. */
import type { Claims } from './session.ts';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok } from './api.ts';
import { useLocation } from './router.ts';
import { mayAct } from './may.ts';
import { useClaims } from './signed-in.ts';
import { Link } from './ui.tsx';

export interface NavItem {
  to: string;
  label: string;
}

export function mainNav(claims: Claims): NavItem[] {
  if (claims.tty === 'platform')
    return [
      { to: '/platform/health', label: 'Health' },
      { to: '/agencies', label: 'Agencies' },
      { to: '/platform/alerts', label: 'Alerts' },
    ];
  if (claims.tty === 'agency')
    return [
      { to: `/agencies/${claims.tid}/health`, label: 'Health' },
      { to: `/agencies/${claims.tid}`, label: 'Clients' },
      { to: `/agencies/${claims.tid}/users`, label: 'Users' },
    ];
  return clientNav(claims, claims.tid);
}

/** A client's pages; domains, webhooks and the audit log only for an admin, as the API refuses them to others. */
export function clientNav(claims: Claims, clientId: string): NavItem[] {
  const base = `/clients/${clientId}`;
  const admin = mayAct(claims, 'admin');
  return [
    ...(admin ? [{ to: `${base}/domains`, label: 'Domains' }] : []),
    { to: `${base}/leads`, label: 'Leads' },
    { to: `${base}/widget`, label: 'Widget' },
    { to: `${base}/users`, label: 'Users' },
    ...(admin
      ? [
          { to: `${base}/webhooks`, label: 'Webhooks' },
          { to: `${base}/audit`, label: 'Audit log' },
        ]
      : []),
    { to: `${base}/health`, label: 'Health' },
  ];
}

export function NavLinks({ items, path, label }: { items: NavItem[]; path: string; label: string }) {
  // The longest link the path is at or below: /agencies/A/users is Users, not also Clients.
  const current = items
    .filter((item) => path === item.to || path.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0];
  return (
    <nav aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={item === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A client's own pages, with the client's name and, for the agency and platform, the way back. */
export function ClientFrame({ clientId, children }: { clientId: string; children: ComponentChildren }) {
  const claims = useClaims();
  const { path } = useLocation();
  if (claims.tty === 'client') return <>{children}</>;
  return (
    <>
      <ClientBar clientId={clientId} path={path} />
      {children}
    </>
  );
}

function ClientBar({ clientId, path }: { clientId: string; path: string }) {
  const claims = useClaims();
  const [client, setClient] = useState<{ name: string; agencyId: string } | null>(null);
  useEffect(() => {
    let current = true;
    setClient(null);
    api
      .GET('/v1/clients/{clientId}', { params: { path: { clientId } } })
      .then((answer) => {
        const found = ok(answer);
        if (current) setClient({ name: found.name, agencyId: found.agencyId });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [clientId]);
  return (
    <div class="client-bar">
      <p>
        {client && (
          <>
            <Link to={`/agencies/${client.agencyId}`}>Agency</Link> ›{' '}
          </>
        )}
        <strong>{client?.name ?? 'Client'}</strong>
      </p>
      <NavLinks items={clientNav(claims, clientId)} path={path} label="Client" />
    </div>
  );
}
