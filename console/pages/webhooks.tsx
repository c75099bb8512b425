/**
 * A client's webhooks: the endpoints that get its new leads, each with its signing secret (shown
 * once, when made or rotated), and the log of deliveries with "send again". The API lets a client's
 * admins, or admins above it, see and change them; anyone else reads its refusal here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { mayAct } from '../may.ts';
import { setQuery, useLocation } from '../router.ts';
import { useClaims } from '../signed-in.ts';
import {
  Badge,
  ConfirmButton,
  CopyValue,
  ErrorNotice,
  Field,
  Form,
  LoadState,
  PageHeader,
  Pager,
  Table,
  useAnnouncer,
  useLoad,
  When,
} from '../ui.tsx';
import { listQuery } from '../paging.ts';

type Webhook = Schemas['Webhook'];
type Delivery = Schemas['WebhookDelivery'];
const EVENTS = [{ value: 'submission.created', label: 'A lead arrives (submission.created)' }] as const;

export function WebhooksPage({ clientId }: { clientId: string }) {
  const claims = useClaims();
  const { query } = useLocation();
  const selected = query.get('webhook');
  const [secret, setSecret] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const loaded = useLoad(
    async () => ok(await api.GET('/v1/clients/{clientId}/webhooks', { params: { path: { clientId } } })).items,
    [clientId],
  );
  const admin = mayAct(claims, 'admin');
  return (
    <ClientFrame clientId={clientId}>
      <section>
        <PageHeader
          title="Webhooks"
          description="Upzento sends each new lead to these addresses as a signed POST request, and tries again when one fails."
        />
        {secret && <SecretOnce {...secret} onDone={() => setSecret(null)} />}
        <LoadState loaded={loaded}>
          {(webhooks) => (
            <>
              <WebhookTable
                clientId={clientId}
                webhooks={webhooks}
                selected={selected}
                onRotated={(rotated) => {
                  setSecret({ url: rotated.url, secret: rotated.secret, rotated: true });
                  loaded.reload();
                }}
                onDeleted={loaded.reload}
              />
              {selected && webhooks.some((webhook) => webhook.id === selected) && (
                <Deliveries
                  key={selected}
                  clientId={clientId}
                  webhook={webhooks.find((webhook) => webhook.id === selected)!}
                />
              )}
              {admin && (
                <NewWebhook
                  clientId={clientId}
                  onCreated={(created) => {
                    setSecret({ url: created.url, secret: created.secret, rotated: false });
                    loaded.reload();
                  }}
                />
              )}
            </>
          )}
        </LoadState>
      </section>
    </ClientFrame>
  );
}

function SecretOnce({
  url,
  secret,
  rotated,
  onDone,
}: {
  url: string;
  secret: string;
  rotated: boolean;
  onDone: () => void;
}) {
  // Shown once, so it must be heard: focus moves to it from the form or the button that made it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [secret]);
  return (
    <section class="card secret-once" aria-labelledby="secret-title">
      <h2 id="secret-title" tabIndex={-1} ref={heading}>
        {rotated ? 'The new signing secret' : 'The signing secret'}
      </h2>
      <p>
        For <strong>{url}</strong>. It is shown only now: copy it to where your endpoint checks the{' '}
        <code>Upzento-Signature</code> header.
        {rotated && ' The old secret keeps signing for a day, so you can switch without losing a delivery.'}
      </p>
      <CopyValue value={secret} what="signing secret" />
      <div class="actions">
        <button type="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </section>
  );
}

function WebhookTable({
  clientId,
  webhooks,
  selected,
  onRotated,
  onDeleted,
}: {
  clientId: string;
  webhooks: Webhook[];
  selected: string | null;
  onRotated: (webhook: Schemas['WebhookWithSecret']) => void;
  onDeleted: () => void;
}) {
  if (webhooks.length === 0) return <p class="notice info">No webhooks yet: leads stay in Upzento only.</p>;
  return (
    <Table caption="Webhooks" head={['Address', 'Sends', 'Added', 'Actions']}>
      {webhooks.map((webhook) => {
        const path = { clientId, webhookId: webhook.id };
        return (
          <tr key={webhook.id}>
            <td class="url">
              {webhook.url}
              {webhook.previousSecretExpiresAt && (
                <p class="hint">
                  The previous secret signs too until <When value={webhook.previousSecretExpiresAt} />.
                </p>
              )}
            </td>
            <td>{webhook.events.join(', ')}</td>
            <td>
              <When value={webhook.createdAt} />
            </td>
            <td>
              <div class="actions">
                <button
                  type="button"
                  class="small"
                  aria-pressed={selected === webhook.id}
                  aria-label={`Deliveries to ${webhook.url}`}
                  onClick={() => setQuery({ webhook: selected === webhook.id ? null : webhook.id, cursor: null })}
                >
                  Deliveries
                </button>
                <ConfirmButton
                  label="Rotate secret"
                  class="small"
                  title="Rotate the signing secret?"
                  message={`A new secret signs the deliveries to ${webhook.url} from now on; the current one keeps signing for a day, then stops.`}
                  confirmLabel="Rotate secret"
                  onConfirm={async () =>
                    onRotated(
                      ok(
                        await api.POST('/v1/clients/{clientId}/webhooks/{webhookId}/rotate-secret', {
                          params: { path },
                        }),
                      ),
                    )
                  }
                />
                <ConfirmButton
                  label="Delete"
                  class="small"
                  title="Delete this webhook?"
                  message={`Nothing more is sent to ${webhook.url}, and its delivery log goes with it.`}
                  confirmLabel="Delete webhook"
                  danger
                  onConfirm={async () => {
                    ok(await api.DELETE('/v1/clients/{clientId}/webhooks/{webhookId}', { params: { path } }));
                    if (selected === webhook.id) setQuery({ webhook: null, cursor: null });
                    onDeleted();
                  }}
                />
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

function NewWebhook({
  clientId,
  onCreated,
}: {
  clientId: string;
  onCreated: (webhook: Schemas['WebhookWithSecret']) => void;
}) {
  const [version, setVersion] = useState(0);
  async function create(form: FormData) {
    const events = form.getAll('events').map(String) as Schemas['NewWebhook']['events'];
    const created = ok(
      await api.POST('/v1/clients/{clientId}/webhooks', {
        params: { path: { clientId } },
        body: { url: String(form.get('url') ?? '').trim(), events },
      }),
    );
    setVersion(version + 1);
    onCreated(created);
  }
  return (
    <>
      <h2>Add a webhook</h2>
      <Form key={version} onSubmit={create} submitLabel="Add webhook" class="card narrow" label="Add a webhook">
        <Field label="Address" hint="An https:// address on the public internet.">
          {(id, hint) => (
            <input
              id={id}
              name="url"
              type="url"
              required
              maxLength={2048}
              placeholder="https://example.com/upzento"
              aria-describedby={hint}
            />
          )}
        </Field>
        <fieldset>
          <legend>Send</legend>
          {EVENTS.map((event) => (
            <label class="checkbox" key={event.value}>
              <input type="checkbox" name="events" value={event.value} checked />
              {event.label}
            </label>
          ))}
        </fieldset>
      </Form>
    </>
  );
}

const STATUS = {
  delivered: { tone: 'good', word: 'Delivered' },
  pending: { tone: 'warn', word: 'Waiting to send' },
  failed: { tone: 'bad', word: 'Failed' },
} as const;

function lastAnswer(delivery: Delivery): string {
  if (delivery.attempts === 0) return 'Not tried yet';
  if (delivery.lastStatus !== null) return `HTTP ${delivery.lastStatus} after ${delivery.lastLatencyMs ?? '?'} ms`;
  return delivery.lastError ?? 'No answer';
}

function Deliveries({ clientId, webhook }: { clientId: string; webhook: Webhook }) {
  const claims = useClaims();
  const { query } = useLocation();
  const cursor = query.get('cursor');
  const [announcer, announce] = useAnnouncer();
  const [failure, setFailure] = useState<unknown>(null);
  const path = { clientId, webhookId: webhook.id };
  const loaded = useLoad(
    async () =>
      ok(
        await api.GET('/v1/clients/{clientId}/webhooks/{webhookId}/deliveries', {
          params: { path, query: listQuery({ cursor, limit: 25 }) },
        }),
      ),
    [clientId, webhook.id, cursor],
  );
  async function retry(delivery: Delivery) {
    setFailure(null);
    try {
      ok(
        await api.POST('/v1/clients/{clientId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry', {
          params: { path: { ...path, deliveryId: delivery.id } },
        }),
      );
      announce('Sent again: a new delivery of that lead is on its way.');
      loaded.reload();
    } catch (error) {
      setFailure(error);
    }
  }
  return (
    <div class="deliveries">
      <h2>Deliveries to {webhook.url}</h2>
      {announcer}
      {failure !== null && <ErrorNotice error={failure} />}
      <LoadState loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="notice info">Nothing has been sent to this address yet.</p>
          ) : (
            <Table
              caption={`Deliveries to ${webhook.url}`}
              head={['Made', 'Status', 'Attempts', 'Last answer', 'Next try', 'Send again']}
            >
              {page.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <When value={delivery.createdAt} />
                  </td>
                  <td>
                    <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].word}</Badge>
                  </td>
                  <td class="number">{delivery.attempts}</td>
                  <td>{lastAnswer(delivery)}</td>
                  <td>
                    {delivery.nextAttemptAt ? <When value={delivery.nextAttemptAt} /> : <span class="muted">none</span>}
                  </td>
                  <td>
                    {mayAct(claims, 'admin') && (
                      <button type="button" class="small" onClick={() => retry(delivery)}>
                        Send again
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </LoadState>
      <Pager nextCursor={loaded.data?.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
    </div>
  );
}
