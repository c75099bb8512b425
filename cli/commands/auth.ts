/** Signing in and out: login, logout, whoami, token. */
import type { Command } from 'commander';
import { request } from '../api.ts';
import { act, leaf, when } from '../command-kit.ts';
import { readCredentials, writeCredentials } from '../credentials.ts';
import { usage } from '../failure.ts';
import { fields } from '../output.ts';
import { prompt, readSecret } from '../secrets.ts';
import { decodeClaims, resolveUrl } from '../session.ts';

export function registerAuth(program: Command): void {
  act(
    leaf(program, 'login', 'sign in and keep the token (15 minutes) for the next commands', [
      'upzento login --url http://127.0.0.1:3000 --email admin@example.com',
      'printf %s "$PASSWORD" | upzento login --email ops@example.com --password-stdin',
      'UPZENTO_PASSWORD=… upzento login --email ops@example.com --json',
    ])
      .option('--email <email>', 'the account (asked for on a terminal when left out)')
      .option(
        '--password-stdin',
        'read the password from stdin (else UPZENTO_PASSWORD, else a prompt that does not echo)',
      )
      .addHelpText(
        'after',
        '\nThe token and the server address are kept in $XDG_CONFIG_HOME/upzento/credentials.json (~/.config/upzento/), readable by you only.\n',
      ),
    async (context) => {
      const { options, out } = context;
      const baseUrl = await resolveUrl(options.url);
      let email = options.email as string | undefined;
      if (email === undefined) {
        if (!process.stdin.isTTY) throw usage('--email: which account?', 'Give --email <email>.');
        email = (await prompt('Email: ', false)).trim();
      }
      const password = await readSecret({
        label: 'Password',
        fromStdin: options.passwordStdin === true,
        envName: 'UPZENTO_PASSWORD',
        hint: 'Pipe it in with --password-stdin, or set UPZENTO_PASSWORD.',
      });
      const issuedAt = Date.now();
      const token = await request({ baseUrl, accessToken: null }, 'POST /v1/auth/token', { body: { email, password } });
      const expiresAt = new Date(issuedAt + token.expiresIn * 1000).toISOString();
      const credentials = await readCredentials();
      credentials.servers[baseUrl] = { email, accessToken: token.accessToken, expiresAt };
      credentials.current = baseUrl;
      const file = await writeCredentials(credentials);
      const claims = decodeClaims(token.accessToken);
      out.data({ url: baseUrl, email, tokenType: token.tokenType, expiresIn: token.expiresIn, expiresAt }, () => '');
      out.note(
        `Signed in to ${baseUrl} as ${email}${claims ? ` (${claims.tty} ${claims.role})` : ''}. ` +
          `The token lasts until ${when(expiresAt)}; then run \`upzento login\` again. Kept in ${file}.`,
      );
    },
  );

  act(
    leaf(program, 'logout', 'forget the token kept for the server', [
      'upzento logout',
      'upzento logout --url https://upzento.example.com',
    ]),
    async (context) => {
      const baseUrl = await context.baseUrl();
      const credentials = await readCredentials();
      const signedIn = baseUrl in credentials.servers;
      delete credentials.servers[baseUrl];
      if (credentials.current === baseUrl) credentials.current = null;
      if (signedIn) await writeCredentials(credentials);
      context.out.data({ url: baseUrl, signedOut: signedIn }, () => '');
      // There is no revocation on the server: a copied token works until it expires.
      context.out.note(signedIn ? `Signed out of ${baseUrl}.` : `Not signed in to ${baseUrl}; nothing to forget.`);
    },
  );

  act(
    leaf(program, 'whoami', 'who you are signed in as, checked with the server', [
      'upzento whoami',
      'upzento whoami --json',
    ]),
    async (context) => {
      const { claims, signIn, target } = await context.session();
      // Asking the server proves the token still works, and names the tenant.
      let tenantName: string | null = null;
      if (claims.tty === 'client')
        tenantName = (await context.call('GET /v1/clients/{clientId}', { params: { clientId: claims.tid } })).name;
      else {
        const { items } = await context.call('GET /v1/agencies', {});
        tenantName = claims.tty === 'agency' ? (items.find((agency) => agency.id === claims.tid)?.name ?? null) : null;
      }
      const who = {
        url: target.baseUrl,
        email: signIn.email,
        userId: claims.sub,
        tenantType: claims.tty,
        tenantId: claims.tid,
        tenantName,
        parentId: claims.pid,
        role: claims.role,
        expiresAt: signIn.expiresAt,
      };
      context.out.data(who, (value) =>
        fields([
          ['server', value.url],
          ['email', value.email],
          ['user', value.userId],
          ['tenant', `${value.tenantType} ${value.tenantId}${value.tenantName ? ` (${value.tenantName})` : ''}`],
          ['role', value.role],
          ['expires', when(value.expiresAt)],
        ]),
      );
    },
  );

  act(
    leaf(program, 'token', 'print the access token, for calling the API with other tools', [
      'curl -H "authorization: Bearer $(upzento token)" http://127.0.0.1:3000/v1/agencies',
    ]),
    async (context) => {
      const { signIn } = await context.session();
      context.out.data(
        { accessToken: signIn.accessToken, tokenType: 'Bearer', expiresAt: signIn.expiresAt },
        (value) => value.accessToken,
      );
    },
  );
}
