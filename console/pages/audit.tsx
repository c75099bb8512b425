/**
 * A client's audit log: who did what and when, newest first, narrowed by action, by who acted and by
 * period (kept in the address), with the hash chain's verification in words. The API shows the log
 * to admins only; anyone else reads its refusal here.
 */
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { setQuery, useLocation } from '../router.ts';
import { useClaims } from '../signed-in.ts';
import { Badge, Link, LoadState, PageHeader, Pager, Table, useLoad, When } from '../ui.tsx';
import { listQuery } from '../paging.ts';

const PAGE_SIZE = 50;
const ACTOR_TYPES = ['user', 'system', 'anonymous'] as const;
type ActorType = (typeof ACTOR_TYPES)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The day after a yyyy-mm-dd date, so "until" includes the whole of its day. */
/**
 * The reader's own midnight starting `date` (a date input's YYYY-MM-DD), `days` later, as the instant
 * the API takes: a bare date would be read there as midnight UTC, hours off the reader's day.
 */
function localMidnight(date: string, days = 0): string | undefined {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(year, month - 1, day + days);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The API's filter from the page's address: `actor` is a type of actor or one user's id. */
function filterOf(query: URLSearchParams) {
  const actor = query.get('actor') ?? '';
  const from = query.get('from');
  const until = query.get('until');
  return listQuery({
    action: query.get('action'),
    actorType: (ACTOR_TYPES as readonly string[]).includes(actor) ? (actor as ActorType) : undefined,
    actorId: UUID.test(actor) ? actor : undefined,
    from: from ? localMidnight(from) : undefined,
    to: until ? localMidnight(until, 1) : undefined,
  });
}

export function AuditPage({ clientId }: { clientId: string }) {
  const { query } = useLocation();
  const cursor = query.get('cursor');
  const filter = filterOf(query);
  const loaded = useLoad(
    async () =>
      ok(
        await api.GET('/v1/clients/{clientId}/audit-log', {
          params: { path: { clientId }, query: { ...filter, ...listQuery({ cursor, limit: PAGE_SIZE }) } },
        }),
      ),
    [clientId, query.toString()],
  );
  // Who is who, for names instead of ids; an agency's or the platform's users are not in this list.
  const users = useLoad(
    async () => ok(await api.GET('/v1/clients/{clientId}/users', { params: { path: { clientId } } })).items,
    [clientId],
  );
  const people = users.data ?? [];
  return (
    <ClientFrame clientId={clientId}>
      <section>
        <PageHeader
          title="Audit log"
          description="Every change to this client, who made it and when, in a chain of hashes that shows any later edit."
        />
        <AuditFilters key={query.toString()} users={people} query={query} />
        <LoadState loaded={loaded}>
          {(page) => (
            <>
              <Verification clientId={clientId} />
              <AuditTable
                clientId={clientId}
                users={users.data}
                entries={page.items}
                filtered={Object.keys(filter).length > 0}
              />
              <Pager nextCursor={page.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
            </>
          )}
        </LoadState>
      </section>
    </ClientFrame>
  );
}

function Verification({ clientId }: { clientId: string }) {
  const loaded = useLoad(
    async () => ok(await api.GET('/v1/clients/{clientId}/audit-log/verify', { params: { path: { clientId } } })),
    [clientId],
  );
  return (
    <section class="card verification" aria-labelledby="verification-title">
      <h2 id="verification-title">Chain verification</h2>
      <LoadState loaded={loaded}>
        {(result) => (
          <p role="status">
            {result.valid ? <Badge tone="good">Verified</Badge> : <Badge tone="bad">Broken</Badge>}{' '}
            {describeVerification(result)}
          </p>
        )}
      </LoadState>
      <button type="button" onClick={loaded.reload} disabled={loaded.loading}>
        {loaded.loading ? 'Checking…' : 'Check again'}
      </button>
    </section>
  );
}

function describeVerification(result: Schemas['AuditVerification']): string {
  if (result.valid && result.rowsChecked === 0) return 'The log has no entries yet.';
  if (result.valid)
    return `All ${result.rowsChecked} entries follow one another unbroken: none was changed or removed.`;
  const at = result.firstBrokenSeq === null ? 'its end' : `entry #${result.firstBrokenSeq}`;
  return `The chain breaks at ${at}: that entry, or the one before it, was changed or removed outside Upzento. ${result.rowsChecked} entries were checked.`;
}

function AuditFilters({ users, query }: { users: Schemas['User'][]; query: URLSearchParams }) {
  const claims = useClaims();
  const [values, setValues] = useState({
    action: query.get('action') ?? '',
    actor: query.get('actor') ?? '',
    from: query.get('from') ?? '',
    until: query.get('until') ?? '',
  });
  const set = (key: keyof typeof values) => (event: Event) =>
    setValues({ ...values, [key]: (event.currentTarget as HTMLInputElement).value });
  function apply(event: Event) {
    event.preventDefault();
    setQuery({ ...values, action: values.action.trim().toLowerCase(), cursor: null });
  }
  const filtered = ['action', 'actor', 'from', 'until'].some((key) => query.has(key));
  return (
    <form class="toolbar" aria-label="Filter the audit log" onSubmit={apply}>
      <div class="field">
        <label for="audit-action">Action</label>
        <input
          id="audit-action"
          value={values.action}
          onInput={set('action')}
          pattern="[a-zA-Z_]+(\.[a-zA-Z_]+)*"
          maxLength={100}
          aria-describedby="audit-action-hint"
        />
        <p class="hint" id="audit-action-hint">
          One action, like contact.created, or all of a kind, like contact.
        </p>
      </div>
      <div class="field">
        <label for="audit-actor">Who</label>
        <select id="audit-actor" value={values.actor} onChange={set('actor')}>
          <option value="">Anyone</option>
          <option value={claims.sub}>You</option>
          <option value="user">Any user</option>
          {users
            .filter((user) => user.id !== claims.sub)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          <option value="anonymous">Visitors, through the widget</option>
          <option value="system">Upzento itself</option>
        </select>
      </div>
      <div class="field">
        <label for="audit-from">From</label>
        <input id="audit-from" type="date" value={values.from} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="audit-until">Until</label>
        <input id="audit-until" type="date" value={values.until} onInput={set('until')} />
      </div>
      <button type="submit">Filter</button>
      {filtered && (
        <button
          type="button"
          onClick={() => setQuery({ action: null, actor: null, from: null, until: null, cursor: null })}
        >
          Show all
        </button>
      )}
    </form>
  );
}

/** `names` is undefined while the client's users are not read: then a user is shown by id alone. */
function ActorName({
  actor,
  names,
}: {
  actor: Schemas['AuditEntry']['actor'];
  names: Map<string, string> | undefined;
}) {
  const claims = useClaims();
  if (actor.type === 'anonymous') return <>A visitor (widget)</>;
  if (actor.type === 'system') return <>Upzento</>;
  if (actor.id === claims.sub) return <>You</>;
  const name = actor.id ? names?.get(actor.id) : undefined;
  if (name) return <>{name}</>;
  // The log does not say whose user it was: the agency's, the platform's, or a client user removed since.
  if (names && actor.id) return <>A user not (or no longer) in this client ({actor.id})</>;
  return <>User {actor.id ?? 'unknown'}</>;
}

function AuditTable({
  clientId,
  users,
  entries,
  filtered,
}: {
  clientId: string;
  users: Schemas['User'][] | undefined;
  entries: Schemas['AuditEntry'][];
  filtered: boolean;
}) {
  const names = users && new Map(users.map((user) => [user.id, user.email]));
  if (entries.length === 0)
    return <p class="notice info">{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</p>;
  return (
    <Table caption="Audit entries" head={['#', 'When', 'Action', 'Who', 'About', 'Details']}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td class="number">{entry.seq}</td>
          <td>
            <When value={entry.at} />
          </td>
          <td class="action">
            <code>{entry.action}</code>
          </td>
          <td>
            <ActorName actor={entry.actor} names={names} />
          </td>
          <td>
            {entry.target.type === 'contact' && entry.target.id ? (
              <Link to={`/clients/${clientId}/leads/${entry.target.id}`}>contact</Link>
            ) : (
              entry.target.type
            )}
          </td>
          <td class="details">
            <code>{JSON.stringify(entry.details)}</code>
          </td>
        </tr>
      ))}
    </Table>
  );
}
