import type { ApiError, ApiResult } from './api-client.js';
import { sleep } from './timers.js';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; it doubles for each try after. */
  baseDelayMs: number;
  /** Cap on any single wait. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** After the quick tries: how long the widget keeps at it while the page is open (see WidgetOptions.recovery). */
export const DEFAULT_RECOVERY: RetryPolicy = { attempts: 12, baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * The wait before try `done + 1`, after `done` failed ones: a ceiling that doubles from `baseDelayMs` up to
 * `maxDelayMs`, half of it fixed and half random, so clients that failed together spread out and none
 * retries instantly.
 */
export function backoff(done: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, done - 1));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** Failures that another try may cure; every other 4xx would fail the same way again. */
export function isRetryable(error: ApiError): boolean {
  return error.kind === 'network' || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Calls `op` until it succeeds, fails for good, or runs out of attempts, waiting with exponential backoff
 * in between. `onFailure` hears every failed attempt and whether another will follow.
 */
export async function withRetry<T>(
  op: () => Promise<ApiResult<T>>,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<ApiResult<T>> {
  for (let attempt = 1; ; attempt++) {
    const result = await op();
    if (result.ok || signal.aborted) return result;
    const willRetry =
      attempt < policy.attempts &&
      isRetryable(result.error) &&
      // Offline, every try fails at once; the 'online' event is the better moment to try again.
      !isOffline(result.error);
    if (!willRetry) return result;
    await sleep(signal, backoff(attempt, policy));
    if (signal.aborted) return result;
  }
}

/** A network failure while the browser says it is offline: not the server's doing. */
export function isOffline(error: ApiError): boolean {
  return error.kind === 'network' && navigator.onLine === false;
}
