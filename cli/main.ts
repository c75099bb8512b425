/**
 * `upzento`: the command line for operators and CI scripts. Data goes to stdout (the API's JSON
 * with --json), messages to stderr, and the exit code says what kind of failure it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.ts';
import { registerDeletion } from './commands/deletion.ts';
import { registerDataMigrations } from './commands/data-migrations.ts';
import { registerExports } from './commands/exports.ts';
import { registerAuth } from './commands/auth.ts';
import { registerDomains } from './commands/domains.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerTenants } from './commands/tenants.ts';
import { registerUsers } from './commands/users.ts';
import { registerWidget } from './commands/widget.ts';
import { CliFailure, ExitCode } from './failure.ts';
import { Output } from './output.ts';
import { PACKAGE_ROOT } from '../server/package-root.ts';

const EXIT_CODES = `
Exit codes:
  0  done
  1  failed otherwise (an unexpected answer, a broken audit chain)
  2  usage: unknown command or option, a missing or malformed value
  3  not signed in, the sign-in expired (15 minutes) or was refused: run \`upzento login\`
  4  not found or forbidden: no such id in your tenant or below it, or your role does not allow it
  5  the server refused the input (400) or it conflicts with what is stored (409)
  6  the server cannot be reached or is busy (503, 429): try again later
  7  --watch ran out of time

Environment:
  UPZENTO_URL       the server, like --url (default: the last \`upzento login\`, else http://127.0.0.1:3000)
  UPZENTO_PASSWORD  the password for \`upzento login\` where no terminal can ask for it
  XDG_CONFIG_HOME   where credentials are kept: $XDG_CONFIG_HOME/upzento/ (default ~/.config/upzento/)
  NO_COLOR          no colour (neither is there any when the output is not a terminal)
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('upzento');
  program
    .description('Manage an Upzento server: agencies, clients, users, domains, the widget and the audit log.')
    .version(version(), '-V, --version')
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ upzento login --url http://127.0.0.1:3000 --email admin@example.com
  $ upzento agencies create "Acme Agency"
  $ upzento clients create "Corner Bakery" --agency <agencyId>
  $ upzento domains add bakery.example --client <clientId>
  $ upzento domains status bakery.example --client <clientId> --watch
  $ upzento widget snippet --client <clientId>

Every command takes --json (the API's JSON on stdout), --url and --help.
${EXIT_CODES}`,
    );
  registerAuth(program);
  registerTenants(program);
  registerUsers(program);
  registerDomains(program);
  registerWidget(program);
  registerAudit(program);
  registerExports(program);
  registerDeletion(program);
  registerMigrate(program);
  registerDataMigrations(program);
  return program;
}

/** Runs the command line and resolves with the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too; a group named without its command is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? ExitCode.ok
        : ExitCode.usage;
    }
    const out = new Output({ json: argv.includes('--json'), color: !argv.includes('--no-color') });
    if (error instanceof CliFailure) {
      out.failure(error);
      return error.exitCode;
    }
    out.failure(new CliFailure(ExitCode.generic, `Unexpected: ${(error as Error)?.stack ?? String(error)}`));
    return ExitCode.generic;
  }
}
