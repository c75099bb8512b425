/**
 * One agency's clients, for the platform and the agency's own users: each client with its state, its
 * widget key to copy and a link to its pages; and, for admins, provisioning a client, from a template
 * of the agency's or the platform's when there are any. A client made from a template may come with
 * invitations, whose tokens are shown once, here.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api.ts';
import { clientHome, useClaims } from '../signed-in.ts';
import {
  CopyValue,
  ErrorNotice,
  Field,
  Form,
  Link,
  LoadState,
  PageHeader,
  Table,
  useAnnouncer,
  useLoad,
  When,
} from '../ui.tsx';
import { TenantStatus } from './tenant-status.tsx';

type Provisioned = Schemas['ProvisionedClient'];

export function AgencyPage({ agencyId }: Record<string, string>) {
  const id = agencyId as string;
  const claims = useClaims();
  const [announcer, announce] = useAnnouncer();
  const [provisioned, setProvisioned] = useState<Provisioned | null>(null);
  // One page serves every agency: what was provisioned in one is not shown in the next.
  useEffect(() => setProvisioned(null), [id]);
  const agency = useAgency(id);
  const clients = useLoad(
    async () => ok(await api.GET('/v1/agencies/{agencyId}/clients', { params: { path: { agencyId: id } } })).items,
    [id],
  );
  const mayProvision = claims.tty !== 'client' && claims.role === 'admin';
  const name = agency.data?.name;

  function onProvisioned(client: Provisioned) {
    setProvisioned(client);
    announce(`Client ${client.name} provisioned.`);
    clients.reload();
  }

  return (
    <section>
      <AgencyCrumbs agencyId={id} name={name} />
      <PageHeader
        title={name ? `${name}: clients` : 'Clients'}
        description={
          agency.data ? <TenantStatus tenant={agency.data} /> : 'The clients of this agency, and their widget keys.'
        }
        // The agency's own users have Users in their navigation; the platform reaches it from here.
        actions={claims.tty === 'platform' && <Link to={`/agencies/${id}/users`}>Users of this agency</Link>}
      />
      <LoadState loaded={clients}>
        {(items) => (
          <>
            {items.length === 0 ? (
              <p class="notice info">This agency has no clients yet.</p>
            ) : (
              <ClientTable clients={items} />
            )}
            {provisioned && <ProvisionedNotice client={provisioned} />}
            {mayProvision && <ProvisionForm agencyId={id} onProvisioned={onProvisioned} />}
          </>
        )}
      </LoadState>
      {announcer}
    </section>
  );
}

/** The agency's name and state: the platform lists every agency, an agency user its own. */
export function useAgency(agencyId: string) {
  return useLoad(
    async () => ok(await api.GET('/v1/agencies')).items.find((item) => item.id === agencyId) ?? null,
    [agencyId],
  );
}

/** The way back up for the platform, which has no agency in its navigation: Agencies › the agency › `here`. */
export function AgencyCrumbs({ agencyId, name, here }: { agencyId: string; name: string | undefined; here?: string }) {
  const claims = useClaims();
  if (claims.tty !== 'platform') return null;
  const agency = name ?? 'Agency';
  return (
    <p class="breadcrumb">
      <Link to="/agencies">Agencies</Link> › {here ? <Link to={`/agencies/${agencyId}`}>{agency}</Link> : agency}
      {here && ` › ${here}`}
    </p>
  );
}

function ClientTable({ clients }: { clients: Schemas['Client'][] }) {
  const claims = useClaims();
  return (
    <Table caption="Clients" head={['Name', 'State', 'Widget key', 'Created']}>
      {clients.map((client) => (
        <tr key={client.id}>
          <td>
            <Link to={clientHome(claims, client.id)}>{client.name}</Link>
          </td>
          <td>
            <TenantStatus tenant={client} />
          </td>
          <td class="key-cell">
            <CopyValue value={client.publicKey} what={`the widget key of ${client.name}`} />
          </td>
          <td>
            <When value={client.createdAt} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** What provisioning made: the client, and the invitations its template made, each token shown only now. */
function ProvisionedNotice({ client }: { client: Provisioned }) {
  const claims = useClaims();
  return (
    <div class="notice good provisioned">
      <p>
        <Link to={clientHome(claims, client.id)}>{client.name}</Link> is ready
        {client.template ? `, made from the template ${client.template.name}` : ''}.
      </p>
      {client.invitations.length > 0 && (
        <>
          <p>
            Its template invited these people. Pass each one their invitation token: it is shown only now, and works
            once, until <When value={client.invitations[0]?.expiresAt} />.
          </p>
          <ul>
            {client.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} ({invitation.role})
                <CopyValue value={invitation.token} what={`the invitation token of ${invitation.email}`} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ProvisionForm({
  agencyId,
  onProvisioned,
}: {
  agencyId: string;
  onProvisioned: (client: Provisioned) => void;
}) {
  const [made, setMade] = useState(0);
  const templates = useLoad(async () => {
    const [platform, agency] = await Promise.all([
      api.GET('/v1/platform/templates'),
      api.GET('/v1/agencies/{agencyId}/templates', { params: { path: { agencyId } } }),
    ]);
    return [...ok(agency).items, ...ok(platform).items];
  }, [agencyId]);

  async function provision(form: FormData) {
    const templateId = String(form.get('templateId') ?? '');
    const client = ok(
      await api.POST('/v1/agencies/{agencyId}/clients', {
        params: { path: { agencyId } },
        body: { name: String(form.get('name')), ...(templateId && { templateId }) },
      }),
    );
    setMade(made + 1);
    onProvisioned(client);
  }

  return (
    <Form
      key={made}
      focusOnOpen={made > 0}
      onSubmit={provision}
      submitLabel="Provision client"
      class="card narrow"
      label="Provision a client"
    >
      <h2>Provision a client</h2>
      <Field label="Client name">
        {(fieldId) => <input id={fieldId} name="name" required maxLength={200} autoComplete="off" />}
      </Field>
      {templates.error !== null && <ErrorNotice error={templates.error} onRetry={templates.reload} />}
      {templates.data && templates.data.length > 0 && (
        <Field label="Template" hint="Widget settings, flags, limits and invitations the new client starts with.">
          {(fieldId, hint) => (
            <select id={fieldId} name="templateId" aria-describedby={hint}>
              <option value="">No template</option>
              {templates.data?.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name} ({template.level === 'platform' ? "the platform's" : "the agency's"})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </Form>
  );
}
