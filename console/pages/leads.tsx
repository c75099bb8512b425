/**
 * A client's leads: its contacts, or what the widget captured (submissions), as two views of one
 * page. The view, the search and the page are in the address, so a reload or a shared link shows
 * the same rows; "Export CSV" downloads every row of the current view and search.
 */
import { useState } from 'preact/hooks';
import { api, describeError, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { setQuery, useLocation } from '../router.ts';
import { LoadState, Link, PageHeader, Pager, Table, useAnnouncer, useLoad, When } from '../ui.tsx';
import { listQuery } from '../paging.ts';
import { downloadCsv, EXPORT_CAP, exportLeads, type LeadsView } from './leads-export.ts';

/** Rows on one page of the console's lists. */
export const PAGE_SIZE = 25;

export function LeadsPage({ clientId }: { clientId: string }) {
  const { query } = useLocation();
  const view: LeadsView = query.get('view') === 'submissions' ? 'submissions' : 'contacts';
  const q = query.get('q') ?? undefined;
  const cursor = query.get('cursor');
  const loaded = useLoad(async (): Promise<{ view: LeadsView; items: unknown[]; nextCursor: string | null }> => {
    const params = { path: { clientId }, query: listQuery({ q, cursor, limit: PAGE_SIZE }) };
    const page =
      view === 'contacts'
        ? ok(await api.GET('/v1/clients/{clientId}/contacts', { params }))
        : ok(await api.GET('/v1/clients/{clientId}/submissions', { params }));
    return { view, ...page };
  }, [clientId, view, q, cursor]);
  return (
    <ClientFrame clientId={clientId}>
      <section>
        <PageHeader
          title="Leads"
          description="The people your widget and your team added, and every form the widget received."
          actions={<ExportButton clientId={clientId} view={view} q={q} />}
        />
        <ViewSwitch view={view} />
        <SearchForm key={`${view}:${q ?? ''}`} q={q} view={view} />
        <LoadState loaded={loaded}>
          {(page) =>
            page.view === 'contacts' ? (
              <ContactsTable clientId={clientId} contacts={page.items as Schemas['Contact'][]} searched={!!q} />
            ) : (
              <SubmissionsTable
                clientId={clientId}
                submissions={page.items as Schemas['Submission'][]}
                searched={!!q}
              />
            )
          }
        </LoadState>
        <Pager nextCursor={loaded.data?.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
      </section>
    </ClientFrame>
  );
}

function ViewSwitch({ view }: { view: LeadsView }) {
  const views: [LeadsView, string][] = [
    ['contacts', 'Contacts'],
    ['submissions', 'Submissions'],
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a set of form controls
    <div class="switch" role="group" aria-label="Show">
      {views.map(([value, label]) => (
        <button
          type="button"
          key={value}
          aria-pressed={view === value}
          onClick={() => setQuery({ view: value === 'contacts' ? null : value, cursor: null })}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function SearchForm({ q, view }: { q: string | undefined; view: LeadsView }) {
  const [text, setText] = useState(q ?? '');
  function search(event: Event) {
    event.preventDefault();
    setQuery({ q: text.trim(), cursor: null });
  }
  return (
    <form class="toolbar" aria-label={`Search ${view}`} onSubmit={search}>
      <div class="field">
        <label for="leads-search">Search</label>
        <input
          id="leads-search"
          type="search"
          value={text}
          maxLength={100}
          aria-describedby="leads-search-hint"
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <button type="submit">Search</button>
      {q && (
        <button type="button" onClick={() => setQuery({ q: null, cursor: null })}>
          Show all
        </button>
      )}
      <p class="hint" id="leads-search-hint">
        The start of an email address, or any part of a name.
      </p>
    </form>
  );
}

function Empty({ searched, what }: { searched: boolean; what: string }) {
  return <p class="notice info">{searched ? `No ${what} match this search.` : `No ${what} yet.`}</p>;
}

function ContactsTable({
  clientId,
  contacts,
  searched,
}: {
  clientId: string;
  contacts: Schemas['Contact'][];
  searched: boolean;
}) {
  if (contacts.length === 0) return <Empty searched={searched} what="contacts" />;
  return (
    <Table caption="Contacts" head={['Email', 'Name', 'Phone', 'Added']}>
      {contacts.map((contact) => (
        <tr key={contact.id}>
          <td>
            <Link to={`/clients/${clientId}/leads/${contact.id}`}>{contact.email}</Link>
          </td>
          <td>{contact.name ?? <span class="muted">none</span>}</td>
          <td>{contact.phone ?? <span class="muted">none</span>}</td>
          <td>
            <When value={contact.createdAt} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function SubmissionsTable({
  clientId,
  submissions,
  searched,
}: {
  clientId: string;
  submissions: Schemas['Submission'][];
  searched: boolean;
}) {
  if (submissions.length === 0) return <Empty searched={searched} what="submissions" />;
  return (
    <Table caption="Submissions" head={['Received', 'Email', 'Name', 'Message', 'From']}>
      {submissions.map((submission) => (
        <tr key={submission.id}>
          <td>
            <When value={submission.createdAt} />
          </td>
          <td>
            {submission.contactId ? (
              <Link to={`/clients/${clientId}/leads/${submission.contactId}`}>{submission.email}</Link>
            ) : (
              submission.email
            )}
          </td>
          <td>{submission.name ?? <span class="muted">none</span>}</td>
          <td class="message">{submission.message ?? <span class="muted">none</span>}</td>
          <td>{submission.context.pageUrl ?? submission.origin}</td>
        </tr>
      ))}
    </Table>
  );
}

function ExportButton({ clientId, view, q }: { clientId: string; view: LeadsView; q: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcer, announce] = useAnnouncer();
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const { csv, rows, complete } = await exportLeads(clientId, view, q);
      const day = new Date().toISOString().slice(0, 10);
      downloadCsv(`leads-${view}-${day}.csv`, csv);
      announce(
        complete
          ? `Exported ${rows} ${view}.`
          : `Exported the newest ${EXPORT_CAP} ${view}; there are more. Narrow the search to export the rest.`,
      );
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {announcer}
    </>
  );
}
