/**
 * A static body compressed once (gzip and brotli), and the encoding a request accepts. For the pages
 * and bundles the server sends itself: /docs, /widget.js and /console.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
