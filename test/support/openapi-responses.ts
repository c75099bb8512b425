/**
 * Checks responses against the API's own OpenAPI document: the status must be one the operation
 * lists, the content type one it lists for that status, and a JSON body must match its schema
 * (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 has it). A response the document does not describe throws.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import FindMyWay, { type HTTPVersion } from 'find-my-way';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.ts';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface ResponseChecker {
  /** Throws when the response is not one the document describes for this request. */
  check(method: string, url: string, response: LightMyRequestResponse): void;
  /** How many responses were checked, by `METHOD /path status`. */
  readonly seen: Map<string, number>;
}

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function createResponseChecker(document: Json): ResponseChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');
  const router = FindMyWay<HTTPVersion.V1>();
  const paths = document.paths as Record<string, Record<string, Operation['responses'] | unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'options'].includes(method)) continue;
      const store: Operation = {
        method,
        path,
        responses: (operation as { responses: Operation['responses'] }).responses,
      };
      router.on(method.toUpperCase() as 'GET', path.replace(/\{([^}]+)\}/g, ':$1'), () => {}, store);
    }
  }
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const seen = new Map<string, number>();

  return {
    seen,
    check(method, url, response) {
      const found = router.find(method.toUpperCase() as 'GET', url.split('?')[0] as string);
      if (!found) throw new Error(`${method} ${url}: no operation of the OpenAPI document answers it`);
      const operation = found.store as Operation;
      const status = String(response.statusCode);
      const where = `${method} ${operation.path} → ${status}`;
      const documented = operation.responses[status] ?? operation.responses.default;
      if (!documented)
        throw new Error(
          `${where}: the document lists no such response (it lists ${Object.keys(operation.responses).join(', ')}); body: ${response.body.slice(0, 300)}`,
        );
      seen.set(`${method} ${operation.path} ${status}`, (seen.get(`${method} ${operation.path} ${status}`) ?? 0) + 1);
      if (!documented.content) {
        if (response.body !== '')
          throw new Error(`${where}: the document says no content, the response has ${response.body.length} bytes`);
        return;
      }
      const type =
        String(response.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '';
      if (!(type in documented.content))
        throw new Error(
          `${where}: content type "${type}" is not one the document lists (${Object.keys(documented.content).join(', ')})`,
        );
      if (type !== 'application/json') return;
      const ref = `openapi.json#/${pointer('paths', operation.path, operation.method, 'responses', status in operation.responses ? status : 'default', 'content', type, 'schema')}`;
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: ref });
        compiled.set(ref, validate);
      }
      const body: unknown = JSON.parse(response.body);
      if (!validate(body))
        throw new Error(
          `${where}: the body does not match the document: ${ajv.errorsText(validate.errors)}; body: ${response.body.slice(0, 500)}`,
        );
    },
  };
}

/** The OpenAPI document the app serves. */
export async function openApiDocument(t: Pick<TestApp, 'app'>): Promise<Json> {
  const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
  if (response.statusCode !== 200)
    throw new Error(`GET /openapi.json answered ${response.statusCode}: ${response.body}`);
  return response.json();
}

/** The same test app, whose `call` checks every response against the app's OpenAPI document. */
export async function checkingResponses<T extends TestApp>(t: T): Promise<T & { responses: ResponseChecker }> {
  const responses = createResponseChecker(await openApiDocument(t));
  const call: TestApp['call'] = async (method, url, token, body, headers) => {
    const response = await t.call(method, url, token, body, headers);
    responses.check(method, url, response);
    return response;
  };
  return { ...t, call, responses };
}
