/**
 * GET /docs: the API reference, Swagger UI rendering /openapi.json. Everything it loads comes from
 * this server (swagger-ui-dist in node_modules; no CDN), and its Content-Security-Policy allows only
 * that: scripts and styles of this origin, the document fetched from it, images of it or inline data.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { encodings, sendEncoded, type Encoded } from '../http/encoded.ts';

export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Upzento API reference</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/reference.js"></script>
</body>
</html>
`;

// The document's address is taken from this script's own, so the page works under any path prefix.
// No validator badge (it would call out to a public service) and no "Try it out" until asked.
const START = `(function () {
  var documentUrl = new URL('../openapi.json', document.currentScript.src).href;
  window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
      url: documentUrl,
      dom_id: '#swagger-ui',
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
      defaultModelsExpandDepth: 0,
      displayRequestDuration: true,
    });
  });
})();
`;

interface Asset {
  type: string;
  /** Read from disk, or made here. */
  load: () => Promise<Buffer>;
}

const swaggerUiDist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const fromDist = (name: string) => () => readFile(path.join(swaggerUiDist, name));

const ASSETS: Readonly<Record<string, Asset>> = {
  'swagger-ui-bundle.js': { type: 'application/javascript; charset=utf-8', load: fromDist('swagger-ui-bundle.js') },
  'swagger-ui.css': { type: 'text/css; charset=utf-8', load: fromDist('swagger-ui.css') },
  'favicon-32x32.png': { type: 'image/png', load: fromDist('favicon-32x32.png') },
  'reference.js': { type: 'application/javascript; charset=utf-8', load: async () => Buffer.from(START) },
};

/** Every answer of /docs carries the reference's CSP. */
function send(request: FastifyRequest, reply: FastifyReply, type: string, body: Encoded, cacheControl: string) {
  return sendEncoded(request, reply.header('content-security-policy', REFERENCE_CSP), type, body, cacheControl);
}

export const referencePageRoutes: FastifyPluginAsync = async (app) => {
  const page = encodings(Buffer.from(PAGE));
  // Compressed on first use, not at start: most processes never serve the reference.
  const loaded = new Map<string, Promise<Encoded>>();

  app.get('/docs', { config: { access: { public: true } } }, (request, reply) =>
    send(request, reply, 'text/html; charset=utf-8', page, 'no-cache'),
  );

  app.get('/docs/*', { config: { access: { public: true } } }, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return reply.callNotFound();
    let body = loaded.get(name);
    if (!body) {
      body = asset.load().then(encodings);
      loaded.set(name, body);
      body.catch(() => loaded.delete(name));
    }
    return send(request, reply, asset.type, await body, 'public, max-age=3600');
  });
};
