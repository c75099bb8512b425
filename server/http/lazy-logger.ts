/**
 * A request's logger, made when the request first logs. Most widget requests never write a line,
 * and a pino child made for each of them was the largest cost of the shipped hot path.
 */
import type { FastifyBaseLogger } from 'fastify';

type Bindings = Record<string, unknown>;
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export class LazyLogger {
  readonly #parent: FastifyBaseLogger | LazyLogger;
  readonly #bindings: Bindings;
  readonly #options: object;
  #made: FastifyBaseLogger | null = null;

  constructor(parent: FastifyBaseLogger | LazyLogger, bindings: Bindings, options: object = {}) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  #logger(): FastifyBaseLogger {
    if (this.#made === null) {
      const parent = this.#parent instanceof LazyLogger ? this.#parent.#logger() : this.#parent;
      this.#made = parent.child(this.#bindings, this.#options);
    }
    return this.#made;
  }

  get level(): string {
    return this.#made?.level ?? (this.#options as { level?: string }).level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#logger().level = level;
  }

  /** A logger with more bindings, itself made only when it first logs. */
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return new LazyLogger(this, bindings, options) as unknown as FastifyBaseLogger;
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {}

  /** Whether a line at `level` would be written; asks the parent while the child is not made, unless the child has a level of its own. */
  isLevelEnabled(level: string): boolean {
    const own = this.#made ?? ((this.#options as { level?: string }).level === undefined ? null : this.#logger());
    return ((own ?? this.#parent) as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled(level);
  }

  #log(level: Exclude<Level, 'silent'>, args: unknown[]): void {
    // A line below the level is dropped without making the child.
    if (!this.isLevelEnabled(level)) return;
    (this.#logger()[level] as (...a: unknown[]) => void)(...args);
  }
}

export function lazyLogger(parent: FastifyBaseLogger, bindings: Bindings, options?: object): FastifyBaseLogger {
  return new LazyLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
}
