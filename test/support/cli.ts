/**
 * The `upzento` command run as a user runs it (a child process of bin/upzento.mjs, with its own
 * config dir), and an Upzento server started as `npm start` starts it, on a real port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
  run(args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliResult>;
  /** Runs and parses stdout as JSON, failing with the output when the exit code is not 0. */
  json<T = any>(args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<T>;
  close(): Promise<void>;
}

/** Variables of the test's own environment that would change what the command does. */
const CLEARED = ['UPZENTO_URL', 'UPZENTO_PASSWORD', 'NO_COLOR', 'FORCE_COLOR', 'DATABASE_URL', 'DATABASE_DIRECT_URL', 'UPZENTO_DATA_DIR'];

export async function cliRunner(baseEnv: NodeJS.ProcessEnv = {}): Promise<CliRunner> {
  const configHome = await mkdtemp(path.join(tmpdir(), 'upzento-cli-config-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome, ...baseEnv };
  for (const name of CLEARED) if (!(name in baseEnv)) delete env[name];

  const run: CliRunner['run'] = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
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
      if (result.code !== 0) throw new Error(`upzento ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
      return JSON.parse(result.stdout);
    },
    close: () => rm(configHome, { recursive: true, force: true }),
  };
}

export interface ServerProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s own entry point in a process of its own, listening on a free port of 127.0.0.1.
 * `env` adds to (or, with undefined, removes from) the test's environment.
 */
export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', UPZENTO_SCHEDULER: 'off', UPZENTO_RETENTION: 'off' };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in time:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1] as string,
          output: () => output,
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(killer);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

/** A fresh database for a server process: in memory on PGlite, a new PostgreSQL database under DATABASE_URL. */
export async function serverDatabase(): Promise<{ env: NodeJS.ProcessEnv; close(): Promise<void> }> {
  const { createTestDatabase } = await import('./test-database.ts');
  if (!process.env.DATABASE_URL) return { env: { UPZENTO_DATA_DIR: 'memory:', DATABASE_URL: undefined, DATABASE_DIRECT_URL: undefined }, close: async () => {} };
  const db = await createTestDatabase({ migrate: false });
  return { env: { DATABASE_URL: db.url as string, DATABASE_DIRECT_URL: undefined }, close: () => db.close() };
}
