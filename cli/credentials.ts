/**
 * Where a sign-in is kept: `$XDG_CONFIG_HOME/upzento/credentials.json` (default `~/.config/upzento/`),
 * one entry per server URL, readable by the user only (directory 0700, file 0600). There is no
 * refresh token: an entry holds an access token and when it stops working.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { CliFailure, ExitCode } from './failure.ts';

export interface SignIn {
  email: string;
  accessToken: string;
  /** ISO time after which the server refuses the token. */
  expiresAt: string;
}

export interface Credentials {
  /** The server the last `login` signed in to: the default when neither --url nor UPZENTO_URL is given. */
  current: string | null;
  servers: Record<string, SignIn>;
}

const FILE_NAME = 'credentials.json';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homedir(), '.config');
  return path.join(base, 'upzento');
}

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), FILE_NAME);
}

function isSignIn(value: unknown): value is SignIn {
  const entry = value as Partial<SignIn> | null;
  return (
    typeof entry?.email === 'string' && typeof entry.accessToken === 'string' && typeof entry.expiresAt === 'string'
  );
}

export async function readCredentials(env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const file = credentialsPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { current: null, servers: {} };
    throw new CliFailure(ExitCode.generic, `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    const servers: Record<string, SignIn> = {};
    for (const [url, entry] of Object.entries(parsed.servers ?? {})) if (isSignIn(entry)) servers[url] = entry;
    return { current: typeof parsed.current === 'string' ? parsed.current : null, servers };
  } catch {
    throw new CliFailure(ExitCode.auth, `${file} is not valid JSON.`, `Delete it and run \`upzento login\` again.`);
  }
}

/** Written whole to a new file and renamed over the old one, so a crash never leaves half a file. */
export async function writeCredentials(
  credentials: Credentials,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const dir = configDir(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and leaves an existing directory as it was.
  await chmod(dir, 0o700);
  const file = path.join(dir, FILE_NAME);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return file;
}
