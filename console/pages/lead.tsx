/**
 * One lead: the contact's fields and everything the widget received from it, newest first. Members
 * may change and delete it; admins may also erase it (the person and all their submissions, for a
 * privacy request). Viewers only read.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { mayAct } from '../may.ts';
import { setQuery, useLocation } from '../router.ts';
import { useClaims } from '../signed-in.ts';
import {
  ConfirmButton,
  Field,
  Form,
  Link,
  LoadState,
  PageHeader,
  Pager,
  Table,
  useAnnouncer,
  useLoad,
  When,
} from '../ui.tsx';
import { PAGE_SIZE } from './leads.tsx';
import { listQuery } from '../paging.ts';

type Contact = Schemas['Contact'];

export function LeadPage({ clientId, contactId }: { clientId: string; contactId: string }) {
  const [gone, setGone] = useState<string | null>(null);
  const loaded = useLoad(
    async () =>
      ok(await api.GET('/v1/clients/{clientId}/contacts/{contactId}', { params: { path: { clientId, contactId } } })),
    [clientId, contactId],
  );
  const back = `/clients/${clientId}/leads`;
  return (
    <ClientFrame clientId={clientId}>
      <section>
        <p>
          <Link to={back}>← All leads</Link>
        </p>
        {gone ? (
          <>
            <PageHeader title="Lead removed" />
            <p class="notice good" role="status">
              {gone}
            </p>
          </>
        ) : (
          <LoadState loaded={loaded}>
            {(contact) => (
              <LeadDetail clientId={clientId} contact={contact} onChange={loaded.reload} onGone={setGone} />
            )}
          </LoadState>
        )}
      </section>
    </ClientFrame>
  );
}

function LeadDetail({
  clientId,
  contact,
  onChange,
  onGone,
}: {
  clientId: string;
  contact: Contact;
  onChange: () => void;
  onGone: (message: string) => void;
}) {
  const claims = useClaims();
  const [editing, setEditing] = useState(false);
  const [announcer, announce] = useAnnouncer();
  const path = { clientId, contactId: contact.id };
  async function remove() {
    ok(await api.DELETE('/v1/clients/{clientId}/contacts/{contactId}', { params: { path } }));
    onGone(`${contact.email} was deleted. Their submissions are kept, no longer linked to a contact.`);
  }
  async function erase() {
    const answer = await api.POST('/v1/clients/{clientId}/contacts/{contactId}/erase', { params: { path } });
    ok(answer);
    onGone(
      answer.response.status === 202
        ? 'The erasure has started: this person and their submissions are being removed from everything Upzento keeps.'
        : 'This person and their submissions were erased from everything Upzento keeps.',
    );
  }
  const actions = mayAct(claims, 'member') && (
    <>
      <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
        {editing ? 'Stop editing' : 'Edit'}
      </button>
      <ConfirmButton
        label="Delete"
        title="Delete this contact?"
        message={`${contact.email} is removed from your contacts. The submissions they sent stay, without a link to a contact.`}
        confirmLabel="Delete contact"
        danger
        onConfirm={remove}
      />
      {mayAct(claims, 'admin') && (
        <ConfirmButton
          label="Erase"
          title="Erase this person?"
          message={`Everything Upzento keeps about ${contact.email} goes: the contact, every submission they sent, and their details in the audit log. This cannot be undone.`}
          confirmLabel="Erase for good"
          danger
          onConfirm={erase}
        />
      )}
    </>
  );
  return (
    <>
      <PageHeader title={contact.name ?? contact.email} description={contact.email} actions={actions} />
      {editing && (
        <EditContact
          clientId={clientId}
          contact={contact}
          onSaved={() => {
            setEditing(false);
            announce('Contact saved.');
            onChange();
          }}
        />
      )}
      {announcer}
      <ContactFacts contact={contact} />
      <h2>Submissions</h2>
      <ContactSubmissions clientId={clientId} contactId={contact.id} />
    </>
  );
}

function ContactFacts({ contact }: { contact: Contact }) {
  const attributes = Object.entries(contact.attributes);
  return (
    <dl class="card facts">
      <dt>Email</dt>
      <dd>{contact.email}</dd>
      <dt>Name</dt>
      <dd>{contact.name ?? <span class="muted">none</span>}</dd>
      <dt>Phone</dt>
      <dd>{contact.phone ?? <span class="muted">none</span>}</dd>
      <dt>Added</dt>
      <dd>
        <When value={contact.createdAt} />
      </dd>
      <dt>Last changed</dt>
      <dd>
        <When value={contact.updatedAt} />
      </dd>
      <dt>Identity</dt>
      <dd>
        {contact.identity
          ? `Verified by your site as ${contact.identity.email ?? contact.identity.userId ?? 'a signed-in user'}`
          : 'Not verified by your site'}
      </dd>
      {attributes.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function EditContact({ clientId, contact, onSaved }: { clientId: string; contact: Contact; onSaved: () => void }) {
  async function save(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? '').trim();
    ok(
      await api.PATCH('/v1/clients/{clientId}/contacts/{contactId}', {
        params: { path: { clientId, contactId: contact.id } },
        body: { email: text('email'), name: text('name') || null, phone: text('phone') || null },
      }),
    );
    onSaved();
  }
  return (
    <Form onSubmit={save} submitLabel="Save contact" class="card narrow" label="Edit contact">
      <Field label="Email">
        {(id) => <input id={id} name="email" type="email" required maxLength={320} value={contact.email} />}
      </Field>
      <Field label="Name">{(id) => <input id={id} name="name" maxLength={200} value={contact.name ?? ''} />}</Field>
      <Field label="Phone" hint="Digits, spaces and + ( ) - . only.">
        {(id, hint) => (
          <input id={id} name="phone" type="tel" maxLength={40} value={contact.phone ?? ''} aria-describedby={hint} />
        )}
      </Field>
    </Form>
  );
}

function ContactSubmissions({ clientId, contactId }: { clientId: string; contactId: string }) {
  const { query } = useLocation();
  const cursor = query.get('cursor');
  const loaded = useLoad(
    async () =>
      ok(
        await api.GET('/v1/clients/{clientId}/submissions', {
          params: { path: { clientId }, query: listQuery({ contactId, cursor, limit: PAGE_SIZE }) },
        }),
      ),
    [clientId, contactId, cursor],
  );
  return (
    <>
      <LoadState loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="notice info">This contact has sent nothing through the widget.</p>
          ) : (
            <Table caption="Submissions of this contact" head={['Received', 'Message', 'Fields', 'From']}>
              {page.items.map((submission) => (
                <tr key={submission.id}>
                  <td>
                    <When value={submission.createdAt} />
                  </td>
                  <td class="message">{submission.message ?? <span class="muted">none</span>}</td>
                  <td>
                    <SubmissionFields fields={submission.fields} />
                  </td>
                  <td>{submission.context.pageUrl ?? submission.origin}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </LoadState>
      <Pager nextCursor={loaded.data?.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
    </>
  );
}

function SubmissionFields({ fields }: { fields: Record<string, string> }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return <span class="muted">none</span>;
  return (
    <ul class="plain">
      {entries.map(([key, value]) => (
        <li key={key}>
          <strong>{key}:</strong> {value}
        </li>
      ))}
    </ul>
  );
}
