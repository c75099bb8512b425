/**
 * The OpenAPI document at GET /openapi.json: valid OpenAPI 3.1, one operation for every route the
 * app registers (collected with an onRoute hook, independently of @fastify/swagger's own), with a
 * summary, a tag and the security its access rule needs, named components, and examples that match
 * their schemas. The response checker the isolation suite uses is tested here too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNDOCUMENTED } from '../../server/api-docs/openapi-document.ts';
import { REFERENCE_CSP } from '../../server/api-docs/reference-page.ts';
import { createResponseChecker, openApiDocument } from '../support/openapi-responses.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options'];

let t: TestApp;
let doc: Json;
const routes: { method: string; url: string; isPublic: boolean }[] = [];

beforeAll(async () => {
  t = await createTestApp({
    metricsToken: 'a metrics token long enough for the setting',
    onRoute: (route: RouteOptions) => {
      const access = route.config?.access;
      for (const method of [route.method].flat())
        routes.push({ method: String(method), url: route.url, isPublic: access !== undefined && 'public' in access });
    },
  });
  doc = await openApiDocument(t);
});

afterAll(() => t?.close());

function operations(): { method: string; path: string; operation: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path,
      operation: item[method],
    })),
  );
}

const fastifyPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

describe('GET /openapi.json', () => {
  it('is served as JSON to anyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Upzento API');
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(doc) as never);
    const errors = result.valid ? [] : result.errors;
    expect(errors, JSON.stringify(errors, null, 2).slice(0, 3000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    // The validator does refuse a broken one.
    const broken = structuredClone(doc);
    broken.paths['/v1/agencies'].get.responses['200'].content['application/json'].schema = {
      $ref: '#/components/schemas/Nothing',
    };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('has one operation for every route the app registers, except the ones excluded with a reason', () => {
    const registered = new Set(
      routes.filter((route) => route.method !== 'HEAD').map((route) => `${route.method} ${route.url}`),
    );
    const documented = new Set(operations().map(({ method, path }) => `${method} ${fastifyPath(path)}`));
    const missing = [...registered].filter((key) => !documented.has(key) && !(key in UNDOCUMENTED));
    expect(
      missing,
      'routes missing from the document: document them, or list them in UNDOCUMENTED with a reason',
    ).toEqual([]);
    const extra = [...documented].filter((key) => !registered.has(key));
    expect(extra).toEqual([]);
    // Every exclusion names a route that exists, and gives its reason.
    for (const [key, reason] of Object.entries(UNDOCUMENTED)) {
      expect(registered, key).toContain(key);
      expect(reason.length).toBeGreaterThan(20);
      expect(documented).not.toContain(key);
    }
    // The contract's routes are there.
    for (const key of [
      'POST /v1/auth/token',
      'GET /v1/agencies',
      'POST /v1/widget/:publicKey/submissions',
      'GET /widget.js',
      'GET /healthz',
      'GET /readyz',
    ]) {
      expect(documented, key).toContain(key);
    }
  });

  it('gives every operation a summary, a tag the document lists, and bearer security unless the route is public', () => {
    const tags = new Set((doc.tags as Json[]).map((tag) => tag.name));
    for (const { method, path, operation } of operations()) {
      const where = `${method} ${path}: give it a summary and a tag in server/api-docs/operations.ts`;
      expect(operation.summary, where).toMatch(/\S/);
      expect(operation.tags?.length, where).toBe(1);
      expect(tags, where).toContain(operation.tags[0]);
      const route = routes.find((r) => r.method === method && r.url === fastifyPath(path));
      expect(operation.security, where).toEqual(route?.isPublic ? [] : [{ bearer: [] }]);
      if (!route?.isPublic) {
        expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('answers every error with the one Error schema, and lists the errors each kind of route can give', () => {
    for (const { method, path, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        if (Number(status) < 400) continue;
        expect(response.content['application/json'].schema, `${method} ${path} ${status}`).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
      const statuses = Object.keys(operation.responses);
      if (path.startsWith('/v1/')) expect(statuses, `${method} ${path}`).toContain('503');
      if (path.includes('{')) expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '404']));
      if (operation.requestBody)
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '413', '415']));
    }
    expect(doc.components.schemas.Error.required).toEqual(['statusCode', 'code', 'error', 'message']);
    const widget = doc.paths['/v1/widget/{publicKey}/submissions'].post;
    expect(Object.keys(widget.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '404', '409', '429', '503']),
    );
    expect(widget.responses['429'].headers['Retry-After']).toBeDefined();
    expect(doc.paths['/v1/auth/token'].post.responses['429']).toBeDefined();
  });

  it('names its shared schemas by their titles, never def-N', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining([
        'Error',
        'Agency',
        'Client',
        'Contact',
        'ContactPage',
        'Domain',
        'Webhook',
        'User',
        'WidgetConfig',
        'AccessToken',
      ]),
    );
    expect(names.filter((name) => /^def-/.test(name))).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/def-\d/);
    expect(
      doc.paths['/v1/clients/{clientId}/contacts'].get.responses['200'].content['application/json'].schema,
    ).toEqual({ $ref: '#/components/schemas/ContactPage' });
  });

  it('keeps pattern properties as JSON Schema 2020-12 has them', () => {
    // @fastify/swagger rewrites them for OpenAPI 3.0, which would forbid every contact attribute.
    const attributes = doc.components.schemas.NewContact.properties.attributes;
    expect(attributes.patternProperties).toBeDefined();
    expect(attributes.additionalProperties).toBe(false);
  });

  it('has examples, and each one matches its schema', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    let checked = 0;
    for (const [name, schema] of Object.entries(doc.components.schemas as Json)) {
      for (const example of schema.examples ?? []) {
        const valid = ajv.validate({ $ref: `openapi.json#/components/schemas/${name}` }, example);
        expect(valid, `${name}: ${ajv.errorsText()}`).toBe(true);
        checked += 1;
      }
    }
    for (const [code, example] of Object.entries(doc.components.examples as Json)) {
      expect(
        ajv.validate({ $ref: 'openapi.json#/components/schemas/Error' }, example.value),
        `${code}: ${ajv.errorsText()}`,
      ).toBe(true);
      expect(example.value.code).toBe(code);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(25);
  });

  it('uses in its error examples only codes that docs/errors.md documents, with their status', async () => {
    const errorsDoc = await readFile(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
    const sections = new Map(
      [...errorsDoc.matchAll(/^### (\S+)\n\n\*\*Status:\*\* (\d{3})?/gm)].map((match) => [match[1], match[2]]),
    );
    for (const [code, example] of Object.entries(doc.components.examples as Json)) {
      expect(sections.has(code), `${code} has no section in docs/errors.md`).toBe(true);
      const status = sections.get(code);
      if (status) expect(String(example.value.statusCode), code).toBe(status);
    }
  });
});

describe('GET /docs', () => {
  it('is a page that loads Swagger UI from this server, under a CSP that allows only that', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(REFERENCE_CSP);
    expect(REFERENCE_CSP).not.toMatch(/unsafe|https?:|\*/);
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source, 'a path of this server').toMatch(/^docs\//);
      const asset = await t.app.inject({ method: 'GET', url: `/${source}`, headers: { 'accept-encoding': 'gzip' } });
      expect(asset.statusCode, source).toBe(200);
      expect(asset.headers['content-encoding'], source).toBe('gzip');
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(page.body).not.toMatch(/<script>|<style>|style=/);
  });

  it('serves only its own assets', async () => {
    for (const url of [
      '/docs/index.html',
      '/docs/../package.json',
      '/docs/swagger-ui-bundle.js.map',
      '/docs/',
      '/docs/constructor',
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});

describe('the response checker', () => {
  it('takes what the app answers, and refuses a status, a content type or a body the document does not describe', async () => {
    const checker = createResponseChecker(doc);
    const agencies = await t.call('GET', '/v1/agencies', t.adminToken);
    checker.check('GET', '/v1/agencies', agencies);
    const missing = await t.call('GET', '/v1/clients/00000000-0000-4000-8000-000000000000', t.adminToken);
    expect(missing.statusCode).toBe(404);
    checker.check('GET', '/v1/clients/00000000-0000-4000-8000-000000000000', missing);

    // A body the schema does not allow: an agency without its name.
    const changed = {
      ...agencies,
      body: JSON.stringify({
        items: [{ id: '00000000-0000-4000-8000-000000000000', createdAt: new Date().toISOString() }],
      }),
    };
    expect(() => checker.check('GET', '/v1/agencies', changed as never)).toThrow(/does not match the document.*name/);
    // A status the operation does not list.
    expect(() => checker.check('GET', '/v1/agencies', { ...agencies, statusCode: 418 } as never)).toThrow(
      /lists no such response/,
    );
    // A content type it does not list.
    expect(() =>
      checker.check('GET', '/v1/agencies', { ...agencies, headers: { 'content-type': 'text/html' } } as never),
    ).toThrow(/content type "text\/html"/);
    // A path no operation answers.
    expect(() => checker.check('GET', '/v1/nothing-here', agencies)).toThrow(/no operation/);
    // An error body without its code.
    const noCode = {
      ...missing,
      body: JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Client not found' }),
    };
    expect(() => checker.check('GET', '/v1/clients/00000000-0000-4000-8000-000000000000', noCode as never)).toThrow(
      /code/,
    );
  });
});
