/**
 * Widget hot path: GET /v1/widget/:publicKey/config from an authorized Origin (a domain verified
 * through the API against the test DNS server) against a bare Fastify route that returns the same
 * JSON with the same response schema. Target: ≥ 0.8× the bare route's throughput.
 *
 * After the first request the verdict is cached, so the API's side does no database work; the
 * benchmark counts the statements sent during its runs to show it. What remains is what every
 * widget request pays on top of Fastify itself: the Origin decision (one verdict-cache look-up),
 * @fastify/cors's hook, and the extra headers (Access-Control-Allow-Origin, Vary, Cache-Control,
 * request id). The API sends its configuration's JSON as made once per configuration; the bare
 * route serializes its object on every request, as a plain Fastify route does. Both send the same
 * bytes, which is checked. For comparison only, a third route sends that JSON as text, made once as
 * the API does, with no other work: against it, the ratio shows what the widget's own steps cost
 * without the gain of serializing once. The servers listen on 127.0.0.1 with the application's server
 * options and are loaded in turns by autocannon from a worker thread.
 */
import { WidgetConfig } from '../shared/widget-wire.ts';
import { createDomainFixture } from '../test/support/domain-fixture.ts';
import {
  atLeast,
  bareFastify,
  describeDatabase,
  expectOk,
  listen,
  runIfMain,
  type Benchmark,
  type BenchReport,
} from './harness.ts';
import { hammer } from './load.ts';
import { inTurns, median, ms, times, whole } from './stats.ts';

const TARGET = 0.8;
const CONNECTIONS = 10;
const RUN_SEC = 3;
/** Alternating runs of each route: the machine's speed drifts over seconds, so the medians need more than a few. */
const ROUNDS = 8;
const HOSTNAME = 'shop.example.com';

export const widgetHotPath: Benchmark = {
  name: 'widget hot path',
  budgetMs: 150_000,
  async run(): Promise<BenchReport> {
    const f = await createDomainFixture();
    const bare = bareFastify();
    try {
      const database = await describeDatabase(f.t.db.handle.db);
      await f.verifiedDomain(HOSTNAME);
      const origin = `https://${HOSTNAME}`;
      const apiUrl = `${await listen(f.t.app)}/v1/widget/${f.publicKey}/config`;

      // The first request decides and caches the verdict; its answer is what the bare route returns.
      const first = await fetch(apiUrl, { headers: { origin } });
      const body = await expectOk(first, 'widget config');
      if (first.headers.get('access-control-allow-origin') !== origin)
        throw new Error(`${origin} was not authorized: ${body}`);
      const config: unknown = JSON.parse(body);
      // Synchronous, as the API's config handler is: no promise on either side.
      bare.get('/config', { schema: { response: { 200: WidgetConfig } } }, () => config);
      bare.get('/config-text', (_request, reply) => {
        reply.type(first.headers.get('content-type') ?? '').send(body);
      });
      const bareAt = await listen(bare);
      const bareUrl = `${bareAt}/config`;
      const textUrl = `${bareAt}/config-text`;
      for (const url of [bareUrl, textUrl]) {
        const sent = await expectOk(await fetch(url), url);
        if (sent !== body) throw new Error(`${url} sends other JSON than the API:\n${sent}\n${body}`);
      }
      console.log(
        `  ${database}; verdict cached; all three send the same ${body.length} B of JSON; ${CONNECTIONS} connections, ${RUN_SEC} s runs`,
      );

      const stats = f.t.db.handle.stats;
      let statements = 0;
      let answered = 0;
      const runs = await inTurns(
        ROUNDS,
        {
          api: async () => {
            const before = stats.queries;
            const result = await hammer({
              url: apiUrl,
              headers: { origin },
              connections: CONNECTIONS,
              durationSec: RUN_SEC,
            });
            statements += stats.queries - before;
            answered += result.ok;
            return result;
          },
          bare: () => hammer({ url: bareUrl, connections: CONNECTIONS, durationSec: RUN_SEC }),
          text: () => hammer({ url: textUrl, connections: CONNECTIONS, durationSec: RUN_SEC }),
        },
        (name, round, result) =>
          console.log(
            `    round ${round} ${name.padEnd(4)} ${whole(result.requestsPerSec).padStart(7)} req/s  p99 ${ms(result.p99)}`,
          ),
      );
      // What is measured is the warm path. The app's background work (instance heartbeats, the per-tenant
      // metrics flush every 5 s) runs a few statements a second whatever the load; a verdict not cached
      // would run at least one per request.
      if (statements * 1000 > answered)
        throw new Error(
          `${statements} database statements for ${answered} widget config answers: the verdict was not cached`,
        );
      const rps = (name: keyof typeof runs) => median(runs[name].map((r) => r.requestsPerSec));
      const p99 = (name: keyof typeof runs) => median(runs[name].map((r) => r.p99));
      const ratio = rps('api') / rps('bare');
      console.log(
        `  widget config: ${whole(rps('api'))} req/s, p99 ${ms(p99('api'))}; database statements during its runs: ${statements}`,
      );
      console.log(`  bare route:    ${whole(rps('bare'))} req/s, p99 ${ms(p99('bare'))}`);
      console.log(
        `  bare text:     ${whole(rps('text'))} req/s, p99 ${ms(p99('text'))} (the same JSON made once; for comparison)`,
      );
      console.log(
        `  widget / bare = ${times(ratio)} (target ≥ ${TARGET}×); widget / bare text = ${times(rps('api') / rps('text'))}`,
      );
      return atLeast(
        this.name,
        ratio,
        TARGET,
        database,
        `${whole(rps('api'))} vs ${whole(rps('bare'))} req/s; p99 ${ms(p99('api'))} vs ${ms(p99('bare'))}; vs bare text ${times(rps('api') / rps('text'))}`,
      );
    } finally {
      await bare.close();
      await f.close();
    }
  },
};

await runIfMain(import.meta.url, widgetHotPath);
