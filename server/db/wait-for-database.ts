/**
 * Waits for the database at start: a server that comes up before its database (a restart of both,
 * a database still recovering) waits for it instead of exiting, asking again with backoff. Only an
 * outage is waited for; a wrong password or a missing database is an error at once.
 */
import { sql, type Kysely } from 'kysely';
import { databaseFailureKind, type DatabaseFailureKind } from './unavailable.ts';

export interface WaitProgress {
  /** Attempts made so far, the failed one included. */
  readonly attempt: number;
  readonly elapsedMs: number;
  readonly kind: DatabaseFailureKind;
  readonly error: Error;
}

export interface WaitOptions {
  /** How long to keep asking; 0 asks once. */
  maxWaitMs: number;
  /**
   * Told about the 1st, 2nd, 4th, 8th… failed attempt: once per band of attempts, so a long wait
   * says so a handful of times rather than once per attempt.
   */
  onWaiting?: (progress: WaitProgress) => void;
  /** Ends the wait early (shutdown); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** First pause between attempts; it doubles up to maxDelayMs. Defaults 250 and 2000 ms. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export class DatabaseWaitExpired extends Error {
  override name = 'DatabaseWaitExpired';
}

export async function waitForDatabase(db: Kysely<unknown>, options: WaitOptions): Promise<void> {
  const started = Date.now();
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      await sql`SELECT 1`.execute(db);
      return;
    } catch (error) {
      const kind = databaseFailureKind(error);
      if (!kind) throw error;
      const elapsedMs = Date.now() - started;
      if ((attempt & (attempt - 1)) === 0) options.onWaiting?.({ attempt, elapsedMs, kind, error: error as Error });
      if (elapsedMs + delay > options.maxWaitMs) {
        throw new DatabaseWaitExpired(
          `the database did not answer within ${Math.round(options.maxWaitMs / 1000)} s (${attempt} attempts; last: ${kind}, ${(error as Error).message})`,
          { cause: error },
        );
      }
    }
    await pause(delay, options.signal);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 2000);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
