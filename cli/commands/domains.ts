/**
 * A client's domains: register one (and print the TXT record that proves it), list, verify, watch
 * until verified, remove. A domain is named by its id or its hostname.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { Domain } from '../api.ts';
import { act, clientId, clientOption, leaf, parseDuration, UUID, when, type Context } from '../command-kit.ts';
import { CliFailure, ExitCode, usage } from '../failure.ts';
import { fields, table } from '../output.ts';

export function registerDomains(program: Command): void {
  const domains = program.command('domains').description("a client's domains, each proven by a DNS TXT record (admin)");

  act(
    clientOption(
      leaf(domains, 'add <hostname>', 'register a domain and print the TXT record to publish', [
        'upzento domains add bakery.example --client 0b7e…',
        'upzento domains add bakery.example --client 0b7e… --include-subdomains --json',
      ]),
    )
      .option('--include-subdomains', 'let every subdomain of it embed the widget too')
      .option('-q, --quiet', 'print only the new id'),
    async (context, hostname) => {
      const client = await clientId(context);
      const domain = await context.call('POST /v1/clients/{clientId}/domains', {
        params: { clientId: client },
        body: {
          hostname: hostname as string,
          ...(context.options.includeSubdomains === true && { includeSubdomains: true }),
        },
      });
      if (context.options.quiet && !context.out.json) return void context.out.stdout.write(`${domain.id}\n`);
      context.out.data(domain, (value) =>
        fields([
          ['id', value.id],
          ['hostname', value.hostname],
          ['status', value.status],
          ['record type', value.challenge.type],
          ['record name', value.challenge.name],
          ['record value', value.challenge.value],
        ]),
      );
      context.out.note(
        `Publish a TXT record named ${domain.challenge.name} with the value ${domain.challenge.value} at your DNS provider, then run:\n` +
          `  upzento domains status ${domain.hostname} --client ${client} --watch`,
      );
    },
  );

  act(
    clientOption(
      leaf(domains, 'list', "list a client's domains", [
        'upzento domains list --client 0b7e…',
        'upzento domains list --client 0b7e… --json',
      ]),
    ),
    async (context) => {
      const client = await clientId(context);
      const items = await allDomains(context, client);
      context.out.list(
        { items, nextCursor: null },
        (value) =>
          table(
            ['ID', 'HOSTNAME', 'STATUS', 'SUBDOMAINS', 'LAST CHECK'],
            value.items.map((d) => [
              d.id,
              d.hostname,
              d.status,
              d.includeSubdomains ? 'yes' : 'no',
              when(d.lastCheck?.at ?? null),
            ]),
          ),
        'No domains yet: `upzento domains add <hostname>` registers one.',
      );
    },
  );

  act(
    clientOption(
      leaf(domains, 'verify <domain>', 'look for the TXT record now (a domain is its id or hostname)', [
        'upzento domains verify bakery.example --client 0b7e…',
      ]),
    ),
    async (context, name) => {
      const client = await clientId(context);
      const domain = await verify(context, client, (await findDomain(context, client, name as string)).id);
      context.out.data(domain, domainFields);
      if (domain.status !== 'verified')
        context.out.note(`Not verified yet: ${domain.lastCheck?.message ?? 'not checked yet.'}`);
    },
  );

  act(
    clientOption(
      leaf(
        domains,
        'status <domain>',
        "a domain's status and its last check; --watch checks again until it is verified",
        [
          'upzento domains status bakery.example --client 0b7e…',
          'upzento domains status bakery.example --client 0b7e… --watch --timeout 30m',
        ],
      ),
    )
      .option('--watch', 'check DNS again every --interval until verified (exit 0) or --timeout (exit 7)')
      .option('--interval <duration>', 'time between checks while watching', '10s')
      .option('--timeout <duration>', 'how long to watch', '10m'),
    async (context, name) => {
      const client = await clientId(context);
      const found = await findDomain(context, client, name as string);
      if (!context.options.watch) {
        context.out.data(found, domainFields);
        return;
      }
      const interval = parseDuration(context.options.interval as string, '--interval');
      const timeout = parseDuration(context.options.timeout as string, '--timeout');
      if (interval < 100) throw usage('--interval: at least 100ms.');
      const deadline = Date.now() + timeout;
      let said = '';
      for (;;) {
        const domain = await verify(context, client, found.id);
        const line = `${domain.status}: ${domain.lastCheck?.message ?? 'not checked yet.'}`;
        if (line !== said)
          context.out.note(`${context.out.styleErr(when(new Date().toISOString()), 'dim')} ${domain.hostname} ${line}`);
        said = line;
        if (domain.status === 'verified') {
          context.out.data(domain, domainFields);
          return;
        }
        if (Date.now() + interval > deadline) {
          throw new CliFailure(
            ExitCode.timedOut,
            `${domain.hostname} is still ${domain.status} after ${context.options.timeout as string}: ${domain.lastCheck?.message ?? ''}`.trim(),
            `Check the record with \`dig TXT ${domain.challenge.name}\`; the server keeps checking on its own, and \`upzento domains status ${domain.hostname} --client ${client}\` shows where it is.`,
          );
        }
        await sleep(interval);
      }
    },
  );

  act(
    clientOption(
      leaf(domains, 'remove <domain>', 'remove a domain: pages on it can no longer use the widget', [
        'upzento domains remove bakery.example --client 0b7e…',
      ]),
    ),
    async (context, name) => {
      const client = await clientId(context);
      const domain = await findDomain(context, client, name as string);
      await context.call('DELETE /v1/clients/{clientId}/domains/{domainId}', {
        params: { clientId: client, domainId: domain.id },
      });
      context.out.data({ id: domain.id, hostname: domain.hostname, removed: true }, () => '');
      context.out.note(`Domain ${domain.hostname} removed.`);
    },
  );
}

function verify(context: Context, client: string, domainId: string): Promise<Domain> {
  return context.call('POST /v1/clients/{clientId}/domains/{domainId}/verify', {
    params: { clientId: client, domainId },
  });
}

async function allDomains(context: Context, client: string): Promise<Domain[]> {
  const items: Domain[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Domain[]; nextCursor: string | null } = await context.call(
      'GET /v1/clients/{clientId}/domains',
      {
        params: { clientId: client },
        query: cursor === null ? {} : { cursor },
      },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** As a browser writes the host: lower case, IDNA to ASCII, no trailing dot. */
function hostOf(name: string): string | null {
  try {
    return new URL(`http://${name.trim().replace(/\.$/, '')}`).hostname;
  } catch {
    return null;
  }
}

async function findDomain(context: Context, client: string, name: string): Promise<Domain> {
  const items = await allDomains(context, client);
  const byId = UUID.test(name) ? items.find((domain) => domain.id === name.toLowerCase()) : undefined;
  const host = hostOf(name);
  const found = byId ?? items.find((domain) => domain.hostname === host);
  if (!found) {
    throw new CliFailure(
      ExitCode.notFound,
      `No domain ${name} in client ${client}.`,
      `\`upzento domains list --client ${client}\` shows its domains.`,
    );
  }
  return found;
}

function domainFields(domain: Domain): string {
  return fields([
    ['id', domain.id],
    ['hostname', domain.hostname],
    ['status', domain.status],
    ['subdomains', domain.includeSubdomains ? 'included' : 'not included'],
    ['record name', domain.challenge.name],
    ['record value', domain.challenge.value],
    ['last check', domain.lastCheck ? `${when(domain.lastCheck.at)}: ${domain.lastCheck.message}` : 'not checked yet'],
    ['verified', when(domain.verifiedAt)],
    ...(domain.expiresAt ? [['challenge expires', when(domain.expiresAt)] as const] : []),
  ]);
}
