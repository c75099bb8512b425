/**
 * Ajv turns a numeric string such as "1e400" into Infinity when it coerces a value to a number, and
 * then skips `minimum` and `maximum`, which it only compares for finite numbers: `?limit=1e400`
 * reached the database as Infinity (a 500), and a widget field's `maxLength: "1e400"` was stored as
 * null and served as 0. Each route whose schema has a number anywhere is given a check, after
 * validation, that every number it was handed is finite; other routes pay nothing.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { aboutField, InvalidInput } from '../errors.ts';
import { hookList } from './server-options.ts';

/** Where a route's schema keeps each part (Fastify takes `query` for `querystring` too), and where the request does. */
const PARTS = [
  ['querystring', 'query'],
  ['query', 'query'],
  ['params', 'params'],
  ['body', 'body'],
] as const;

/** Installs the check on every route registered after it; call before the routes. */
export function refuseNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    const checked = PARTS.filter(([schemaPart]) => hasNumber(schema?.[schemaPart]));
    if (checked.length === 0) return;
    route.preHandler = [
      ...hookList(route.preHandler),
      (request: FastifyRequest, _reply, done) => {
        for (const [schemaPart, requestPart] of checked) {
          const path = nonFinitePath(request[requestPart]);
          if (path !== undefined)
            return done(
              aboutField(
                new InvalidInput(`${schemaPart}${path}: must be a finite number`),
                path.split('/').slice(1).join('.'),
              ),
            );
        }
        done();
      },
    ];
  });
}

/** Whether a JSON schema allows a number somewhere in it. */
function hasNumber(schema: unknown): boolean {
  const stack = [schema];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    const type = (next as { type?: unknown }).type;
    if (
      type === 'number' ||
      type === 'integer' ||
      (Array.isArray(type) && (type.includes('number') || type.includes('integer')))
    )
      return true;
    stack.push(...Object.values(next));
  }
  return false;
}

/** `/fields/0/maxLength` when a number at that path is not finite. */
function nonFinitePath(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value === 'number') {
      if (!Number.isFinite(next.value)) return next.path;
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, child] of Object.entries(next.value))
        stack.push({ value: child, path: `${next.path}/${key.slice(0, 40)}` });
    }
  }
  return undefined;
}
