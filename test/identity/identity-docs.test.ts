/** The Node example of docs/identity.md makes the userHash the server accepts. */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { checkIdentity } from '../../server/identity/identity-hash.ts';

test('docs/identity.md: upzentoUserHash signs what checkIdentity verifies', async () => {
  const doc = await readFile(new URL('../../docs/identity.md', import.meta.url), 'utf8');
  const block = /<!-- identity-example:start -->\n```js\n([\s\S]*?)```\n<!-- identity-example:end -->/.exec(doc)?.[1];
  expect(block).toBeDefined();
  const fn = /function upzentoUserHash[\s\S]*?\n}\n/.exec(block as string)?.[0];
  expect(fn).toBeDefined();
  const upzentoUserHash = new Function('createHmac', `${fn}; return upzentoUserHash;`)(createHmac) as (
    secret: string,
    identity: { userId?: string; email?: string; issuedAt?: number },
  ) => string;
  const secret = 'idsec_example-secret-example-secret-example-se';
  const now = new Date();
  const issuedAt = Math.floor(now.getTime() / 1000);
  for (const identity of [
    { userId: 'u_1842', email: 'ada@example.com' },
    { email: 'Ada@Example.com' },
    { userId: 'ü-1', issuedAt },
  ]) {
    const userHash = upzentoUserHash(secret, identity);
    expect(userHash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkIdentity({ ...identity, userHash }, { secrets: [secret], maxAgeSeconds: null }, now)).toEqual({
      ok: true,
    });
  }
});
