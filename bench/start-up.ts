/**
 * How fast the shipped server starts and how much memory it holds idle: spawns a start command
 * (default: `npm start`'s, read from package.json, without npm in between) on a fresh embedded data
 * dir, polls GET /healthz until it answers, then /readyz, waits for the process to settle and reads
 * its resident set size. Each run is a process of its own; this process only measures.
 *
 *   node --import tsx bench/start-up.ts [--runs 5] [-- command args…]
 *
 * Not part of `npm run bench`, whose reports are ratios of one run: these are absolute figures,
 * for comparing two ways to start the same server on the same machine (see docs/deployment.md).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCommand } from './processes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const IDLE_SETTLE_MS = 3_000;
const TIMEOUT_MS = 180_000;

interface Run {
  healthzMs: number;
  readyzMs: number;
  rssMiB: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kB = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return kB / 1024;
}

async function once(command: readonly string[]): Promise<Run> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'upzento-start-up-'));
  const port = await freePort();
  const [file, ...args] = command as [string, ...string[]];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    UPZENTO_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    UPZENTO_ADMIN_EMAIL: 'admin@start-up.example',
    UPZENTO_ADMIN_PASSWORD: 'start-up-password-123',
    UPZENTO_SCHEDULER: 'off',
    UPZENTO_RETENTION: 'off',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_DIRECT_URL;
  delete env.NODE_OPTIONS;
  const started = performance.now();
  const child = spawn(file, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    const until = async (route: string) => {
      while (!(await answers(`${base}${route}`))) {
        if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${child.exitCode}`);
        if (performance.now() - started > TIMEOUT_MS)
          throw new Error(`${route} did not answer within ${TIMEOUT_MS} ms`);
        await sleep(5);
      }
      return performance.now() - started;
    };
    const healthzMs = await until('/healthz');
    const readyzMs = await until('/readyz');
    await sleep(IDLE_SETTLE_MS);
    return { healthzMs, readyzMs, rssMiB: await rssMiB(child.pid as number) };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return `median ${median.toFixed(0)} (min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)})`;
}

const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const runsFlag = argv.indexOf('--runs');
const runs = runsFlag === -1 ? 5 : Number(argv[runsFlag + 1]);
const command = separator === -1 ? startCommand() : argv.slice(separator + 1);

const results: Run[] = [];
for (let i = 0; i < runs; i += 1) {
  const run = await once(command);
  results.push(run);
  console.log(
    `run ${i + 1}: /healthz ${run.healthzMs.toFixed(0)} ms, /readyz ${run.readyzMs.toFixed(0)} ms, RSS idle ${run.rssMiB.toFixed(1)} MiB`,
  );
}
console.log(`${command.join(' ')} — ${runs} runs, fresh embedded data dir each`);
console.log(`  /healthz answering: ${summary(results.map((r) => r.healthzMs))} ms`);
console.log(`  /readyz answering:  ${summary(results.map((r) => r.readyzMs))} ms`);
console.log(`  RSS at idle:        ${summary(results.map((r) => r.rssMiB))} MiB`);
