/**
 * The flag and limit checks on the widget hot path: the widget's configuration (GET) and its
 * submissions (POST, each with an Idempotency-Key of its own) of a client with flags and limits
 * configured (five public flags set by its agency and five by itself, its own limit overrides)
 * against a client of another agency with none, in turns in one run. Goal: within noise (≥ 0.95×).
 *
 * The flags are decided when a client's configuration is cached, so a warm configuration request
 * pays nothing for them; every submission takes a token of its client's bucket
 * (widgetSubmissionsPerMinute, server/limits/widget-submission-limit.ts), whose cost is also timed
 * alone, a call at a time, against a submission's median latency. The per-address limit and the
 * client's limit are set far above what the load reaches, so every request is answered 2xx.
 */
import { createDomainFixture } from '../test/support/domain-fixture.ts';
import { WidgetSubmissionLimit } from '../server/limits/widget-submission-limit.ts';
import { atLeast, describeDatabase, expectOk, listen, runIfMain, type Benchmark, type BenchReport } from './harness.ts';
import { hammer } from './load.ts';
import { inTurns, median, ms, times, whole } from './stats.ts';

const TARGET = 0.95;
const CONNECTIONS = 10;
const RUN_SEC = 2;
const ROUNDS = 6;
const FLAGS = 5;
/** Calls of the limit check timed alone. */
const TAKES = 200_000;

export const widgetChecks: Benchmark = {
  name: 'widget flag and limit checks',
  budgetMs: 180_000,
  async run(): Promise<BenchReport> {
    const f = await createDomainFixture({ submissionsPerMinute: 1_000_000 });
    try {
      const { t } = f;
      const database = await describeDatabase(t.db.handle.db);
      const call = async (method: string, url: string, body: unknown, status = 200) =>
        expectOk(
          await fetch(`${api}${url}`, {
            method,
            headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
          `${method} ${url}`,
          status,
        );
      const api = await listen(t.app);

      // Configured: the fixture's client, with its agency's and its own public flags and its own limits.
      const configured = { clientId: f.clientId, publicKey: f.publicKey, origin: 'https://configured.example' };
      await f.verifiedDomain('configured.example', false, configured.clientId);
      for (let i = 0; i < FLAGS; i += 1) {
        await call('PUT', `/v1/agencies/${f.agencyId}/flags/agency-flag-${i}`, { state: 'on', public: true });
        await call('PUT', `/v1/clients/${configured.clientId}/flags/client-flag-${i}`, {
          state: 'rollout',
          percent: 50,
          public: true,
        });
      }
      await call('PATCH', `/v1/clients/${configured.clientId}/limits`, {
        widgetSubmissionsPerMinute: 1_000_000,
        contacts: 100_000_000,
      });
      // None: a client of another agency, with nothing set.
      const agency = JSON.parse(await call('POST', '/v1/agencies', { name: 'Plain agency' }, 201)) as { id: string };
      const client = JSON.parse(await call('POST', `/v1/agencies/${agency.id}/clients`, { name: 'Plain' }, 201)) as {
        id: string;
        publicKey: string;
      };
      const plain = { clientId: client.id, publicKey: client.publicKey, origin: 'https://plain.example' };
      await f.verifiedDomain('plain.example', false, plain.clientId);

      const configs = await Promise.all(
        [configured, plain].map(async (c) =>
          JSON.parse(
            await expectOk(
              await fetch(`${api}/v1/widget/${c.publicKey}/config`, { headers: { origin: c.origin } }),
              'config',
            ),
          ),
        ),
      );
      const flagCount = Object.keys(configs[0].flags).length;
      if (flagCount !== 2 * FLAGS || Object.keys(configs[1].flags).length !== 0)
        throw new Error(`unexpected flags: ${JSON.stringify(configs.map((c) => c.flags))}`);
      console.log(
        `  ${database}; configured: ${flagCount} public flags, own limits; none: no flags, no overrides; ${CONNECTIONS} connections, ${RUN_SEC} s runs`,
      );

      const config = (c: typeof plain) => () =>
        hammer({
          url: `${api}/v1/widget/${c.publicKey}/config`,
          headers: { origin: c.origin },
          connections: CONNECTIONS,
          durationSec: RUN_SEC,
        });
      const submit = (c: typeof plain) => () =>
        hammer({
          url: `${api}/v1/widget/${c.publicKey}/submissions`,
          method: 'POST',
          headers: { origin: c.origin, 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'visitor@example.test', name: 'Bench visitor', message: 'Hello' }),
          uniqueHeader: 'idempotency-key',
          connections: CONNECTIONS,
          durationSec: RUN_SEC,
        });
      const runs = await inTurns(
        ROUNDS,
        {
          configConfigured: config(configured),
          configNone: config(plain),
          submitConfigured: submit(configured),
          submitNone: submit(plain),
        },
        (name, round, result) =>
          console.log(
            `    round ${round} ${name.padEnd(16)} ${whole(result.requestsPerSec).padStart(7)} req/s  p99 ${ms(result.p99)}`,
          ),
      );
      const rps = (name: keyof typeof runs) => median(runs[name].map((r) => r.requestsPerSec));
      const p50 = (name: keyof typeof runs) => median(runs[name].map((r) => r.p50));
      const configRatio = rps('configConfigured') / rps('configNone');
      const submitRatio = rps('submitConfigured') / rps('submitNone');
      // The noise to judge them by, from the same run: the variant without checks against itself
      // (its odd rounds over its even ones), as if one of them were the other.
      const againstItself = (name: keyof typeof runs) => {
        const half = (parity: number) =>
          median(runs[name].filter((_, i) => i % 2 === parity).map((r) => r.requestsPerSec));
        return half(0) / half(1);
      };

      // The limit check alone: the same cache and instance count as the server's, its own buckets.
      const limit = new WidgetSubmissionLimit(t.app.limits, t.app.instanceCount);
      const ref = { agencyId: f.agencyId, clientId: configured.clientId };
      await limit.take(ref);
      const started = process.hrtime.bigint();
      for (let i = 0; i < TAKES; i += 1) limit.take(ref);
      const takeNs = Number(process.hrtime.bigint() - started) / TAKES;
      const share = takeNs / 1e6 / p50('submitConfigured');

      console.log(
        `  config:      configured ${whole(rps('configConfigured'))} req/s, none ${whole(rps('configNone'))} req/s: ${times(configRatio)} (none against itself: ${times(againstItself('configNone'))})`,
      );
      console.log(
        `  submissions: configured ${whole(rps('submitConfigured'))} req/s, none ${whole(rps('submitNone'))} req/s: ${times(submitRatio)} (none against itself: ${times(againstItself('submitNone'))})`,
      );
      console.log(
        `  limit check alone: ${takeNs.toFixed(0)} ns a call, ${(share * 100).toPrecision(2)}% of a submission's median ${ms(p50('submitConfigured'))}`,
      );
      return atLeast(
        this.name,
        Math.min(configRatio, submitRatio),
        TARGET,
        database,
        `config ${times(configRatio)}, submissions ${times(submitRatio)} (configured / none; none / itself ${times(againstItself('configNone'))}, ${times(againstItself('submitNone'))}); limit check ${takeNs.toFixed(0)} ns`,
      );
    } finally {
      await f.close();
    }
  },
};

await runIfMain(import.meta.url, widgetChecks);
