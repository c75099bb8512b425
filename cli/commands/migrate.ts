/** `upzento migrate`: what `npm run migrate` does, against DATABASE_URL or the embedded data dir. */
import type { Command } from 'commander';
import { act, leaf } from '../command-kit.ts';
import { CliFailure, ExitCode } from '../failure.ts';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '57P03']);

export function registerMigrate(program: Command): void {
  act(
    leaf(
      program,
      'migrate',
      'apply the database migrations (DATABASE_URL, else the embedded database in UPZENTO_DATA_DIR)',
      [
        'upzento migrate',
        'DATABASE_URL=postgres://upzento@db.internal/upzento upzento migrate --json',
        'UPZENTO_DATA_DIR=/var/lib/upzento upzento migrate',
      ],
    ).addHelpText(
      'after',
      '\nThis talks to the database, not to a server: --url plays no part. DATABASE_DIRECT_URL is used when set, as by `npm start`.\n',
    ),
    async (context) => {
      // Loaded here only: the other commands need no database driver.
      const { loadConfig, ConfigError } = await import('../../server/config.ts');
      const { applyMigrations } = await import('../../server/db/apply-migrations.ts');
      let run;
      try {
        run = await applyMigrations(loadConfig());
      } catch (error) {
        if (error instanceof ConfigError) throw new CliFailure(ExitCode.usage, error.message);
        const code = codeOf(error);
        if (code && UNREACHABLE.has(code)) {
          throw new CliFailure(
            ExitCode.unavailable,
            `Cannot reach the database (${code}).`,
            'Check DATABASE_URL (or DATABASE_DIRECT_URL), and that the server is up.',
          );
        }
        throw error;
      }
      context.out.data(run, (value) =>
        value.applied.length ? `applied: ${value.applied.join(', ')}` : 'schema is up to date',
      );
      context.out.note(`Database: ${run.database}.`);
    },
  );
}

/** The driver's error code, from the error or what it wraps (the migrator wraps what failed). */
function codeOf(error: unknown): string | undefined {
  for (
    let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    current = current.cause as typeof current, depth++
  ) {
    if (typeof current.code === 'string') return current.code;
  }
  return undefined;
}
