/**
 * GET /widget.js: the script-tag bundle, read once at start and compressed once (gzip and
 * brotli), served with an ETag so browsers revalidate cheaply. The URL is not versioned, so the
 * cache lifetime is short and revalidation does the rest.
 *
 * GET /widget-panel.js: the panel, which widget.js fetches after its launcher shows, from the same
 * origin (so a page's `script-src` for widget.js covers it). widget.js asks for it as
 * `?v=<first 12 hex of its SHA-256>`; an answer to the current version may be cached for good.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { ServiceUnavailable } from '../errors.ts';
import { encodings, preferredEncoding, type Encoded } from '../http/encoded.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/** dist/widget.js, where the build puts the script-tag bundle. */
export const DEFAULT_WIDGET_BUNDLE = join(PACKAGE_ROOT, 'dist/widget.js');

/** The panel's file beside a script-tag bundle. */
export function panelBundlePath(widgetBundle: string): string {
  return join(dirname(widgetBundle), 'widget-panel.js');
}

export interface BundleOptions {
  /** Path of the built script-tag bundle (dist/widget.js); the panel is read from beside it. */
  path: string;
}

interface Bundle extends Encoded {
  etag: string;
  /** What widget.js puts in `?v=` for this content. */
  version: string;
}

async function load(path: string): Promise<Bundle | null> {
  let identity: Buffer;
  try {
    identity = await readFile(path);
  } catch {
    return null;
  }
  return {
    ...encodings(identity, 11),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    version: createHash('sha256').update(identity).digest('hex').slice(0, 12),
  };
}

export const bundleRoutes: FastifyPluginAsync<BundleOptions> = async (app, options) => {
  const files = [
    { url: '/widget.js', bundle: await load(options.path) },
    { url: '/widget-panel.js', bundle: await load(panelBundlePath(options.path)) },
  ];
  for (const { url, bundle } of files) {
    if (!bundle) app.log.warn({ path: options.path, url }, 'widget bundle not found: run `npm run build`');
    app.get(url, { config: { access: { public: true }, accessLog: 'errors' } }, async (request, reply) => {
      if (!bundle)
        throw new ServiceUnavailable('The widget bundle has not been built; run npm run build on the server');
      const { v } = request.query as { v?: unknown };
      reply
        .header('content-type', 'application/javascript; charset=utf-8')
        .header(
          'cache-control',
          v === bundle.version
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=300, stale-while-revalidate=86400',
        )
        .header('etag', bundle.etag)
        .header('vary', 'accept-encoding')
        // Pages that isolate themselves (COEP) may still load it.
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === bundle.etag) return reply.code(304).send();
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply.send(bundle[encoding]);
    });
  }
};
