/**
 * The platform's isolation-breach alerts (docs/alerts.md), newest first: each kind said in words,
 * the tenant it is about by name, its severity, when it was first and last seen and how often, and
 * what was seen; acknowledged and resolved here. The filters are the API's own (status and kind),
 * kept in the address with the page's cursor.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { paths } from '../../client/index.ts';
import { api, ok, type Schemas } from '../api.ts';
import { setQuery, useLocation } from '../router.ts';
import { clientHome, useClaims } from '../signed-in.ts';
import { Badge, ErrorNotice, Field, Link, LoadState, PageHeader, Pager, useAnnouncer, useLoad, When } from '../ui.tsx';

type Alert = Schemas['Alert'];
type Status = Alert['status'];
type AlertQuery = NonNullable<paths['/v1/platform/alerts']['get']['parameters']['query']>;

/** Each kind of docs/alerts.md in words; a kind added to the API later is shown by its name. */
const KIND_WORDS: Record<string, string> = {
  token_after_user_removed: 'A removed user’s token was used',
  cross_tenant_denials: 'One user was refused other tenants’ data again and again',
  database_privilege_denied: 'The database refused a request (row-level security or a missing grant)',
  provisioning_isolation_failed: 'A new tenant’s isolation check failed, so it was not created',
  refused_origin_spike: 'Many widget requests came from sites the client has not verified',
  domain_failing: 'A verified domain’s DNS record is gone',
  scoped_without_context: 'Code asked for tenant data without a whole tenant context',
};
const STATUS_WORDS: Record<Status, string> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };
const DETAIL_WORDS: Record<string, string> = {
  userId: 'User',
  role: 'Role',
  method: 'Method',
  route: 'Route',
  requestId: 'Request id',
  denials: 'Refusals',
  refusals: 'Refusals',
  windowSeconds: 'Within (seconds)',
  hostname: 'Domain',
  domainId: 'Domain id',
  breach: 'What the check saw',
  newTenant: 'Tenant being made',
  pgCode: 'Database error code',
  stack: 'Where in the code',
};

function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind.replaceAll('_', ' ');
}

export function AlertsPage() {
  const { query } = useLocation();
  const status = (query.get('status') as Status | null) ?? undefined;
  const kind = query.get('kind') ?? undefined;
  const cursor = query.get('cursor');
  const [announcer, announce] = useAnnouncer();
  const alerts = useLoad(async () => {
    // An unknown kind typed into the address goes to the API, whose 400 names it.
    const filter: AlertQuery = {
      ...(status && { status }),
      ...(kind && { kind: kind as NonNullable<AlertQuery['kind']> }),
      ...(cursor && { cursor }),
    };
    return ok(await api.GET('/v1/platform/alerts', { params: { query: filter } }));
  }, [status, kind, cursor]);
  const names = useTenantNames(alerts.data?.items ?? []);

  return (
    <section>
      <PageHeader
        title="Alerts"
        description="Signs that something crossed, or tried to cross, a tenant boundary. Only the platform sees them."
      />
      <search class="toolbar" aria-label="Filter alerts">
        <Field label="Status">
          {(id) => (
            <select
              id={id}
              value={status ?? ''}
              onChange={(e) => setQuery({ status: e.currentTarget.value, cursor: null })}
            >
              <option value="">Any status</option>
              {Object.entries(STATUS_WORDS).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {(id) => (
            <select
              id={id}
              value={kind ?? ''}
              onChange={(e) => setQuery({ kind: e.currentTarget.value, cursor: null })}
            >
              <option value="">Any kind</option>
              {Object.entries(KIND_WORDS).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          )}
        </Field>
      </search>
      <LoadState loaded={alerts}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p class="notice good">
                {status || kind ? 'No alerts match these filters.' : 'No alerts. Nothing has crossed a boundary.'}
              </p>
            ) : (
              <ol class="alerts">
                {page.items.map((alert) => (
                  <li key={alert.id}>
                    <AlertCard
                      alert={alert}
                      tenantName={alert.tenantId && names ? (names.get(alert.tenantId) ?? 'gone') : 'loading'}
                      onChanged={(message) => {
                        announce(message);
                        alerts.reload();
                      }}
                    />
                  </li>
                ))}
              </ol>
            )}
            <Pager nextCursor={page.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
          </>
        )}
      </LoadState>
      {announcer}
    </section>
  );
}

/**
 * What is known of an alert's tenant: its name; 'loading' until read; 'gone' when the API answers
 * that it no longer exists; 'unreadable' when the API could not be asked (the tenant may well exist).
 */
type TenantName = { name: string } | 'loading' | 'gone' | 'unreadable';

/**
 * The names of the tenants a page of alerts is about (undefined until they are read): agencies from
 * the platform's list, each client read once. A tenant missing from an answer is 'gone'.
 */
function useTenantNames(alerts: Alert[]): Map<string, TenantName> | undefined {
  const clientIds = [...new Set(alerts.filter((a) => a.tenantType === 'client').map((a) => a.tenantId as string))];
  const agencyIds = [...new Set(alerts.filter((a) => a.tenantType === 'agency').map((a) => a.tenantId as string))];
  const loaded = useLoad(async () => {
    const names = new Map<string, TenantName>();
    const [agencies, clients] = await Promise.all([
      agencyIds.length > 0
        ? api.GET('/v1/agencies').then(
            (answer) => ok(answer).items,
            () => null,
          )
        : [],
      Promise.all(clientIds.map(clientName)),
    ]);
    for (const id of agencyIds) {
      const agency = agencies?.find((one) => one.id === id);
      names.set(id, agencies === null ? 'unreadable' : agency ? { name: agency.name } : 'gone');
    }
    for (const [i, id] of clientIds.entries()) names.set(id, clients[i] as TenantName);
    return names;
  }, [agencyIds.join(','), clientIds.join(',')]);
  return loaded.data;
}

async function clientName(clientId: string): Promise<TenantName> {
  try {
    const answer = await api.GET('/v1/clients/{clientId}', { params: { path: { clientId } } });
    if (answer.data) return { name: answer.data.name };
    return answer.response.status === 404 ? 'gone' : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function AlertCard({
  alert,
  tenantName,
  onChanged,
}: {
  alert: Alert;
  tenantName: TenantName;
  onChanged: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const words = kindWords(alert.kind);

  async function move(action: 'acknowledge' | 'resolve') {
    setBusy(true);
    setError(null);
    try {
      const path = { params: { path: { alertId: alert.id } } };
      const changed = ok(
        action === 'acknowledge'
          ? await api.POST('/v1/platform/alerts/{alertId}/acknowledge', path)
          : await api.POST('/v1/platform/alerts/{alertId}/resolve', path),
      );
      onChanged(`Alert “${words}” is now ${STATUS_WORDS[changed.status].toLowerCase()}.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class={`card alert ${alert.severity} ${alert.status}`} aria-labelledby={`alert-${alert.id}`}>
      <header class="alert-head">
        <h2 id={`alert-${alert.id}`}>{words}</h2>
        <p class="actions">
          <Badge tone={alert.severity === 'critical' ? 'bad' : 'warn'}>
            {alert.severity === 'critical' ? 'Critical' : 'Warning'}
          </Badge>
          <Badge tone={alert.status === 'resolved' ? 'good' : 'neutral'}>{STATUS_WORDS[alert.status]}</Badge>
        </p>
      </header>
      <dl class="facts">
        <dt>About</dt>
        <dd>
          <AlertTenant alert={alert} name={tenantName} />
        </dd>
        <dt>Seen</dt>
        <dd>
          {alert.count === 1 ? 'once' : `${alert.count} times`}, first <When value={alert.firstSeenAt} />, last{' '}
          <When value={alert.lastSeenAt} relativeTo={Date.now()} />
        </dd>
        {alert.acknowledgedAt && (
          <>
            <dt>Acknowledged</dt>
            <dd>
              <When value={alert.acknowledgedAt} /> <Who userId={alert.acknowledgedBy} />
            </dd>
          </>
        )}
        {alert.resolvedAt && (
          <>
            <dt>Resolved</dt>
            <dd>
              <When value={alert.resolvedAt} /> <Who userId={alert.resolvedBy} />
            </dd>
          </>
        )}
      </dl>
      <AlertDetails details={alert.details} />
      {error !== null && <ErrorNotice error={error} />}
      {alert.status !== 'resolved' && (
        <div class="actions">
          {alert.status === 'open' && (
            <button type="button" disabled={busy} onClick={() => move('acknowledge')}>
              Acknowledge<span class="visually-hidden"> “{words}”</span>
            </button>
          )}
          <button type="button" class="primary" disabled={busy} onClick={() => move('resolve')}>
            Resolve<span class="visually-hidden"> “{words}”</span>
          </button>
        </div>
      )}
    </article>
  );
}

function AlertTenant({ alert, name }: { alert: Alert; name: TenantName }) {
  const claims = useClaims();
  const id = alert.tenantId;
  if (alert.tenantType === null || id === null) return <>The whole deployment</>;
  if (alert.tenantType === 'platform') return <>The platform</>;
  const level = alert.tenantType === 'agency' ? 'Agency' : 'Client';
  if (name === 'gone') return <>{`${level} ${id}, no longer found`}</>;
  const to = alert.tenantType === 'agency' ? `/agencies/${id}` : clientHome(claims, id);
  return (
    <>
      {level} <Link to={to}>{typeof name === 'object' ? name.name : id}</Link>
      {name === 'unreadable' && <span class="muted"> (its name could not be read just now)</span>}
    </>
  );
}

function Who({ userId }: { userId: string | null }) {
  const claims = useClaims();
  if (userId === null) return null;
  return <span class="muted">{userId === claims.sub ? 'by you' : `by user ${userId}`}</span>;
}

/** What was seen, key by key in words; a list (the code's frames) one item a line. */
function AlertDetails({ details }: { details: Record<string, unknown> }) {
  const claims = useClaims();
  const entries = Object.entries(details).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <details class="alert-details">
      <summary>What was seen</summary>
      <dl class="facts">
        {entries.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{DETAIL_WORDS[key] ?? key}</dt>
            <dd>
              {Array.isArray(value) ? (
                <code class="lines">{value.map(String).join('\n')}</code>
              ) : key === 'userId' && value === claims.sub ? (
                'you'
              ) : (
                <code>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</code>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
