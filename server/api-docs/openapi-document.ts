/**
 * Turns @fastify/swagger's output into the published document: every route's errors in the shape of
 * docs/errors.md, security by each route's `config.access`, and every schema that has a `title`
 * moved to `components.schemas` under that title, so names are stable and each is written once.
 */
import type { RouteOptions } from 'fastify';
import {
  errorDescription,
  errorExamples,
  type ErrorExample,
  errorStatuses,
  ERROR_SCHEMA,
  RETRY_AFTER_STATUSES,
} from './error-responses.ts';
import { SUMMARIES, tagOf } from './operations.ts';
import { COMPONENT_EXAMPLES } from './examples.ts';
import { API_VERSION_HEADER } from '../../shared/api-version.ts';
import { API_VERSIONS, NEWEST_VERSION, OLDEST_VERSION } from '../versions/api-versions.ts';

type Json = Record<string, unknown>;

/**
 * Routes that are not in the document, and why. Everything else is, and a test compares the two.
 * `OPTIONS *` is the preflight route @fastify/cors adds inside the widget plugin, which answers no
 * widget; /metrics is an operator's scrape endpoint in Prometheus' text format, behind its own token,
 * present only where UPZENTO_METRICS_TOKEN is set; /docs is the reference page that renders this document;
 * /console is the web console, a page that calls the documented routes only.
 */
export const UNDOCUMENTED: Readonly<Record<string, string>> = {
  'OPTIONS *': 'the catch-all preflight @fastify/cors adds: it answers no widget',
  'GET /metrics':
    "an operator's Prometheus scrape endpoint with its own token, only where UPZENTO_METRICS_TOKEN is set",
  'GET /docs': 'the reference page that renders this document',
  'GET /docs/*': "the reference page's scripts and styles",
  'GET /console': 'the web console, a page that calls this API',
  'GET /console/*': 'the web console at any of its own addresses',
  'GET /console/assets/:name': "the web console's scripts and styles",
};

/** Responses of routes that have no schema of their own to say them (not JSON). */
const PLAIN_RESPONSES: Readonly<Record<string, Json>> = {
  'GET /widget.js': {
    200: {
      description: 'The script-tag bundle (gzip or br when asked for)',
      content: { 'application/javascript': { schema: { type: 'string' } } },
    },
    304: { description: 'Not modified since the ETag in If-None-Match' },
  },
  'OPTIONS /v1/widget/:publicKey/config': {
    204: { description: 'The Origin is authorized: Access-Control-Allow-Origin echoes it' },
  },
  'OPTIONS /v1/widget/:publicKey/submissions': {
    204: { description: 'The Origin is authorized: Access-Control-Allow-Origin echoes it' },
  },
};

const SUCCESS_DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

function hasKeys(schema: unknown): boolean {
  const properties = (schema as { properties?: object } | undefined)?.properties;
  return properties !== undefined && Object.keys(properties).length > 0;
}

/** @fastify/swagger rewrites patternProperties for OpenAPI 3.0, which 3.1 (JSON Schema 2020-12) has as they are: carried past it under another name. */
function hidePatternProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hidePatternProperties);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key === 'patternProperties' ? 'x-patternProperties' : key,
      hidePatternProperties(inner),
    ]),
  );
}

function restorePatternProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restorePatternProperties);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key === 'x-patternProperties' ? 'patternProperties' : key,
      restorePatternProperties(inner),
    ]),
  );
}

export function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

/** @fastify/swagger's `transform`: what the document says of one route. */
export function transformRoute({
  schema,
  url,
  route,
}: {
  schema: RouteOptions['schema'];
  url: string;
  route: RouteOptions;
}): { schema: Json; url: string } {
  const method = String(route.method);
  const key = routeKey(method, url);
  const given = (schema ?? {}) as Json;
  if (key in UNDOCUMENTED) return { schema: { ...given, hide: true }, url };
  const access = route.config?.access;
  const isPublic = access === undefined || 'public' in access;
  const response: Json = { ...((given.response as Json | undefined) ?? {}), ...PLAIN_RESPONSES[key] };
  for (const status of errorStatuses({
    method,
    url,
    isPublic,
    hasParams: hasKeys(given.params),
    hasQuery: hasKeys(given.querystring),
    hasBody: given.body !== undefined,
  })) {
    response[status] ??= ERROR_SCHEMA;
  }
  const tag = tagOf(url);
  return {
    schema: hidePatternProperties({
      ...given,
      ...(tag && { tags: [tag] }),
      summary: (given.summary as string | undefined) ?? SUMMARIES[key],
      security: isPublic ? [] : [{ bearer: [] }],
      response,
    }) as Json,
    url,
  };
}

/** Keywords whose values are data, not schemas: a `title` in them names nothing. */
const VALUES = new Set(['examples', 'example', 'default', 'const', 'enum']);

/** Moves every titled schema into `components`, inner ones first, and puts a `$ref` where it was. */
function hoistTitled(value: unknown, components: Record<string, Json>): unknown {
  if (Array.isArray(value)) return value.map((item) => hoistTitled(item, components));
  if (typeof value !== 'object' || value === null) return value;
  const inner = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, VALUES.has(key) ? item : hoistTitled(item, components)]),
  );
  const title = inner.title;
  if (typeof title !== 'string' || 'in' in inner) return inner;
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(title)) throw new Error(`schema title "${title}" cannot name a component`);
  const known = components[title];
  if (known && JSON.stringify(known) !== JSON.stringify(inner))
    throw new Error(`two different schemas are titled "${title}"`);
  components[title] = inner;
  return { $ref: `#/components/schemas/${title}` };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const VERSION_COMPONENT = 'UpzentoVersion';
const VERSION_SCHEMA = { type: 'string', enum: [...API_VERSIONS] };

/** The request header every `/v1` operation takes, and the response header every answer there carries. */
const VERSION_PARAMETER = {
  name: API_VERSION_HEADER,
  in: 'header',
  required: false,
  description: `The API version to answer in (docs/versions.md). Without it: on the widget routes, ${OLDEST_VERSION} (widget bundles before versions sent none); on public routes, the newest; otherwise the version the caller's client or agency is pinned to. An unknown version is a 400 \`UPZ_UNKNOWN_VERSION\`.`,
  schema: VERSION_SCHEMA,
  example: NEWEST_VERSION,
};
const VERSION_RESPONSE_HEADER = {
  description:
    'The API version that served the request. A deprecated version also sends `Deprecation` (RFC 9745), `Sunset` (RFC 8594) and a `Link` with rel="deprecation" to GET /v1/versions.',
  schema: VERSION_SCHEMA,
};

/** @fastify/swagger's `transformObject`: the whole document, finished. */
export function finishDocument(generated: Json): Json {
  const doc = restorePatternProperties(generated) as Json & {
    paths: Record<string, Record<string, Json>>;
    components: Json;
  };
  const examples: Record<string, { summary: string; value: ErrorExample }> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    // Examples name paths as the routes do, so they match the error examples' rules.
    const url = path.replace(/\{([^}]+)\}/g, ':$1');
    for (const method of METHODS) {
      const operation = item[method] as { responses?: Record<string, Json>; parameters?: Json[] } | undefined;
      if (!operation?.responses) continue;
      const versioned = url.startsWith('/v1/');
      if (versioned)
        operation.parameters = [
          ...(operation.parameters ?? []),
          { $ref: `#/components/parameters/${VERSION_COMPONENT}` },
        ];
      const versionHeader = versioned
        ? { [API_VERSION_HEADER]: { $ref: `#/components/headers/${VERSION_COMPONENT}` } }
        : {};
      for (const [code, response] of Object.entries(operation.responses)) {
        const status = Number(code);
        if (status >= 400) {
          const headers = {
            ...versionHeader,
            ...(RETRY_AFTER_STATUSES.has(status) && {
              'Retry-After': {
                description: 'Seconds to wait before trying again',
                schema: { type: 'integer', minimum: 0 },
              },
            }),
          };
          operation.responses[code] = {
            description: errorDescription(status),
            ...(Object.keys(headers).length > 0 && { headers }),
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
                examples: Object.fromEntries(
                  errorExamples(status, method.toUpperCase(), url).map((value) => {
                    examples[value.code] = { summary: value.code, value };
                    return [value.code, { $ref: `#/components/examples/${value.code}` }];
                  }),
                ),
              },
            },
          };
        } else {
          if (response.description === 'Default Response') response.description = SUCCESS_DESCRIPTIONS[code] ?? 'OK';
          if (versioned) response.headers = { ...(response.headers as Json | undefined), ...versionHeader };
        }
      }
    }
  }
  const components: Record<string, Json> = { Error: JSON.parse(JSON.stringify(ERROR_SCHEMA)) as Json };
  const paths = hoistTitled(doc.paths, components);
  for (const [name, examples] of Object.entries(COMPONENT_EXAMPLES)) {
    const component = components[name];
    if (!component) throw new Error(`examples given for "${name}", which no schema is titled`);
    component.examples = examples;
  }
  const sorted = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((name) => [name, components[name]]),
  );
  const sortedExamples = Object.fromEntries(
    Object.keys(examples)
      .sort()
      .map((code) => [code, examples[code]]),
  );
  return {
    ...doc,
    paths,
    components: {
      ...doc.components,
      schemas: sorted,
      parameters: { [VERSION_COMPONENT]: VERSION_PARAMETER },
      headers: { [VERSION_COMPONENT]: VERSION_RESPONSE_HEADER },
      examples: sortedExamples,
    },
  };
}
