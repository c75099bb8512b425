/**
 * Checking a visitor identity that a client's site signed (docs/identity.md). Pure: no database.
 *
 * The signed message is the subject (the user id, or the email when there is no user id), and when
 * the identity carries an issue time, a line feed and that time in decimal unix seconds:
 *
 *   userHash = hex(HMAC-SHA256(secret, subject))                    without issuedAt
 *   userHash = hex(HMAC-SHA256(secret, subject + "\n" + issuedAt))  with it
 *
 * A subject never holds a control character (the wire schema refuses them), so the line feed can only
 * be the separator: no (subject, issuedAt) pair signs the same bytes as another, nor as a bare subject.
 * The first form is what Intercom and Chatwoot sites already compute.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedIdentity {
  userId?: string | undefined;
  email?: string | undefined;
  userHash: string;
  issuedAt?: number | undefined;
}

/** How far ahead of this server's clock an issue time may be, for clocks that disagree a little. */
export const CLOCK_SKEW_SECONDS = 300;

/** The subject a hash is about: the user id, or the email when there is none; null when neither is there. */
export function identitySubject(identity: Pick<SignedIdentity, 'userId' | 'email'>): string | null {
  return identity.userId ?? identity.email ?? null;
}

/** The bytes a site signs. */
export function identityMessage(subject: string, issuedAt?: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f\u007f]/.test(subject)) throw new TypeError('an identity subject holds no control characters');
  if (issuedAt === undefined) return subject;
  if (!Number.isSafeInteger(issuedAt) || issuedAt < 0) throw new TypeError('issuedAt is whole unix seconds');
  return `${subject}\n${issuedAt}`;
}

/** userHash as a site makes it (its server, never the page): hex HMAC-SHA256 of the message. */
export function signIdentity(secret: string, subject: string, issuedAt?: number): string {
  return createHmac('sha256', secret).update(identityMessage(subject, issuedAt)).digest('hex');
}

export interface IdentityPolicy {
  /** The secrets that verify now: the current one, and the one it replaced while its overlap lasts. */
  secrets: readonly string[];
  /** The oldest a signed identity may be; null when age does not matter (and issuedAt is optional). */
  maxAgeSeconds: number | null;
}

export type IdentityCheck =
  | { ok: true }
  | { ok: false; reason: 'no_subject' | 'issued_at_required' | 'bad_hash' | 'too_old' | 'in_the_future' };

/** Whether the identity is signed with one of the policy's secrets and young enough, at `now`. */
export function checkIdentity(identity: SignedIdentity, policy: IdentityPolicy, now: Date): IdentityCheck {
  const subject = identitySubject(identity);
  if (subject === null) return { ok: false, reason: 'no_subject' };
  if (policy.maxAgeSeconds !== null && identity.issuedAt === undefined)
    return { ok: false, reason: 'issued_at_required' };
  const given = /^[0-9a-fA-F]{64}$/.test(identity.userHash) ? Buffer.from(identity.userHash, 'hex') : null;
  let matched = false;
  // Every secret is compared, each in constant time: how long this takes says nothing about which matched.
  for (const secret of policy.secrets) {
    const expected = createHmac('sha256', secret).update(identityMessage(subject, identity.issuedAt)).digest();
    if (given !== null && timingSafeEqual(expected, given)) matched = true;
  }
  if (!matched) return { ok: false, reason: 'bad_hash' };
  // Age is judged only of a genuine signature: an unsigned time says nothing.
  if (identity.issuedAt !== undefined) {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (identity.issuedAt > nowSeconds + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'in_the_future' };
    if (policy.maxAgeSeconds !== null && nowSeconds - identity.issuedAt > policy.maxAgeSeconds)
      return { ok: false, reason: 'too_old' };
  }
  return { ok: true };
}
