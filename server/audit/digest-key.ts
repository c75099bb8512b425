/**
 * The deployment's Ed25519 key that signs audit digests. UPZENTO_AUDIT_SIGNING_KEY (a PKCS #8 PEM)
 * when set; otherwise one is made and kept like the JWT secret: in the data dir for the embedded
 * database, in the database (system_settings) for PostgreSQL, per process for an in-memory database.
 * Only the public half ever leaves the process (GET /v1/audit/digest-key).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TenantDatabase } from '../db/tenant-db.ts';
import { keyIdOf } from './digest-verifier.ts';

export interface DigestSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly publicKey: KeyObject;
  /** Ed25519 signature of the text's UTF-8, base64. */
  sign(text: string): string;
}

/** A signer from a private key; throws when it is not an Ed25519 private key. */
export function digestSigner(privateKey: KeyObject): DigestSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError('the audit signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return Object.freeze({
    keyId: keyIdOf(publicKey),
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (text: string) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  });
}

/** Parses a PEM private key (literal `\n` sequences, as some environments pass them, are line breaks). */
export function parseSigningKey(pem: string): KeyObject {
  const key = createPrivateKey(pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new TypeError(`an Ed25519 private key is needed, not ${key.asymmetricKeyType}`);
  return key;
}

function freshPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The kept key, made the first time. */
export async function loadDigestSigningKey(
  data: TenantDatabase,
  kind: 'postgres' | 'pglite',
  dataDir: string,
): Promise<KeyObject> {
  const fresh = freshPem();
  if (kind === 'pglite') {
    if (dataDir === 'memory:') return parseSigningKey(fresh);
    const file = path.join(dataDir, 'audit-signing-key.pem');
    try {
      return parseSigningKey(await readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await writeFile(file, fresh, { mode: 0o600, flag: 'wx' });
      return parseSigningKey(fresh);
    }
  }
  const pem = await data.privileged('bootstrap: the audit signing key', async (db) => {
    await db
      .insertInto('system_settings')
      .values({ key: 'audit_signing_key', value: fresh })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db
      .selectFrom('system_settings')
      .select('value')
      .where('key', '=', 'audit_signing_key')
      .executeTakeFirstOrThrow();
    return row.value;
  });
  return parseSigningKey(pem);
}
