/**
 * The tenant health dashboard: for the platform every agency and client, for an agency itself and its
 * clients, each with its last 24 hours (requests, refusals, error rate, latency, submissions, domains,
 * open alerts, last activity) and a status whose reasons say why, sorted and filtered in the address.
 * A tenant's own page charts its last 24 hours by the hour and its last 30 days by the day.
 */
import { api, ok, type Schemas } from '../api.ts';
import { TimeChart, type Point } from '../chart.tsx';
import { ClientFrame } from '../frame.tsx';
import { setQuery, useLocation } from '../router.ts';
import { Badge, Field, Link, LoadState, PageHeader, Pager, Table, useLoad, When } from '../ui.tsx';

type Health = Schemas['TenantHealth'];
type HealthPage = Schemas['TenantHealthPage'];
type Bucket = Schemas['MetricsBucket'];

/** Each reason in words a person acts on. */
export const REASONS: Readonly<Record<Health['reasons'][number], string>> = {
  domain_failing: "a verified domain's TXT record is gone",
  domain_revoked: 'a domain was revoked',
  error_rate: 'server errors',
  refusal_rate: 'many widget requests refused',
  latency: 'slow answers',
  open_alert: 'an open alert',
  suspended: 'suspended',
  no_traffic: 'no widget traffic in 24 hours',
};

const STATUS_TONE = { healthy: 'good', warning: 'warn', unhealthy: 'bad' } as const;
const STATUS_WORD = { healthy: 'Healthy', warning: 'Warning', unhealthy: 'Unhealthy' } as const;
const SORTS = {
  status: 'Status',
  requests: 'Requests',
  errorRate: 'Error rate',
  latency: 'Latency',
  lastActivity: 'Last activity',
  name: 'Name',
} as const;

const count = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const milliseconds = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

type Query = {
  sort?: keyof typeof SORTS;
  order?: 'asc' | 'desc';
  status?: Health['status'];
  q?: string;
  cursor?: string;
};

function queryOf(params: URLSearchParams): Query {
  const query: Query = {};
  const sort = params.get('sort');
  if (sort && sort in SORTS) query.sort = sort as Query['sort'] & string;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const status = params.get('status');
  if (status === 'healthy' || status === 'warning' || status === 'unhealthy') query.status = status;
  const q = params.get('q');
  if (q) query.q = q.slice(0, 100);
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  return query;
}

export function PlatformHealthPage() {
  const { query } = useLocation();
  const filters = queryOf(query);
  const loaded = useLoad(
    async () => ok(await api.GET('/v1/platform/health', { params: { query: filters } })),
    [query.toString()],
  );
  return (
    <section>
      <PageHeader
        title="Tenant health"
        description="Every agency and client over the last 24 hours, the unhealthy first, with why."
      />
      <HealthList loaded={loaded} filters={filters} />
    </section>
  );
}

export function AgencyHealthPage({ agencyId }: { agencyId: string }) {
  const { query } = useLocation();
  const filters = queryOf(query);
  const loaded = useLoad(
    async () => ok(await api.GET('/v1/agencies/{agencyId}/health', { params: { path: { agencyId }, query: filters } })),
    [agencyId, query.toString()],
  );
  return (
    <section>
      <PageHeader
        title="Health of the agency and its clients"
        description="The agency and each client over the last 24 hours, the unhealthy first, with why."
      />
      <TenantCharts path={{ agencyId }} />
      <HealthList loaded={loaded} filters={filters} />
    </section>
  );
}

export function ClientHealthPage({ clientId }: { clientId: string }) {
  return (
    <ClientFrame clientId={clientId}>
      <section>
        <PageHeader title="Health" description="The widget's and the API's traffic, refusals and latency." />
        <TenantCharts path={{ clientId }} />
      </section>
    </ClientFrame>
  );
}

function HealthList({ loaded, filters }: { loaded: ReturnType<typeof useLoad<HealthPage>>; filters: Query }) {
  return (
    <>
      <form class="toolbar" aria-label="Filter tenants" onSubmit={(event) => event.preventDefault()}>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              type="search"
              value={filters.q ?? ''}
              onChange={(event) => setQuery({ q: event.currentTarget.value, cursor: null })}
            />
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select
              id={id}
              value={filters.status ?? ''}
              onChange={(event) => setQuery({ status: event.currentTarget.value, cursor: null })}
            >
              <option value="">Any</option>
              <option value="unhealthy">Unhealthy</option>
              <option value="warning">Warning</option>
              <option value="healthy">Healthy</option>
            </select>
          )}
        </Field>
        <Field label="Sort by">
          {(id) => (
            <select
              id={id}
              value={filters.sort ?? 'status'}
              onChange={(event) => setQuery({ sort: event.currentTarget.value, cursor: null })}
            >
              {Object.entries(SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Order">
          {(id) => (
            <select
              id={id}
              value={filters.order ?? ''}
              onChange={(event) => setQuery({ order: event.currentTarget.value, cursor: null })}
            >
              <option value="">Default</option>
              <option value="desc">Descending</option>
              <option value="asc">Ascending</option>
            </select>
          )}
        </Field>
      </form>
      <LoadState loaded={loaded}>
        {(page) => (
          <>
            <div class="grid" aria-live="polite">
              {(['unhealthy', 'warning', 'healthy'] as const).map((status) => (
                <div class="stat" key={status}>
                  <div class="value">{count.format(page.counts[status])}</div>
                  <Badge tone={STATUS_TONE[status]}>{STATUS_WORD[status]}</Badge>
                </div>
              ))}
            </div>
            <p class="muted">
              {count.format(page.total)} tenant{page.total === 1 ? '' : 's'} since <When value={page.since} />.
            </p>
            {page.items.length === 0 ? (
              <p>No tenant matches these filters.</p>
            ) : (
              <Table
                caption="Tenants by health"
                head={[
                  'Tenant',
                  'Status',
                  'Requests',
                  'Refused',
                  'Errors',
                  'p95 latency',
                  'Leads',
                  'Domains',
                  'Alerts',
                  'Last activity',
                ]}
              >
                {page.items.map((tenant) => (
                  <HealthRow key={tenant.tenantId} tenant={tenant} />
                ))}
              </Table>
            )}
            <Pager
              nextCursor={page.nextCursor}
              cursor={filters.cursor ?? null}
              onCursor={(cursor) => setQuery({ cursor })}
            />
          </>
        )}
      </LoadState>
    </>
  );
}

function HealthRow({ tenant }: { tenant: Health }) {
  const refused = Object.values(tenant.refusals).reduce((sum, value) => sum + value, 0);
  const to =
    tenant.tenantType === 'client' ? `/clients/${tenant.tenantId}/health` : `/agencies/${tenant.tenantId}/health`;
  return (
    <tr>
      <td>
        <Link to={to}>{tenant.name}</Link>
        <div class="muted">{tenant.tenantType === 'client' ? 'Client' : 'Agency'}</div>
      </td>
      <td>
        <Badge tone={STATUS_TONE[tenant.status]}>{STATUS_WORD[tenant.status]}</Badge>
        {tenant.reasons.length > 0 && (
          <div class="reasons">{tenant.reasons.map((reason) => REASONS[reason]).join('; ')}</div>
        )}
      </td>
      <td class="number">{count.format(tenant.requests)}</td>
      <td class="number">{count.format(refused)}</td>
      <td class="number">{percent.format(tenant.errorRate)}</td>
      <td class="number">{tenant.latencyMs.p95 === null ? '–' : `${milliseconds.format(tenant.latencyMs.p95)} ms`}</td>
      <td class="number">{count.format(tenant.submissions)}</td>
      <td>
        {tenant.tenantType === 'client'
          ? `${tenant.domains.verified} verified${tenant.domains.failing ? `, ${tenant.domains.failing} failing` : ''}${tenant.domains.pending ? `, ${tenant.domains.pending} pending` : ''}`
          : '–'}
      </td>
      <td class="number">{tenant.openAlerts}</td>
      <td>
        <When value={tenant.lastActivity} relativeTo={Date.now()} />
      </td>
    </tr>
  );
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const hourTick = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayTick = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Hour buckets summed by day (in the reader's time zone). */
function byDay(buckets: readonly Bucket[], value: (bucket: Bucket) => number): Point[] {
  const days = new Map<string, Point>();
  for (const bucket of buckets) {
    const start = new Date(bucket.start);
    start.setHours(0, 0, 0, 0);
    const key = start.toISOString();
    const day = days.get(key) ?? { at: key, value: 0 };
    day.value += value(bucket);
    days.set(key, day);
  }
  return [...days.values()];
}

const requestsOf = (bucket: Bucket) => bucket.widgetRequests + bucket.apiRequests;
const refusedOf = (bucket: Bucket) => Object.values(bucket.refusals).reduce((sum, value) => sum + value, 0);
const errorsOf = (bucket: Bucket) => bucket.widgetErrors + bucket.api5xx;

function TenantCharts({ path }: { path: { clientId: string } | { agencyId: string } }) {
  const loaded = useLoad(async () => {
    const now = Date.now();
    const range = (days: number) => ({
      resolution: 'hour' as const,
      from: new Date(now - days * DAY + HOUR).toISOString(),
      to: new Date(now).toISOString(),
    });
    const read = (query: ReturnType<typeof range>) =>
      'clientId' in path
        ? api.GET('/v1/clients/{clientId}/metrics', { params: { path, query } })
        : api.GET('/v1/agencies/{agencyId}/metrics', { params: { path, query } });
    const [day, month] = await Promise.all([read(range(1)), read(range(30))]);
    return { day: ok(day).buckets, month: ok(month).buckets };
  }, ['clientId' in path ? path.clientId : path.agencyId]);
  return (
    <LoadState loaded={loaded}>
      {({ day, month }) => {
        const hourly = (value: (bucket: Bucket) => number) =>
          day.map((bucket) => ({ at: bucket.start, value: value(bucket) }));
        return (
          <>
            <h2>Last 24 hours</h2>
            <div class="chart-grid">
              <TimeChart title="Requests" points={hourly(requestsOf)} tickFormat={hourTick.format} />
              <TimeChart title="Refused widget requests" points={hourly(refusedOf)} tickFormat={hourTick.format} />
              <TimeChart title="Leads" points={hourly((bucket) => bucket.submissions)} tickFormat={hourTick.format} />
              <TimeChart
                title="API p95 latency"
                summary="highest"
                unit=" ms"
                points={hourly((bucket) => bucket.apiLatencyMs.p95 ?? 0)}
                tickFormat={hourTick.format}
              />
            </div>
            <h2>Last 30 days</h2>
            <div class="chart-grid">
              <TimeChart title="Requests" points={byDay(month, requestsOf)} tickFormat={dayTick.format} />
              <TimeChart title="Server errors" points={byDay(month, errorsOf)} tickFormat={dayTick.format} />
              <TimeChart
                title="Leads"
                points={byDay(month, (bucket) => bucket.submissions)}
                tickFormat={dayTick.format}
              />
              <TimeChart title="Refused widget requests" points={byDay(month, refusedOf)} tickFormat={dayTick.format} />
            </div>
          </>
        );
      }}
    </LoadState>
  );
}
