/**
 * Password hashing with scrypt (memory-hard) from node:crypto. The stored form carries its own
 * parameters, so the cost can rise later without invalidating existing hashes.
 *   scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export interface PasswordCost {
  /** log2 of scrypt's N; default 15 (32 MiB of memory a hash with r = 8). */
  log2N: number;
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { log2N: 15 };

export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost.log2N;
  const key = await derive(password, salt, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return ['scrypt', cost.log2N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison of the derived key; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, log2N, r, p, salt, expected] = parts as [string, string, string, string, string, string];
  const N = 2 ** Number(log2N);
  const expectedKey = Buffer.from(expected, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}
