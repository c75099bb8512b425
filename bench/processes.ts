/**
 * Servers in processes of their own, for benchmarks that measure what a user runs: `npm start`'s
 * command with its defaults, and a bare Fastify, each loaded from the benchmark's process, so that
 * neither the load generator nor the other server shares a measured process's event loop.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  /** Lines the process wrote to stdout and stderr since it started. */
  readonly lines: () => number;
  /** CPU time (user and system) the process has used so far, in ms; 10 ms steps, from /proc. */
  readonly cpuMs: () => number;
  stop(): Promise<void>;
}

/** `npm start`'s command, read from package.json, so the benchmark runs what users run. */
export function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/);
}

/** Builds the server as `npm run build` does, so that `npm start`'s command runs the source as it is now. */
export function buildServer(): void {
  execFileSync(process.execPath, ['build-server.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Spawns `command` in the repository with `env` added, and resolves once a line of its output
 * matches `listening` (whose first group is the URL). Its output is read through a pipe, as a
 * terminal or a service manager would.
 */
export function spawnServer(
  command: readonly string[],
  env: Record<string, string>,
  listening: RegExp,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const [file, ...args] = command as [string, ...string[]];
  const child: ChildProcess = spawn(file, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines = 0;
  let tail = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no "listening" line within ${timeoutMs} ms:\n${tail}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
      if (tail.length < 20_000) tail += text;
      const match = listening.exec(tail);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          lines: () => lines,
          cpuMs: () => cpuMsOf(child.pid),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`exited with ${code} before listening:\n${tail}`)));
  });
}

/** utime + stime of a Linux process, fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
