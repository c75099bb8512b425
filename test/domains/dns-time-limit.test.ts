/**
 * A lookup to a server that never answers ends at its time limit, even when garbage collection runs
 * while it waits. (On Node 20, a timeout signal inside AbortSignal.any() can be collected before it
 * fires, and such a lookup used to hang for good.)
 */
import { createSocket } from 'node:dgram';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { createResolver } from '../../server/domains/dns/resolver.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('a silent server times out at the limit with a collection mid-lookup', async () => {
  // A UDP socket that reads every query and answers none.
  const silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  const resolver = createResolver({
    servers: [{ host: '127.0.0.1', port: silent.address().port }],
    timeoutMs: 200,
    attempts: 1,
  });
  try {
    const started = Date.now();
    const pending = resolver.resolveTxt('_upzento-challenge.example.com');
    setTimeout(gc, 50);
    let guard: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      guard = setTimeout(() => resolve('hung'), 3000);
    });
    const outcome = await Promise.race([pending, hung]);
    clearTimeout(guard);
    expect(outcome).not.toBe('hung');
    expect(outcome).toMatchObject({ ok: false, code: 'TIMEOUT', temporary: true });
    expect(Date.now() - started).toBeLessThan(2000);
  } finally {
    await resolver.close();
    silent.close();
  }
});
