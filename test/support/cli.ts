/**
 * The `upzento` command run as a user runs it (a child process of bin/upzento.mjs, with its own
 * config dir), and a server for it on a real port.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppOptions } from '../../server/app.ts';
import { createTestApp, listen, type TestApp } from './test-app.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/upzento.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  /** The XDG_CONFIG_HOME the runs use. */
  configHome: string;
  run(
    args: readonly string[],
    options?: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
  ): Promise<CliResult>;
  /** Runs and parses stdout as JSON, failing with the output when the exit code is not 0. */
  json<T = any>(args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<T>;
  close(): Promise<void>;
}

/** Variables of the test's own environment that would change what the command does. */
const CLEARED = [
  'UPZENTO_URL',
  'UPZENTO_PASSWORD',
  'NO_COLOR',
  'FORCE_COLOR',
  'DATABASE_URL',
  'DATABASE_DIRECT_URL',
  'UPZENTO_DATA_DIR',
];

export async function cliRunner(baseEnv: NodeJS.ProcessEnv = {}): Promise<CliRunner> {
  const configHome = await mkdtemp(path.join(tmpdir(), 'upzento-cli-config-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome, ...baseEnv };
  for (const name of CLEARED) if (!(name in baseEnv)) delete env[name];

  const run: CliRunner['run'] = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { ...env, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`upzento ${args.join(' ')} did not finish in time:\n${stdout}\n${stderr}`));
      }, options.timeoutMs ?? 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(options.input ?? '');
    });

  return {
    configHome,
    run,
    async json(args, options) {
      const result = await run([...args, '--json'], options);
      if (result.code !== 0)
        throw new Error(`upzento ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
      return JSON.parse(result.stdout);
    },
    close: () => rm(configHome, { recursive: true, force: true }),
  };
}

export interface CliServer {
  url: string;
  t: TestApp;
  close(): Promise<void>;
}

/** A fresh application on a fresh database, listening on a free port of 127.0.0.1 for the command line to call. */
export async function startCliServer(overrides: Partial<AppOptions> = {}): Promise<CliServer> {
  const t = await createTestApp(overrides);
  const url = await listen(t.app);
  return { url, t, close: () => t.close() };
}
