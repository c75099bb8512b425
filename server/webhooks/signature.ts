/**
 * Signing secrets and the Upzento-Signature header, as Stripe signs: the HMAC-SHA256 of
 * "<unix seconds>.<raw body>" under each secret that signs now, in hex, after `v1=`. While a
 * rotation's overlap lasts two secrets sign, so a receiver that still knows only the old one keeps
 * verifying (docs/webhooks.md).
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'Upzento-Signature';
export const EVENT_ID_HEADER = 'Upzento-Event-Id';

/** A new secret: `whsec_` and 256 random bits. The receiver uses the whole string as the HMAC key. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `t=<seconds>,v1=<hex>[,v1=<hex>]` for a body sent at `at`, one v1 per secret, newest first. */
export function signatureHeader(secrets: readonly string[], at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
  return [`t=${t}`, ...signatures].join(',');
}
