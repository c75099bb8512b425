/** The last stage of a re-check round: writing the outcomes that leave a domain's status as it was. */
import type { UnchangedCheck } from './domain-checks.ts';

/**
 * Writes unchanged outcomes while checks go on, up to WRITES_IN_FLIGHT statements at a time. A
 * write starts once `minRows()` outcomes wait and fewer are in flight, and takes up to `maxRows` of
 * them; `finish()` writes the rest without waiting for more, up to WRITES_AT_END at a time. Without
 * a minimum, a database that answers at once (the embedded one, which runs on this thread) would get
 * one statement per outcome. A failed write stops the writing, is kept in `failure`, and calls
 * `onFailure` (which stops the round's taking of domains).
 */
export class UnchangedWriter {
  readonly #write: (checks: UnchangedCheck[]) => Promise<unknown>;
  readonly #minRows: () => number;
  readonly #maxRows: number;
  readonly #onFailure: () => void;
  #waiting: UnchangedCheck[] = [];
  readonly #writing = new Set<Promise<void>>();
  #finishing = false;
  failure: { error: unknown } | null = null;

  constructor(
    write: (checks: UnchangedCheck[]) => Promise<unknown>,
    minRows: () => number,
    maxRows: number,
    onFailure: () => void,
  ) {
    this.#write = write;
    this.#minRows = minRows;
    this.#maxRows = maxRows;
    this.#onFailure = onFailure;
  }

  add(check: UnchangedCheck): void {
    this.#waiting.push(check);
    this.#writeIfDue();
  }

  /**
   * Writes what waits without waiting for more (the checks are over), one more statement at a time
   * than while checking, and waits until all is written; throws a failed write's error.
   */
  async finish(): Promise<void> {
    this.#finishing = true;
    this.#writeIfDue();
    // A write that ends starts the next of what waits, so the set is refilled until all is written.
    while (this.#writing.size > 0) await Promise.all(this.#writing);
    if (this.failure) throw this.failure.error;
  }

  #writeIfDue(): void {
    const minRows = this.#finishing ? 1 : this.#minRows();
    const most = this.#finishing ? WRITES_AT_END : WRITES_IN_FLIGHT;
    while (this.#writing.size < most && !this.failure && this.#waiting.length > 0 && this.#waiting.length >= minRows) {
      const batch = this.#waiting.splice(0, this.#maxRows);
      const writing: Promise<void> = this.#write(batch).then(
        () => {
          this.#writing.delete(writing);
          this.#writeIfDue();
        },
        (error: unknown) => {
          this.failure ??= { error };
          this.#writing.delete(writing);
          this.#onFailure();
        },
      );
      this.#writing.add(writing);
    }
  }
}

/**
 * Outcome writes a round has in flight at once while it checks: the next starts while one commits,
 * so the writes keep up with the checks (docs/performance.md). Once the checks are over, what is left
 * starts at once beside them: one more, so that a backlog cannot take the pool's connections from the
 * requests that share it.
 */
const WRITES_IN_FLIGHT = 2;
const WRITES_AT_END = WRITES_IN_FLIGHT + 1;
