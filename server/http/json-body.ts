/**
 * The application's JSON body parser: Fastify's own (secure-json-parse, which refuses `__proto__`
 * and `constructor.prototype`), then one walk over the parsed value that refuses what no schema
 * can see and the database cannot store or a reader cannot handle:
 *
 * - a string, key or value, that is not well-formed UTF-16 (a lone surrogate such as "\ud83d"):
 *   jsonb refuses its escape, and text columns would store it as U+FFFD;
 * - U+0000, which neither text nor jsonb can hold;
 * - nesting deeper than MAX_JSON_DEPTH, which would overflow the stack of whatever recurses into
 *   the value next (JSON.stringify, the response serializer, PostgreSQL's jsonb input);
 * - a number too large to be finite (1e400), which JSON.parse reads as Infinity.
 *
 * One parser for every route, so every JSON column sees input checked the same way.
 */
import type { FastifyInstance } from 'fastify';
import { aboutField, InvalidJsonValue } from '../errors.ts';

/** Objects and arrays inside one another; the body itself is depth 1. No route's schema needs 6. */
export const MAX_JSON_DEPTH = 32;

/** A refusal names at most this many steps of the path, each cut to this many characters. */
const SHOWN_STEPS = 8;
const SHOWN_KEY_LENGTH = 40;

interface Pending {
  value: unknown;
  depth: number;
  /** The key or index that leads here from the parent, for the message; null for the body. */
  key: string | null;
  parent: Pending | null;
}

/**
 * Where `value` holds something refused, and what: `body/fields/a: …`, the path in the form Ajv's
 * messages use. Undefined when the whole value is acceptable. Iterative: the depth it checks is
 * exactly what must not be recursed into.
 */
export function findUnacceptableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const found = locateUnacceptableJson(value, maxDepth);
  return found && `${found.path}: ${found.problem}`;
}

/** What findUnacceptableJson reports, with the place also as a `field` (`fields.a`; '' for the body itself). */
export function locateUnacceptableJson(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { path: string; field: string; problem: string } | undefined {
  const at = (node: Pending, problem: string) => ({ path: pathOf(node), field: fieldOf(node), problem });
  const stack: Pending[] = [{ value, depth: 1, key: null, parent: null }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return at(next, problem);
      continue;
    }
    // JSON.parse reads 1e400 as Infinity, which JSON cannot write back (it becomes null).
    if (typeof current === 'number' && !Number.isFinite(current)) return at(next, 'is not a finite number');
    if (typeof current !== 'object' || current === null) continue;
    if (next.depth > maxDepth) return at(next, `nested deeper than ${maxDepth} levels`);
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], depth: next.depth + 1, key: String(index), parent: next });
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      const problem = textProblem(key);
      if (problem) return at(next, `a property name ${problem}`);
      stack.push({ value: (current as Record<string, unknown>)[key], depth: next.depth + 1, key, parent: next });
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed())
    return 'holds a lone UTF-16 surrogate, which is not text';
  if (text.includes('\u0000')) return 'holds U+0000 (NUL), which cannot be stored';
  return undefined;
}

/**
 * `body/a/0/b`, each step escaped as JSON would and cut short, and only the first steps of a deep
 * path, so the message itself stays small and printable.
 */
function pathOf(at: Pending): string {
  return ['body', ...shownSteps(at)].join('/');
}

/** The same steps as a dotted `field` (`fields.a`), as the error body names an input. */
function fieldOf(at: Pending): string {
  return shownSteps(at).join('.');
}

function shownSteps(at: Pending): string[] {
  const steps: string[] = [];
  for (let node: Pending | null = at; node?.key != null; node = node.parent) steps.push(node.key);
  const shown = steps
    .reverse()
    .slice(0, SHOWN_STEPS)
    .map((key) => {
      const escaped = JSON.stringify(key.slice(0, SHOWN_KEY_LENGTH)).slice(1, -1);
      return key.length > SHOWN_KEY_LENGTH ? `${escaped}…` : escaped;
    });
  return [...shown, ...(steps.length > SHOWN_STEPS ? ['…'] : [])];
}

/** Replaces the application's application/json parser; register before the routes. */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // parseAs string: the body is text here, whatever the parser type allows.
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const found = locateUnacceptableJson(value);
      if (found)
        return done(aboutField(new InvalidJsonValue(`${found.path}: ${found.problem}`), found.field), undefined);
      done(null, value);
    });
  });
}
