/**
 * GET /console: the web console, a page of this server that calls only the public API. Every path
 * under /console answers the same page (the console routes in the browser), and /console/assets/
 * its bundle's files, named by their content so browsers keep them for good. The files are read and
 * compressed once at start from dist/console (`npm run build`). The Content-Security-Policy allows
 * scripts, styles and requests of this origin only, and no framing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceUnavailable } from '../errors.ts';
import { encodings, sendEncoded, type Encoded } from '../http/encoded.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/** dist/console, where the build puts the console. */
export const DEFAULT_CONSOLE_DIR = join(PACKAGE_ROOT, 'dist/console');

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface ConsoleOptions {
  /** The built console; default dist/console. */
  dir?: string;
}

interface Built {
  page: Encoded;
  assets: Map<string, { type: string; body: Encoded }>;
}

async function load(dir: string): Promise<Built | null> {
  let page: Buffer;
  try {
    page = await readFile(join(dir, 'index.html'));
  } catch {
    return null;
  }
  const assets = new Map<string, { type: string; body: Encoded }>();
  // A page without its assets still starts the server; the page then fails in the browser, not the start.
  for (const name of await readdir(join(dir, 'assets')).catch(() => [])) {
    const type = TYPES[extname(name)];
    if (type) assets.set(name, { type, body: encodings(await readFile(join(dir, 'assets', name))) });
  }
  return { page: encodings(page), assets };
}

export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (app, options) => {
  const dir = options.dir ?? DEFAULT_CONSOLE_DIR;
  const built = await load(dir);
  if (!built) app.log.warn({ dir }, 'console not built: run `npm run build`');

  function page(request: FastifyRequest, reply: FastifyReply) {
    if (!built) throw new ServiceUnavailable('The console has not been built; run npm run build on the server');
    reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer');
    return sendEncoded(request, reply, 'text/html; charset=utf-8', built.page, 'no-cache');
  }
  const access = { access: { public: true } } as const;
  app.get('/console', { config: access }, page);
  app.get('/console/*', { config: access }, page);
  app.get('/console/assets/:name', { config: access }, (request, reply) => {
    const { name } = request.params as { name: string };
    const asset = built?.assets.get(name);
    if (!asset) return reply.callNotFound();
    return sendEncoded(request, reply, asset.type, asset.body, 'public, max-age=31536000, immutable');
  });
};
