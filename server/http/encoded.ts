/**
 * A static body compressed once (gzip and brotli), and the encoding a request accepts. For the pages
 * and bundles the server sends itself: /docs, /widget.js and /console.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export function encodings(body: Buffer, brotliQuality = 9): Encoded {
  return {
    identity: body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  };
}

export function preferredEncoding(header: string | undefined): keyof Encoded {
  const accepted = (header ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}

/** Sends `body` in the encoding the request accepts, with its type, caching and `nosniff`. */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  type: string,
  body: Encoded,
  cacheControl: string,
): FastifyReply {
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  reply
    .header('content-type', type)
    .header('cache-control', cacheControl)
    .header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff');
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(body[encoding]);
}
