/**
 * Puts a new customer's site on Upzento, start to finish, through the public API:
 * signs in as the platform admin, creates an agency and a client, registers the site's domain, prints
 * the TXT record to publish, asks Upzento to verify it every few seconds until DNS has it, and prints
 * the widget snippet for the site.
 *
 *   UPZENTO_URL=https://crm.example.com UPZENTO_ADMIN_EMAIL=… UPZENTO_ADMIN_PASSWORD=… \
 *   DOMAIN=bakery.example node --import tsx examples/provision.ts
 *
 * Optional: AGENCY_NAME (default "Example Agency"), CLIENT_NAME (default: the domain),
 * VERIFY_INTERVAL_MS (default 5000), VERIFY_ATTEMPTS (default 20).
 * Exit code 0 once the domain is verified; 1 on an error or when it never was.
 * Calls go through the typed client (client/index.ts), so each path, body and answer is checked
 * against the server's OpenAPI document when this is type-checked.
 */
import { createUpzentoClient, ok, UpzentoApiError } from '../client/index.ts';

interface Settings {
  url: string;
  email: string;
  password: string;
  domain: string;
  agencyName: string;
  clientName: string;
  intervalMs: number;
  attempts: number;
}

class Stop extends Error {}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Stop(`${name} is required`);
    return value;
  };
  const count = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new Stop(`${name} must be a whole number of at least ${min}, not "${raw}"`);
    return value;
  };
  const url = required('UPZENTO_URL').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url)) throw new Stop(`UPZENTO_URL must start with http:// or https://, not "${url}"`);
  const domain = required('DOMAIN');
  return {
    url,
    email: required('UPZENTO_ADMIN_EMAIL'),
    password: required('UPZENTO_ADMIN_PASSWORD'),
    domain,
    agencyName: env.AGENCY_NAME?.trim() || 'Example Agency',
    clientName: env.CLIENT_NAME?.trim() || domain,
    intervalMs: count('VERIFY_INTERVAL_MS', 5000, 0),
    attempts: count('VERIFY_ATTEMPTS', 20, 1),
  };
}

async function provision(settings: Settings): Promise<void> {
  let token = '';
  const api = createUpzentoClient({ baseUrl: settings.url, token: () => token });

  async function signIn(): Promise<void> {
    token = (
      await call('POST /v1/auth/token', () =>
        api.POST('/v1/auth/token', { body: { email: settings.email, password: settings.password } }),
      )
    ).accessToken;
  }

  /** One API call; a token that expired during a long wait for DNS is renewed once. */
  async function call<T>(
    what: string,
    send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  ): Promise<T> {
    try {
      let result = await send();
      if (result.response.status === 401 && token && !what.startsWith('POST /v1/auth/')) {
        await signIn();
        result = await send();
      }
      return ok(result);
    } catch (error) {
      if (error instanceof UpzentoApiError)
        throw new Stop(`${what} answered ${error.status}: ${error.body?.message ?? error.message}`);
      if (error instanceof Stop) throw error;
      throw new Stop(`${what} at ${settings.url} failed: ${(error as Error).cause ?? (error as Error).message}`);
    }
  }

  await signIn();
  console.log(`Signed in to ${settings.url} as ${settings.email}.`);

  const agency = await call('POST /v1/agencies', () =>
    api.POST('/v1/agencies', { body: { name: settings.agencyName } }),
  );
  console.log(`Agency "${settings.agencyName}": ${agency.id}`);
  const client = await call('POST /v1/agencies/:agencyId/clients', () =>
    api.POST('/v1/agencies/{agencyId}/clients', {
      params: { path: { agencyId: agency.id } },
      body: { name: settings.clientName },
    }),
  );
  console.log(`Client "${settings.clientName}": ${client.id}, widget key ${client.publicKey}`);

  const clientId = client.id;
  let domain = await call('POST /v1/clients/:clientId/domains', () =>
    api.POST('/v1/clients/{clientId}/domains', { params: { path: { clientId } }, body: { hostname: settings.domain } }),
  );
  console.log('');
  console.log(`Publish this TXT record for ${domain.hostname} at your DNS provider:`);
  console.log(`  name:  ${domain.challenge.name}`);
  console.log(`  type:  ${domain.challenge.type}`);
  console.log(`  value: ${domain.challenge.value}`);
  console.log('');

  for (let attempt = 1; ; attempt++) {
    const domainId = domain.id;
    domain = await call('POST /v1/clients/:clientId/domains/:domainId/verify', () =>
      api.POST('/v1/clients/{clientId}/domains/{domainId}/verify', { params: { path: { clientId, domainId } } }),
    );
    if (domain.status === 'verified') break;
    const why = domain.lastCheck ? `${domain.lastCheck.outcome}: ${domain.lastCheck.message}` : domain.status;
    console.log(`Check ${attempt}/${settings.attempts}: not verified yet (${why})`);
    if (attempt >= settings.attempts) {
      throw new Stop(
        `${domain.hostname} is still ${domain.status} after ${settings.attempts} checks. Once the record is published, ` +
          `run this again or POST ${settings.url}/v1/clients/${client.id}/domains/${domain.id}/verify`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, settings.intervalMs));
  }

  console.log(`${domain.hostname} is verified.`);
  console.log('');
  console.log(`Put the widget on https://${domain.hostname}:`);
  console.log(`<script async src="${settings.url}/widget.js" data-key="${client.publicKey}"></script>`);
}

// Settings too are read inside the promise, so a missing one ends like every other Stop: a message and exit code 1.
Promise.resolve(process.env)
  .then(readSettings)
  .then(provision)
  .catch((error: unknown) => {
    if (!(error instanceof Stop)) throw error;
    console.error(`provision: ${error.message}`);
    process.exitCode = 1;
  });
