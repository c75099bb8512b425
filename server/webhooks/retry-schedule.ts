/**
 * When a failed delivery is tried again. The first retries come within seconds, so a receiver that
 * blinked (a deploy, a restart) gets the event almost at once; later ones back off to hours, and
 * the last attempt comes about 27 hours after the first, so an endpoint down for a whole day still
 * gets everything. The delays are fixed, not jittered: they follow each delivery's own first attempt,
 * which are spread over time as the submissions are.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after each failed attempt: after the first, 5 s; after the ninth, 12 h; the tenth is the last. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  12 * HOUR,
];

/** Attempts a delivery gets in all before it is marked failed. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts, or null when that was the last. */
export function nextAttemptAt(attempts: number, at: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(at.getTime() + delay);
}
