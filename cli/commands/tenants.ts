/** Agencies and clients: list, create, show. */
import type { Command } from 'commander';
import type { Agency, Client } from '../api.ts';
import { act, agencyId, agencyOption, leaf, requireId, when } from '../command-kit.ts';
import { fields, table } from '../output.ts';

const quiet = (command: Command) =>
  command.option('-q, --quiet', 'print only the new id (for scripts without a JSON parser)');

export function registerTenants(program: Command): void {
  const agencies = program.command('agencies').description('agencies (the platform admin creates them)');

  act(
    leaf(agencies, 'list', 'list agencies (all of them for the platform admin; your own for an agency user)', [
      'upzento agencies list',
      'upzento agencies list --json',
    ]),
    async (context) => {
      const list = await context.call('GET /v1/agencies', {});
      context.out.list(
        list,
        ({ items }) => agencyTable(items),
        'No agencies yet: `upzento agencies create <name>` makes one.',
      );
    },
  );

  act(
    quiet(
      leaf(agencies, 'create <name>', 'create an agency (platform admin)', [
        'upzento agencies create "Acme Agency"',
        'AGENCY=$(upzento agencies create "Acme Agency" --quiet)',
      ]),
    ),
    async (context, name) => {
      const agency = await context.call('POST /v1/agencies', { body: { name: name as string } });
      if (context.options.quiet && !context.out.json) return void context.out.stdout.write(`${agency.id}\n`);
      context.out.data(agency, (value) =>
        fields([
          ['id', value.id],
          ['name', value.name],
          ['created', when(value.createdAt)],
        ]),
      );
    },
  );

  const clients = program.command('clients').description("an agency's clients (each with its widget key)");

  act(
    agencyOption(
      leaf(clients, 'list', "list an agency's clients", [
        'upzento clients list --agency 6f1c…',
        'upzento clients list --json',
      ]),
    ),
    async (context) => {
      const list = await context.call('GET /v1/agencies/{agencyId}/clients', {
        params: { agencyId: await agencyId(context) },
      });
      context.out.list(
        list,
        ({ items }) => clientTable(items),
        'No clients yet: `upzento clients create <name> --agency <id>` makes one.',
      );
    },
  );

  act(
    quiet(
      agencyOption(
        leaf(clients, 'create <name>', 'create a client of an agency (agency admin or platform admin)', [
          'upzento clients create "Corner Bakery" --agency 6f1c…',
          'CLIENT=$(upzento clients create "Corner Bakery" --agency "$AGENCY" --quiet)',
        ]),
      ),
    ),
    async (context, name) => {
      const client = await context.call('POST /v1/agencies/{agencyId}/clients', {
        params: { agencyId: await agencyId(context) },
        body: { name: name as string },
      });
      if (context.options.quiet && !context.out.json) return void context.out.stdout.write(`${client.id}\n`);
      context.out.data(client, clientFields);
    },
  );

  act(
    leaf(clients, 'show <clientId>', 'show a client and its widget key', [
      'upzento clients show 0b7e…',
      'upzento clients show 0b7e… --json',
    ]),
    async (context, id) => {
      const clientId = requireId(id as string, 'clientId', 'upzento clients list --agency <id>');
      context.out.data(await context.call('GET /v1/clients/{clientId}', { params: { clientId } }), clientFields);
    },
  );
}

function agencyTable(items: Agency[]): string {
  return table(
    ['ID', 'NAME', 'CREATED'],
    items.map((agency) => [agency.id, agency.name, when(agency.createdAt)]),
  );
}

function clientTable(items: Client[]): string {
  return table(
    ['ID', 'NAME', 'WIDGET KEY', 'CREATED'],
    items.map((client) => [client.id, client.name, client.publicKey, when(client.createdAt)]),
  );
}

function clientFields(client: Client): string {
  return fields([
    ['id', client.id],
    ['name', client.name],
    ['agency', client.agencyId],
    ['widget key', client.publicKey],
    ['created', when(client.createdAt)],
  ]);
}
