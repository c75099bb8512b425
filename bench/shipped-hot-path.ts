/**
 * The widget config route as shipped: the server started with `npm start`'s command and its
 * defaults (embedded database, LOG_LEVEL info, logs to a pipe) in a process of its own, against a
 * bare Fastify in another process that sends the very same bytes, both loaded by autocannon from
 * this third process, in alternating rounds. Target: ≥ 0.8× the bare server's throughput.
 *
 * Only what a benchmark cannot do through the API is set: a fresh data dir, a known admin, and the
 * benchmark's own DNS server to verify the page's domain against. For a diagnosis, BENCH_ROUNDS
 * changes the number of rounds and BENCH_SHIPPED_ENV (JSON) adds variables to the server's
 * environment, e.g. '{"LOG_LEVEL":"silent"}'.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestDnsServer } from '../test/support/dns-server.ts';
import { atLeast, expectOk, runIfMain, type Benchmark, type BenchReport } from './harness.ts';
import { hammer } from './load.ts';
import { buildServer, spawnServer, startCommand, type ServerProcess } from './processes.ts';
import { inTurns, median, ms, times, whole } from './stats.ts';
import { API_VERSION_HEADER, WIDGET_API_VERSION } from '../shared/api-version.ts';

const TARGET = 0.8;
const CONNECTIONS = 50;
const RUN_SEC = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HOSTNAME = 'shop.example.com';
const ADMIN = { email: 'bench@upzento.test', password: 'bench password, long enough' };

async function api(
  base: string,
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
  status = 200,
): Promise<any> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return JSON.parse(await expectOk(response, `${method} ${url}`, status));
}

/** Provisions an agency, a client and a verified domain through the server's API; returns the widget config URL. */
async function provision(base: string, dns: Awaited<ReturnType<typeof startTestDnsServer>>): Promise<string> {
  const { accessToken: token } = await api(base, 'POST', '/v1/auth/token', null, ADMIN);
  const agency = await api(base, 'POST', '/v1/agencies', token, { name: 'Bench Agency' }, 201);
  const client = await api(base, 'POST', `/v1/agencies/${agency.id}/clients`, token, { name: 'Bench Shop' }, 201);
  const domain = await api(base, 'POST', `/v1/clients/${client.id}/domains`, token, { hostname: HOSTNAME }, 201);
  dns.setTxt(domain.challenge.name, [domain.challenge.value]);
  const verified = await api(base, 'POST', `/v1/clients/${client.id}/domains/${domain.id}/verify`, token);
  if (verified.status !== 'verified') throw new Error(`domain not verified: ${JSON.stringify(verified.lastCheck)}`);
  return `${base}/v1/widget/${client.publicKey}/config`;
}

export const shippedHotPath: Benchmark = {
  name: 'widget hot path, shipped',
  budgetMs: 180_000,
  async run(): Promise<BenchReport> {
    const dns = await startTestDnsServer();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'upzento-bench-'));
    const servers: ServerProcess[] = [];
    try {
      buildServer();
      const shipped = await spawnServer(
        startCommand(),
        {
          UPZENTO_DATA_DIR: dataDir,
          PORT: '0',
          UPZENTO_ADMIN_EMAIL: ADMIN.email,
          UPZENTO_ADMIN_PASSWORD: ADMIN.password,
          UPZENTO_DNS_SERVERS: `127.0.0.1:${dns.port}`,
          ...JSON.parse(process.env.BENCH_SHIPPED_ENV ?? '{}'),
        },
        /listening on (http:\/\/\S+)/,
      );
      servers.push(shipped);
      // What the shipped widget bundle asks for: the config in its API version, from the page's Origin.
      const apiUrl = `${await provision(shipped.url, dns)}?v=${WIDGET_API_VERSION}`;
      const origin = `https://${HOSTNAME}`;
      const sent = { origin };
      const first = await fetch(apiUrl, { headers: sent });
      const body = await expectOk(first, 'widget config');
      if (first.headers.get('access-control-allow-origin') !== origin)
        throw new Error(`${origin} was not authorized: ${body}`);

      // The bare route answers with the same headers too (CORS, Vary, Cache-Control, its own request
      // id), so that both sides send the same bytes and a client pays the same to read them.
      const sameHeaders = Object.fromEntries(
        [
          'access-control-allow-origin',
          'access-control-expose-headers',
          'vary',
          'cache-control',
          API_VERSION_HEADER.toLowerCase(),
        ].map((name) => [name, first.headers.get(name) ?? '']),
      );
      const bare = await spawnServer(
        ['node', '--import', 'tsx', 'bench/bare-server.ts'],
        {
          BENCH_BODY: body,
          BENCH_CONTENT_TYPE: first.headers.get('content-type') ?? '',
          BENCH_HEADERS: JSON.stringify(sameHeaders),
          BENCH_ROUTE: '/v1/widget/:publicKey/config',
        },
        /bare listening on (http:\/\/\S+)/,
      );
      servers.push(bare);
      // The bare route is asked the very same request (path and Origin) as the API, as well as
      // answering the same bytes: a longer request costs a server more to read.
      const bareUrl = `${bare.url}${new URL(apiUrl).pathname}${new URL(apiUrl).search}`;
      const bareFirst = await fetch(bareUrl, { headers: sent });
      const bareBody = await expectOk(bareFirst, 'bare route');
      if (bareBody !== body) throw new Error(`the bare server sends other bytes than the API:\n${bareBody}\n${body}`);
      const names = (response: Response) => [...response.headers.keys()].sort().join(' ');
      if (names(bareFirst) !== names(first))
        throw new Error(`the bare server sends other headers: ${names(bareFirst)} against ${names(first)}`);
      console.log(
        `  npm start (${startCommand().join(' ')}) with its defaults vs a bare Fastify process; both are asked the same request and send the same ${body.length} B with the same headers; ${CONNECTIONS} connections, ${RUN_SEC} s runs`,
      );

      const linesBefore = shipped.lines();
      let requests = 0;
      // Each server's CPU time per request besides its throughput: on a machine that other work
      // shares, throughput moves with what else runs, while the CPU a request costs the server much less.
      const measured = async (server: ServerProcess, url: string) => {
        const cpuBefore = server.cpuMs();
        const result = await hammer({ url, headers: sent, connections: CONNECTIONS, durationSec: RUN_SEC });
        return { ...result, cpuUsPerRequest: ((server.cpuMs() - cpuBefore) * 1000) / result.ok };
      };
      const runs = await inTurns(
        ROUNDS,
        {
          shipped: async () => {
            const result = await measured(shipped, apiUrl);
            requests += result.ok;
            return result;
          },
          bare: () => measured(bare, bareUrl),
        },
        (name, round, result) =>
          console.log(
            `    round ${round} ${name.padEnd(7)} ${whole(result.requestsPerSec).padStart(7)} req/s  p99 ${ms(result.p99)}  ${result.cpuUsPerRequest.toFixed(1)} µs CPU per request`,
          ),
      );
      const logLines = shipped.lines() - linesBefore;
      const rps = (name: keyof typeof runs) => median(runs[name].map((r) => r.requestsPerSec));
      const p99 = (name: keyof typeof runs) => median(runs[name].map((r) => r.p99));
      const cpu = (name: keyof typeof runs) => median(runs[name].map((r) => r.cpuUsPerRequest));
      const ratio = rps('shipped') / rps('bare');
      console.log(
        `  shipped: ${whole(rps('shipped'))} req/s, p99 ${ms(p99('shipped'))}, ${cpu('shipped').toFixed(1)} µs CPU per request; ${logLines} log lines for ${requests} widget requests`,
      );
      console.log(
        `  bare:    ${whole(rps('bare'))} req/s, p99 ${ms(p99('bare'))}, ${cpu('bare').toFixed(1)} µs CPU per request`,
      );
      console.log(
        `  shipped / bare = ${times(ratio)} (target ≥ ${TARGET}×); CPU per request, bare / shipped = ${times(cpu('bare') / cpu('shipped'))}`,
      );
      return atLeast(
        this.name,
        ratio,
        TARGET,
        'embedded PGlite (npm start default)',
        `${whole(rps('shipped'))} vs ${whole(rps('bare'))} req/s; p99 ${ms(p99('shipped'))} vs ${ms(p99('bare'))}; CPU ${cpu('shipped').toFixed(1)} vs ${cpu('bare').toFixed(1)} µs/request; ${logLines} log lines`,
      );
    } finally {
      for (const server of servers) await server.stop();
      await dns.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

await runIfMain(import.meta.url, shippedHotPath);
