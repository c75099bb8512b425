/**
 * How the command line fails: one exit code per kind of failure, so a script can tell "sign in
 * again" from "that id does not exist" from "try later". The table is in docs/cli.md.
 */

export const ExitCode = {
  ok: 0,
  /** Anything not below: an unexpected server answer, a broken audit chain. */
  generic: 1,
  /** The command line itself is wrong: unknown command or option, a missing or malformed value. */
  usage: 2,
  /** Not signed in, the token expired or was revoked, or the email or password is wrong. */
  auth: 3,
  /** The server says 404 or 403: no such id in the caller's subtree, or the role does not allow it. */
  notFound: 4,
  /** The server refused the input (400) or it conflicts with what is stored (409). */
  invalid: 5,
  /** The server cannot be reached, or answers 502/503/504 or 429: try again later. */
  unavailable: 6,
  /** A `--watch` ran out of time before what it waited for happened. */
  timedOut: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the user can act on: `message` says what happened, `hint` what to do. */
export class CliFailure extends Error {
  override name = 'CliFailure';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly hint: string | null = null,
    /** The API's error body, printed as is under --json. */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export function usage(message: string, hint: string | null = null): CliFailure {
  return new CliFailure(ExitCode.usage, message, hint);
}
