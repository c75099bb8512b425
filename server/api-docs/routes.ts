/**
 * The API's own documents: GET /openapi.json (OpenAPI 3.1, generated from the routes' schemas by
 * @fastify/swagger) and GET /docs, a reference page that renders it, served from node_modules.
 * Registered before the routes it describes, so that its onRoute hook sees every one of them.
 */
import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { Type } from '@sinclair/typebox';
import { listedTags } from './operations.ts';
import { finishDocument, transformRoute } from './openapi-document.ts';
import { referencePageRoutes } from './reference-page.ts';

export interface ApiDocsOptions {
  /** The API's version in the document's `info`; default the package's version. */
  version?: string;
}

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const DESCRIPTION = [
  'The Upzento API: hierarchical tenants (platform → agencies → clients), their users, contacts, widget submissions, domains, webhooks and audit log.',
  '',
  'Sign in with `POST /v1/auth/token` and send the `accessToken` as `Authorization: Bearer <token>`; tokens last 15 minutes.',
  'A caller acts on its own tenant or below it; anything outside its subtree answers 404.',
  'Errors have one shape, `{ statusCode, code, error, message }`; every `code` is listed in docs/errors.md.',
].join('\n');

export const apiDocsRoutes = fp<ApiDocsOptions>(async (app, options) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Upzento API', version: options.version ?? PACKAGE_VERSION, description: DESCRIPTION },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'An access token from `POST /v1/auth/token` (15 minutes).',
          },
        },
      },
      tags: listedTags(),
    },
    convertConstToEnum: false,
    transform: transformRoute as never,
    transformObject: (generated) =>
      finishDocument(
        ('openapiObject' in generated ? generated.openapiObject : generated.swaggerObject) as Record<string, unknown>,
      ),
  });

  let json: string | undefined;
  app.get(
    '/openapi.json',
    {
      config: { access: { public: true } },
      schema: {
        response: {
          200: Type.Object({ openapi: Type.String() }, { additionalProperties: true, description: 'This document' }),
        },
      },
    },
    async (_request, reply) => {
      json ??= JSON.stringify(app.swagger());
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(json);
    },
  );
  await app.register(referencePageRoutes);
});
