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
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The API's filter from the page's address: `actor` is a type of actor or one user's id. */
function filterOf(query: URLSearchParams) {
  const actor = query.get('actor') ?? '';
  const until = query.get('until');
  return listQuery({
    action: query.get('action'),
    actorType: (ACTOR_TYPES as readonly string[]).includes(actor) ? (actor as ActorType) : undefined,
    actorId: UUID.test(actor) ? actor : undefined,
    from: query.get('from'),
    to: until ? dayAfter(until) : undefined,
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
        <LoadState loaded={loaded}>
          {(page) => (
            <>
              <Verification clientId={clientId} />
              <AuditFilters key={query.toString()} users={people} query={query} />
              <AuditTable
                clientId={clientId}
                users={people}
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

function ActorName({ actor, names }: { actor: Schemas['AuditEntry']['actor']; names: Map<string, string> }) {
  const claims = useClaims();
  if (actor.type === 'anonymous') return <>A visitor (widget)</>;
  if (actor.type === 'system') return <>Upzento</>;
  if (actor.id === claims.sub) return <>You</>;
  const name = actor.id ? names.get(actor.id) : undefined;
  return name ? <>{name}</> : <span title={actor.id ?? undefined}>A user of the agency or platform</span>;
}

function AuditTable({
  clientId,
  users,
  entries,
  filtered,
}: {
  clientId: string;
  users: Schemas['User'][];
  entries: Schemas['AuditEntry'][];
  filtered: boolean;
}) {
  const names = new Map(users.map((user) => [user.id, user.email]));
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
