/**
 * A client's domains: where its widget may appear. Each domain shows its status in words, the TXT
 * record that proves it is the client's (name and value to copy), what the last check found, when
 * the server checks next, "Check now", and removal after a confirmation. Adding takes a hostname and
 * whether its subdomains count too. Every domain route needs the admin role (server/domains/routes.ts),
 * so others see why the list is closed to them rather than controls the API would refuse.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ok, UpzentoApiError, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { setQuery, useLocation } from '../router.ts';
import { useClaims } from '../signed-in.ts';
import {
  Badge,
  ConfirmButton,
  CopyValue,
  ErrorNotice,
  Field,
  Form,
  Link,
  LoadState,
  PageHeader,
  Pager,
  useAnnouncer,
  useLoad,
  When,
} from '../ui.tsx';
import { noNextCheck, outcomeLabel, STATUS, statusSentence } from './domain-words.ts';

type Domain = Schemas['Domain'];

export function ClientDomainsPage({ clientId }: { clientId: string }) {
  return (
    <ClientFrame clientId={clientId}>
      <Domains clientId={clientId} />
    </ClientFrame>
  );
}

function Domains({ clientId }: { clientId: string }) {
  const canManage = useClaims().role === 'admin';
  const cursor = useLocation().query.get('cursor');
  const [announcer, announce] = useAnnouncer();
  const loaded = useLoad(
    async () =>
      ok(
        await api.GET('/v1/clients/{clientId}/domains', {
          params: { path: { clientId }, query: cursor ? { cursor } : {} },
        }),
      ),
    [clientId, cursor],
  );
  const forbidden = loaded.error instanceof UpzentoApiError && loaded.error.status === 403;
  return (
    <section>
      <PageHeader
        title="Domains"
        description="The sites where this client's widget may appear. Each proves it is the client's with a TXT record in its DNS."
      />
      {canManage && (
        <AddDomain
          clientId={clientId}
          onAdded={(domain) => {
            announce(`${domain.hostname} added. Publish its TXT record, then check.`);
            loaded.reload();
          }}
        />
      )}
      {forbidden ? (
        <div class="notice info" role="status">
          Only admins of this client, its agency or the platform can see and change its domains. The server said:{' '}
          {(loaded.error as UpzentoApiError).body?.message ?? 'not allowed'}.
        </div>
      ) : (
        <LoadState loaded={loaded}>
          {(page) => (
            <>
              <h2>
                {page.items.length === 0
                  ? 'No domains yet'
                  : `${page.items.length} domain${page.items.length === 1 ? '' : 's'}`}
              </h2>
              {page.items.length === 0 && (
                <p class="muted">
                  Add the domain of a site where the widget should appear. Until one is verified, the widget shows
                  nowhere (except on this computer, if the{' '}
                  <Link to={`/clients/${clientId}/widget`}>widget settings</Link> allow localhost).
                </p>
              )}
              {page.items.map((domain) => (
                <DomainCard
                  key={domain.id}
                  clientId={clientId}
                  initial={domain}
                  canManage={canManage}
                  announce={announce}
                  onRemoved={() => {
                    announce(`${domain.hostname} removed.`);
                    loaded.reload();
                  }}
                />
              ))}
              <Pager nextCursor={page.nextCursor} cursor={cursor} onCursor={(next) => setQuery({ cursor: next })} />
            </>
          )}
        </LoadState>
      )}
      {announcer}
    </section>
  );
}

function AddDomain({ clientId, onAdded }: { clientId: string; onAdded: (domain: Domain) => void }) {
  // A new key after each addition gives an empty form for the next one.
  const [generation, setGeneration] = useState(0);
  async function add(form: FormData) {
    const domain = ok(
      await api.POST('/v1/clients/{clientId}/domains', {
        params: { path: { clientId } },
        body: { hostname: String(form.get('hostname')).trim(), includeSubdomains: form.get('subdomains') === 'on' },
      }),
    );
    setGeneration((value) => value + 1);
    onAdded(domain);
  }
  return (
    <Form
      key={generation}
      focusOnOpen={generation > 0}
      onSubmit={add}
      submitLabel="Add domain"
      class="card add-domain"
      label="Add a domain"
    >
      <h2 class="card-title">Add a domain</h2>
      <Field label="Hostname" hint="As the address bar shows it, without https:// — for example www.example.com.">
        {(id, hint) => (
          <input
            id={id}
            name="hostname"
            required
            maxLength={300}
            autoComplete="off"
            spellcheck={false}
            placeholder="www.example.com"
            aria-describedby={hint}
          />
        )}
      </Field>
      <div class="checkbox">
        <input id="include-subdomains" name="subdomains" type="checkbox" aria-describedby="include-subdomains-hint" />
        <label for="include-subdomains">Include subdomains</label>
      </div>
      <p class="hint subdomain-hint" id="include-subdomains-hint">
        With subdomains, one record authorizes every name under the domain too (shop.example.com, blog.example.com).
      </p>
    </Form>
  );
}

function DomainCard({
  clientId,
  initial,
  canManage,
  announce,
  onRemoved,
}: {
  clientId: string;
  initial: Domain;
  canManage: boolean;
  announce: (message: string) => void;
  onRemoved: () => void;
}) {
  const [domain, setDomain] = useState(initial);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  useEffect(() => setDomain(initial), [initial]);
  const path = { clientId, domainId: domain.id };
  const status = STATUS[domain.status];
  const headingId = `domain-${domain.id}`;

  async function check() {
    setChecking(true);
    setCheckError(null);
    try {
      const checked = ok(await api.POST('/v1/clients/{clientId}/domains/{domainId}/verify', { params: { path } }));
      setDomain(checked);
      const said = checked.lastCheck?.message ?? '';
      announce(`${checked.hostname}: ${STATUS[checked.status].label.toLowerCase()}. ${said}`);
    } catch (failure) {
      setCheckError(failure);
    } finally {
      setChecking(false);
    }
  }

  async function remove() {
    ok(await api.DELETE('/v1/clients/{clientId}/domains/{domainId}', { params: { path } }));
    onRemoved();
  }

  return (
    <article class="card domain" aria-labelledby={headingId}>
      <header class="domain-head">
        <h3 id={headingId}>{domain.hostname}</h3>
        <Badge tone={status.tone}>{status.label}</Badge>
        {domain.includeSubdomains && <Badge tone="neutral">Includes subdomains</Badge>}
      </header>
      <p>{statusSentence(domain)}</p>

      <h4>DNS record to publish</h4>
      <dl class="record">
        <div>
          <dt>Type</dt>
          <dd>
            <code>{domain.challenge.type}</code>
          </dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>
            <CopyValue value={domain.challenge.name} what={`record name for ${domain.hostname}`} />
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>
            <CopyValue value={domain.challenge.value} what={`record value for ${domain.hostname}`} />
          </dd>
        </div>
      </dl>
      <p class="hint">
        If your DNS provider adds the domain to names itself, enter the name without it. New records can take a few
        minutes to appear.
      </p>

      <h4>Checks</h4>
      <dl class="facts">
        <div>
          <dt>Last check</dt>
          <dd class="last-check">
            {domain.lastCheck ? <LastCheck check={domain.lastCheck} /> : <span class="muted">Not checked yet.</span>}
          </dd>
        </div>
        <div>
          <dt>Next automatic check</dt>
          <dd>
            {domain.nextCheckAt ? (
              <NextCheck at={domain.nextCheckAt} />
            ) : (
              <span class="muted">{noNextCheck(domain)}</span>
            )}
          </dd>
        </div>
        {domain.status === 'pending' && domain.expiresAt && (
          <div>
            <dt>Record needed by</dt>
            <dd>
              <When value={domain.expiresAt} /> — after that the challenge expires.
            </dd>
          </div>
        )}
        {domain.verifiedAt && (
          <div>
            <dt>Verified</dt>
            <dd>
              <When value={domain.verifiedAt} />
            </dd>
          </div>
        )}
        {domain.failingSince && (
          <div>
            <dt>Failing since</dt>
            <dd>
              <When value={domain.failingSince} />
            </dd>
          </div>
        )}
        <div>
          <dt>Added</dt>
          <dd>
            <When value={domain.createdAt} />
          </dd>
        </div>
      </dl>
      {checkError !== null && <ErrorNotice error={checkError} />}
      {canManage && (
        <div class="actions">
          <button type="button" class="primary" onClick={check} disabled={checking}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
          <ConfirmButton
            danger
            label="Remove"
            title={`Remove ${domain.hostname}?`}
            message={
              <p>
                The widget stops appearing on {domain.hostname}
                {domain.includeSubdomains ? ' and its subdomains' : ''} at once. Adding the domain again later gives a
                new TXT record to publish.
              </p>
            }
            confirmLabel="Remove domain"
            onConfirm={remove}
          />
        </div>
      )}
    </article>
  );
}

function LastCheck({ check }: { check: NonNullable<Domain['lastCheck']> }) {
  const outcome = outcomeLabel(check.outcome);
  return (
    <>
      <span class="check-line">
        <Badge tone={outcome.tone}>{outcome.label}</Badge> <When value={check.at} relativeTo={Date.now()} />
      </span>
      <span class="check-sentence">{check.message}</span>
    </>
  );
}

function NextCheck({ at }: { at: string }) {
  if (new Date(at).getTime() <= Date.now())
    return <span>Due now: the server's next round of checks (once a minute) takes it up.</span>;
  return (
    <span>
      <When value={at} relativeTo={Date.now()} /> (<When value={at} />)
    </span>
  );
}
