/** Liveness and readiness. /readyz asks the database, with a short time limit. */
import { sql, type Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/schema.ts';
import { databaseFailureKind } from '../db/unavailable.ts';
import { FailureLog } from '../http/failure-log.ts';

export interface HealthOptions {
  db: Kysely<Database>;
  /** How long /readyz waits for the database; default 2000 ms. */
  timeoutMs?: number;
}

const Status = Type.Object({ status: Type.String(), reason: Type.Optional(Type.String()) }, { title: 'HealthStatus' });

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  const timeoutMs = options.timeoutMs ?? 2000;
  // A balancer asks every few seconds: while the database is down, one line per interval will do.
  const failures = new FailureLog(app.log);
  app.addHook('onClose', async () => failures.close());
  const common = {
    config: { access: { public: true } },
    logLevel: 'warn',
    schema: { response: { 200: Status, 503: Status } },
  } as const;
  app.get('/healthz', common, async () => ({ status: 'ok' }));
  app.get('/readyz', common, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql`SELECT 1`.execute(options.db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { status: 'ready' };
    } catch (error) {
      const kind = databaseFailureKind(error) ?? 'no answer';
      failures.report(`readyz: ${kind}`, { reason: (error as Error).message }, `database not ready: ${kind}`);
      return reply.code(503).send({ status: 'unavailable', reason: 'the database does not answer' });
    } finally {
      clearTimeout(timer);
    }
  });
};
