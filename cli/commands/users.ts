/**
 * A tenant's users and invitations. Invitations are the way to add a person without choosing their
 * password; `users add` sets one directly (see docs/users.md for what either tells the admin).
 */
import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import type { Role, User } from '../api.ts';
import { act, agencyOption, clientOption, leaf, requireId, tenantRef, when, type Context } from '../command-kit.ts';
import { usage } from '../failure.ts';
import { fields, table } from '../output.ts';
import { readSecret } from '../secrets.ts';
import { tenantCalls } from '../tenant-calls.ts';

const ROLES = ['admin', 'member', 'viewer'] as const;

/** --agency or --client (one of them; default: your own tenant). */
function onTenant(command: Command): Command {
  return clientOption(agencyOption(command, 'act on this agency’s own users'), 'act on this client’s users');
}
const roleOption = () => new Option('--role <role>', 'the role in that tenant').choices(ROLES).makeOptionMandatory();

async function calls(context: Context) {
  return tenantCalls(context, await tenantRef(context));
}

export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description("a tenant's users and invitations (its admins, and admins above it)");

  act(
    onTenant(
      leaf(users, 'list', "list a tenant's users", [
        'upzento users list --client 0b7e…',
        'upzento users list --agency 6f1c… --json',
      ]),
    ),
    async (context) => {
      const list = await (await calls(context)).listUsers();
      context.out.list(list, ({ items }) => userTable(items), 'No users in this tenant.');
    },
  );

  act(
    onTenant(
      leaf(
        users,
        'add',
        'create a user with a password you set (prefer `users invite`, which lets the person choose it)',
        [
          'upzento users add --client 0b7e… --email ann@example.com --role member',
          'printf %s "$NEW_PASSWORD" | upzento users add --agency 6f1c… --email bob@example.com --role admin --password-stdin',
          'upzento users add --client 0b7e… --email cy@example.com --role viewer --generate-password',
        ],
      ),
    )
      .requiredOption('--email <email>', 'the new user’s email')
      .addOption(roleOption())
      .option('--password-stdin', 'read the new password from stdin (12 to 200 characters)')
      .option('--generate-password', 'make a random password and print it once'),
    async (context) => {
      const { options } = context;
      if (options.passwordStdin && options.generatePassword)
        throw usage('Give --password-stdin or --generate-password, not both.');
      const password = options.generatePassword
        ? randomBytes(18).toString('base64url')
        : await readSecret({
            label: 'New password',
            fromStdin: options.passwordStdin === true,
            envName: null,
            confirm: true,
            hint: 'Pipe it in with --password-stdin, use --generate-password, or invite the person with `upzento users invite`.',
          });
      const user = await (await calls(context)).addUser({
        email: options.email as string,
        password,
        role: options.role as Role,
      });
      const shown = options.generatePassword ? { ...user, password } : user;
      context.out.data(
        shown,
        (value) => userFields(value) + (options.generatePassword ? `\n${fields([['password', password]])}` : ''),
      );
      if (options.generatePassword) context.out.note('The password is shown this once; pass it on by a safe channel.');
    },
  );

  act(
    onTenant(
      leaf(
        users,
        'invite',
        'invite a person by email: prints a one-time token (7 days) they accept with `upzento users accept`',
        [
          'upzento users invite --client 0b7e… --email ann@example.com --role member',
          'upzento users invite --agency 6f1c… --email bob@example.com --role admin --json',
        ],
      ),
    )
      .requiredOption('--email <email>', 'whom to invite')
      .addOption(roleOption()),
    async (context) => {
      const invitation = await (await calls(context)).invite({
        email: context.options.email as string,
        role: context.options.role as Role,
      });
      context.out.data(invitation, (value) =>
        fields([
          ['id', value.id],
          ['email', value.email],
          ['role', value.role],
          ['expires', when(value.expiresAt)],
          ['token', value.token],
        ]),
      );
      const baseUrl = await context.baseUrl();
      context.out.note(
        `Pass the token on to ${invitation.email} by a safe channel (the server sends no email). They accept with:\n` +
          `  upzento users accept --url ${baseUrl} --token <token>\n` +
          'or POST /v1/invitations/accept {"token","password"}. It works once, until it expires.',
      );
    },
  );

  act(
    onTenant(
      leaf(users, 'invitations', "list a tenant's open invitations", ['upzento users invitations --client 0b7e…']),
    ),
    async (context) => {
      const list = await (await calls(context)).listInvitations();
      context.out.list(
        list,
        ({ items }) =>
          table(
            ['ID', 'EMAIL', 'ROLE', 'EXPIRES'],
            items.map((item) => [item.id, item.email, item.role, when(item.expiresAt)]),
          ),
        'No open invitations.',
      );
    },
  );

  act(
    onTenant(
      leaf(users, 'withdraw <invitationId>', 'withdraw an invitation: its token stops working', [
        'upzento users withdraw 3d2a… --client 0b7e…',
      ]),
    ),
    async (context, id) => {
      const invitationId = requireId(id as string, 'invitationId', 'upzento users invitations');
      await (await calls(context)).withdrawInvitation(invitationId);
      context.out.data({ id: invitationId, withdrawn: true }, () => '');
      context.out.note(`Invitation ${invitationId} withdrawn.`);
    },
  );

  act(
    leaf(users, 'accept', 'accept an invitation and choose your password (no sign-in needed)', [
      'upzento users accept --url https://upzento.example.com --token 9Qe…',
      'printf %s "$PASSWORD" | upzento users accept --token 9Qe… --password-stdin',
    ])
      .requiredOption('--token <token>', 'the invitation token an admin gave you')
      .option('--password-stdin', 'read the new password from stdin (else UPZENTO_PASSWORD, else asked twice)'),
    async (context) => {
      const password = await readSecret({
        label: 'New password',
        fromStdin: context.options.passwordStdin === true,
        envName: 'UPZENTO_PASSWORD',
        confirm: true,
        hint: 'Pipe it in with --password-stdin, or set UPZENTO_PASSWORD.',
      });
      await context.callPublic('POST /v1/invitations/accept', {
        body: { token: context.options.token as string, password },
      });
      context.out.data({ accepted: true }, () => '');
      context.out.note('Invitation accepted. Sign in with `upzento login --email <your email>`.');
    },
  );

  act(
    onTenant(
      leaf(users, 'set-role <userId>', "change a user's role (never above your own; a tenant keeps one admin)", [
        'upzento users set-role 5a9f… --client 0b7e… --role viewer',
      ]),
    ).addOption(roleOption()),
    async (context, id) => {
      const userId = requireId(id as string, 'userId', 'upzento users list');
      const user = await (await calls(context)).setRole(userId, context.options.role as Role);
      context.out.data(user, userFields);
    },
  );

  act(
    onTenant(
      leaf(users, 'remove <userId>', 'remove a user: the account goes, its tokens stop working', [
        'upzento users remove 5a9f… --client 0b7e…',
      ]),
    ),
    async (context, id) => {
      const userId = requireId(id as string, 'userId', 'upzento users list');
      await (await calls(context)).removeUser(userId);
      context.out.data({ id: userId, removed: true }, () => '');
      context.out.note(`User ${userId} removed.`);
    },
  );
}

function userTable(items: User[]): string {
  return table(
    ['ID', 'EMAIL', 'ROLE', 'CREATED'],
    items.map((user) => [user.id, user.email, user.role, when(user.createdAt)]),
  );
}

function userFields(user: User): string {
  return fields([
    ['id', user.id],
    ['email', user.email],
    ['role', user.role],
    ['tenant', `${user.tenantType} ${user.tenantId}`],
    ['created', when(user.createdAt)],
  ]);
}
