/**
 * Passwords and other secrets: never from an argument (it would sit in the shell history and in
 * `ps`), but from stdin (`--password-stdin`), an environment variable, or a prompt that does not
 * echo when there is a terminal.
 */
import { read } from 'read';
import { usage } from './failure.ts';

export interface SecretSource {
  /** What is asked for, as the prompt and the error name it: "Password". */
  label: string;
  /** --password-stdin: the whole of stdin, less one trailing newline. */
  fromStdin: boolean;
  /** An environment variable that may hold it, or null. */
  envName: string | null;
  /** Ask twice on a terminal (a new password). */
  confirm?: boolean;
  /** What to say when there is nowhere to read it from. */
  hint: string;
}

export async function readAllStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readSecret(source: SecretSource, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (source.fromStdin) {
    if (process.stdin.isTTY)
      throw usage(
        '--password-stdin: stdin is a terminal, not a pipe.',
        'Pipe the password in (`printf %s "$PASSWORD" | upzento …`), or leave out --password-stdin to be asked.',
      );
    const secret = (await readAllStdin()).replace(/\r?\n$/, '');
    if (!secret) throw usage(`--password-stdin: stdin was empty.`);
    return secret;
  }
  const fromEnv = source.envName ? env[source.envName] : undefined;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw usage(`${source.label}: no terminal to ask on.`, source.hint);
  const secret = await prompt(`${source.label}: `);
  if (source.confirm && (await prompt(`${source.label} again: `)) !== secret)
    throw usage(`${source.label}: the two entries differ.`);
  if (!secret) throw usage(`${source.label}: nothing entered.`);
  return secret;
}

/** A line typed at the terminal; `silent` keeps it off the screen. The prompt goes to stderr, stdout stays data. */
export async function prompt(question: string, silent = true): Promise<string> {
  try {
    return await read({ prompt: question, silent, replace: '', input: process.stdin, output: process.stderr });
  } catch (error) {
    // read() rejects with "canceled" on Ctrl-C.
    throw usage(`${question.replace(/:\s*$/, '')}: ${(error as Error).message}.`);
  }
}
