/**
 * The platform's agencies: each with its state and a link to its clients, and a form that creates
 * one. Only the platform lists every agency; creating one needs the platform admin.
 */
import { useState } from 'preact/hooks';
import { api, ok } from '../api.ts';
import { useClaims } from '../signed-in.ts';
import { Field, Form, Link, LoadState, PageHeader, Table, useAnnouncer, useLoad, When } from '../ui.tsx';
import { TenantStatus } from './tenant-status.tsx';

export function AgenciesPage() {
  const claims = useClaims();
  const [announcer, announce] = useAnnouncer();
  const agencies = useLoad(async () => ok(await api.GET('/v1/agencies')).items, []);
  const mayCreate = claims.tty === 'platform' && claims.role === 'admin';
  // A new key after each creation mounts an empty form for the next one.
  const [created, setCreated] = useState(0);

  async function create(form: FormData) {
    const agency = ok(await api.POST('/v1/agencies', { body: { name: String(form.get('name')) } }));
    announce(`Agency ${agency.name} created.`);
    setCreated(created + 1);
    agencies.reload();
  }

  return (
    <section>
      <PageHeader title="Agencies" description="Every agency of the platform, and the clients below each." />
      <LoadState loaded={agencies}>
        {(items) =>
          items.length === 0 ? (
            <p class="notice info">No agency yet. Create the first one below.</p>
          ) : (
            <Table caption="Agencies" head={['Name', 'State', 'Created']}>
              {items.map((agency) => (
                <tr key={agency.id}>
                  <td>
                    <Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
                  </td>
                  <td>
                    <TenantStatus tenant={agency} />
                  </td>
                  <td>
                    <When value={agency.createdAt} />
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </LoadState>
      {mayCreate && (
        <Form
          key={created}
          focusOnOpen={created > 0}
          onSubmit={create}
          submitLabel="Create agency"
          class="card narrow"
          label="Create an agency"
        >
          <h2>Create an agency</h2>
          <Field label="Agency name">
            {(id) => <input id={id} name="name" required maxLength={200} autoComplete="organization" />}
          </Field>
        </Form>
      )}
      {announcer}
    </section>
  );
}
