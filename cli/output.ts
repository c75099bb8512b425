/**
 * What a command prints: data on stdout (the API's JSON under --json, else text meant for people),
 * messages and progress on stderr. Colour only on a terminal, and never with NO_COLOR or --no-color.
 */
import type { CliFailure } from './failure.ts';

export interface OutputOptions {
  json: boolean;
  /** --no-color sets it false; default true (still only on a terminal). */
  color: boolean;
}

type Stream = NodeJS.WriteStream;

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function colourFor(stream: Stream, allowed: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!allowed || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;
export type Style = keyof typeof CODES;

export class Output {
  readonly json: boolean;
  readonly #stdoutColour: boolean;
  readonly #stderrColour: boolean;

  constructor(
    options: OutputOptions,
    readonly stdout: Stream = process.stdout,
    readonly stderr: Stream = process.stderr,
  ) {
    this.json = options.json;
    this.#stdoutColour = colourFor(stdout, options.color);
    this.#stderrColour = colourFor(stderr, options.color);
  }

  /** Data: `value` as JSON under --json, else the text `human` makes of it. */
  data<T>(value: T, human: (value: T) => string): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else {
      const text = human(value);
      if (text) this.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  /** A list: under --json the API's page as is; for people a table, or a message on stderr when it is empty. */
  list<T extends { items: readonly unknown[] }>(value: T, human: (value: T) => string, empty: string): void {
    if (!this.json && value.items.length === 0) this.note(empty);
    else this.data(value, human);
  }

  /** A message for the person at the terminal, on stderr (kept under --json: stdout stays parseable). */
  note(message: string): void {
    this.stderr.write(`${message}\n`);
  }

  /** Styles text bound for stdout. */
  style(text: string, style: Style): string {
    return this.#stdoutColour ? paint(text, style) : text;
  }

  /** Styles text bound for stderr. */
  styleErr(text: string, style: Style): string {
    return this.#stderrColour ? paint(text, style) : text;
  }

  failure(failure: CliFailure): void {
    if (this.json && failure.body !== null) this.stdout.write(`${JSON.stringify(failure.body, null, 2)}\n`);
    this.stderr.write(`${this.styleErr('Error:', 'red')} ${failure.message}\n`);
    if (failure.hint) this.stderr.write(`${failure.hint}\n`);
  }
}

function paint(text: string, style: Style): string {
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/** Columns padded to their widest cell; the last column is not padded, so lines carry no trailing blanks. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** `key: value` lines, the values lined up. */
export function fields(entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([key]) => key.length)) + 1;
  return entries.map(([key, value]) => `${`${key}:`.padEnd(width)} ${value}`.trimEnd()).join('\n');
}
