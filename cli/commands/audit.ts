/** A tenant's audit log: pages of it, a check of its hash chain, and an offline check against its signed digests. */
import type { Command } from 'commander';
import type { AuditEntry } from '../api.ts';
import { act, agencyOption, clientOption, leaf, tenantRef, when } from '../command-kit.ts';
import { CliFailure, ExitCode, usage } from '../failure.ts';
import { table } from '../output.ts';
import { tenantCalls } from '../tenant-calls.ts';
import { describeVerification, verifyAuditFiles } from '../../server/audit/verify-audit-cli.ts';

const onTenant = (command: Command) =>
  clientOption(agencyOption(command, "the agency's log (its clients' events too)"), "the client's log");

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description("a tenant's audit log (admins)");

  act(
    onTenant(
      leaf(audit, 'list', 'list audit entries, newest first', [
        'upzento audit list --client 0b7e…',
        'upzento audit list --agency 6f1c… --limit 500 --json',
        'upzento audit list --client 0b7e… --all --json > audit.json',
      ]),
    )
      .option('--limit <n>', 'entries per page (1 to 500)', '50')
      .option('--cursor <cursor>', 'the page after this cursor (printed at the end of the previous page)')
      .option('--all', 'every page'),
    async (context) => {
      const calls = tenantCalls(context, await tenantRef(context));
      const limit = Number(context.options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw usage(`--limit: a whole number from 1 to 500, not "${String(context.options.limit)}".`);
      let cursor = context.options.cursor as string | undefined;
      const items: AuditEntry[] = [];
      let nextCursor: string | null;
      do {
        const page = await calls.auditLog(cursor === undefined ? { limit } : { limit, cursor });
        items.push(...page.items);
        nextCursor = page.nextCursor;
        cursor = nextCursor ?? undefined;
      } while (context.options.all && nextCursor !== null);
      context.out.list(
        { items, nextCursor },
        (value) =>
          table(
            ['AT', 'ACTION', 'ACTOR', 'TARGET'],
            value.items.map((entry) => [
              when(entry.at),
              entry.action,
              `${entry.actor.type}${entry.actor.id ? ` ${entry.actor.id}` : ''}`,
              `${entry.target.type}${entry.target.id ? ` ${entry.target.id}` : ''}`,
            ]),
          ),
        'No audit entries.',
      );
      if (nextCursor !== null && !context.out.json)
        context.out.note(`More entries: add --cursor ${nextCursor} (or --all).`);
    },
  );

  act(
    onTenant(
      leaf(audit, 'verify', "check the log's hash chain in the database (exit 1 when it is broken)", [
        'upzento audit verify --client 0b7e…',
        'upzento audit verify --agency 6f1c… --json',
      ]),
    ),
    async (context) => {
      const result = await tenantCalls(context, await tenantRef(context)).verifyAudit();
      context.out.data(result, (value) =>
        value.valid
          ? `valid: ${value.rowsChecked} entries checked`
          : `BROKEN at entry ${String(value.firstBrokenSeq)} (${value.rowsChecked} checked)`,
      );
      if (!result.valid) {
        throw new CliFailure(
          ExitCode.generic,
          `The audit chain is broken at entry ${String(result.firstBrokenSeq)}: an entry was changed or removed outside the application.`,
          'Keep a copy of the log (`upzento audit list --all --json`) and investigate the database.',
        );
      }
    },
  );

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  act(
    leaf(
      audit,
      'verify-digests',
      'check an exported audit chain against its signed digests, offline, with only the public key (exit 1 on a mismatch)',
      [
        'upzento audit verify-digests --public-key digest-key.pem --log chain.json --digests digests.json',
        'upzento audit verify-digests --public-key old.pem --public-key new.pem --log page1.json --log page2.json --digests digests.json --json',
      ],
    )
      .requiredOption(
        '--public-key <file>',
        'PEM of the signing key (GET /v1/audit/digest-key); once per key the digests were signed with',
        collect,
      )
      .requiredOption('--log <file>', 'what GET …/audit-log/chain answered; once per page', collect)
      .requiredOption('--digests <file>', 'what GET …/audit-log/digests answered; may repeat', collect),
    async (context) => {
      const files = {
        publicKeys: context.options.publicKey as string[],
        logs: context.options.log as string[],
        digests: context.options.digests as string[],
      };
      let result;
      try {
        result = await verifyAuditFiles(files);
      } catch (error) {
        throw usage(`${(error as Error).message}. Give the files the API answered (see --help).`);
      }
      context.out.data(result, describeVerification);
      if (!result.valid) {
        throw new CliFailure(
          ExitCode.generic,
          `The audit log does not match its signed digests: ${result.firstMismatch?.message ?? 'see above'}.`,
          'Keep the files, and compare them with a copy of the log taken earlier.',
        );
      }
    },
  );
}
