/**
 * A whole tenant's export: ask for one (and wait for it), list them, read one's status, and
 * download its archive to a file, checked against the SHA-256 the server recorded.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { PrivacyJob } from '../api.ts';
import {
  act,
  agencyOption,
  clientOption,
  leaf,
  parseDuration,
  requireId,
  tenantRef,
  when,
  type Context,
} from '../command-kit.ts';
import { CliFailure, ExitCode } from '../failure.ts';
import { fields, table } from '../output.ts';
import { tenantCalls } from '../tenant-calls.ts';

const onTenant = (command: Command) =>
  clientOption(agencyOption(command, 'the agency (with all its clients)'), 'the client');

function describe(job: PrivacyJob): string {
  return fields([
    ['export', job.id],
    ['status', job.status],
    ['tenant', `${job.tenantType} ${job.tenantId}`],
    ['requested', when(job.requestedAt)],
    ['finished', when(job.finishedAt)],
    [
      'rows',
      Object.entries(job.progress)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ') || '-',
    ],
    ['archive', job.archive ? `${job.archive.bytes} bytes, until ${when(job.archive.expiresAt)}` : '-'],
    ...(job.archiveRemoved
      ? [['removed', `${job.archiveRemoved.reason}, ${when(job.archiveRemoved.at)}`] as const]
      : []),
    ...(job.error ? [['error', job.error] as const] : []),
  ]);
}

export function registerExports(program: Command): void {
  const exports = program.command('exports').description("a whole tenant's data as one archive (admins)");

  act(
    onTenant(
      leaf(exports, 'create', 'ask for an export of the tenant (a job on the server)', [
        'upzento exports create --client 0b7e…',
        'upzento exports create --agency 6f1c… --wait --timeout 30m',
      ]),
    )
      .option('--wait', 'wait until the export is done (exit 0) or failed (exit 1), or --timeout (exit 7)')
      .option('--timeout <duration>', 'how long to wait', '10m'),
    async (context) => {
      const calls = tenantCalls(context, await tenantRef(context));
      let job = (await calls.requestExport()) as PrivacyJob;
      if (context.options.wait) job = await waitFor(context, job, calls.readExport);
      context.out.data(job, describe);
      if (!context.options.json && job.status === 'done')
        context.out.note(`Download it: upzento exports download ${job.id} --${job.tenantType} ${job.tenantId}`);
      else if (!context.options.json && job.status !== 'failed')
        context.out.note(`Its status: upzento exports status ${job.id} --${job.tenantType} ${job.tenantId}`);
    },
  );

  act(
    onTenant(
      leaf(exports, 'list', "list the tenant's exports, newest first", [
        'upzento exports list --client 0b7e…',
        'upzento exports list --agency 6f1c… --json',
      ]),
    ),
    async (context) => {
      const page = await tenantCalls(context, await tenantRef(context)).listExports();
      context.out.list(
        page,
        (value) =>
          table(
            ['EXPORT', 'STATUS', 'REQUESTED', 'ARCHIVE'],
            value.items.map((job) => [
              job.id,
              job.status,
              when(job.requestedAt),
              job.archive ? `${job.archive.bytes} bytes` : (job.archiveRemoved?.reason ?? '-'),
            ]),
          ),
        'No exports.',
      );
    },
  );

  act(
    onTenant(leaf(exports, 'status <exportId>', "an export's status", ['upzento exports status 9c1d… --client 0b7e…'])),
    async (context, id) => {
      const exportId = requireId(id as string, 'exportId', 'upzento exports list');
      const job = (await tenantCalls(context, await tenantRef(context)).readExport(exportId)) as PrivacyJob;
      context.out.data(job, describe);
    },
  );

  act(
    onTenant(
      leaf(exports, 'download <exportId>', "save an export's archive (gzipped NDJSON), checked against its SHA-256", [
        'upzento exports download 9c1d… --client 0b7e… --out client.ndjson.gz',
      ]),
    ).requiredOption('--out <file>', 'where to save it'),
    async (context, id) => {
      const exportId = requireId(id as string, 'exportId', 'upzento exports list');
      const tenant = await tenantRef(context);
      const job = (await tenantCalls(context, tenant).readExport(exportId)) as PrivacyJob;
      if (!job.archive) {
        throw new CliFailure(
          ExitCode.invalid,
          job.archiveRemoved
            ? `The archive of export ${exportId} was removed (${job.archiveRemoved.reason}).`
            : `Export ${exportId} has no archive yet (status: ${job.status}).`,
          job.archiveRemoved || job.status === 'failed'
            ? 'Ask for a new one: upzento exports create.'
            : `Wait for it: upzento exports status ${exportId}.`,
        );
      }
      const { target } = await context.session();
      const response = await fetch(`${target.baseUrl}${job.archive.url}`, {
        headers: { authorization: `Bearer ${target.accessToken}` },
      });
      if (!response.ok || !response.body) {
        throw new CliFailure(ExitCode.generic, `The server answered ${response.status} for the archive.`);
      }
      const out = context.options.out as string;
      const partial = `${out}.partial`;
      const hash = createHash('sha256');
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(Readable.fromWeb(response.body as never), tap, createWriteStream(partial));
      const sha256 = hash.digest('hex');
      if (sha256 !== job.archive.sha256) {
        await rm(partial, { force: true });
        throw new CliFailure(
          ExitCode.generic,
          `The archive arrived damaged: SHA-256 ${sha256}, not ${job.archive.sha256}. Nothing was saved.`,
          'Download it again.',
        );
      }
      await rename(partial, out);
      context.out.data(
        { file: out, bytes, sha256 },
        (value) => `Saved ${value.bytes} bytes to ${value.file} (SHA-256 ${value.sha256}).`,
      );
    },
  );
}

/** Reads the job until it is done or failed; exit 7 when the time is up first. */
async function waitFor(
  context: Context,
  first: PrivacyJob,
  read: (exportId: string) => Promise<unknown>,
): Promise<PrivacyJob> {
  const deadline = Date.now() + parseDuration(String(context.options.timeout), '--timeout');
  let job = first;
  while (job.status === 'queued' || job.status === 'running') {
    if (Date.now() >= deadline) {
      throw new CliFailure(
        ExitCode.timedOut,
        `Export ${job.id} is still ${job.status} after --timeout ${String(context.options.timeout)}.`,
        `It goes on on the server: upzento exports status ${job.id} --${job.tenantType} ${job.tenantId}`,
      );
    }
    await sleep(1000);
    job = (await read(job.id)) as PrivacyJob;
  }
  if (job.status === 'failed')
    throw new CliFailure(ExitCode.generic, `Export ${job.id} failed: ${job.error ?? 'no reason given'}.`);
  return job;
}
