/**
 * What a widget lead's identity is worth under its client's setting (docs/identity.md):
 *
 * - off: the identity is kept as the site's word, unverified; userHash is not checked.
 * - optional: a valid signature marks the lead verified; an invalid or too old one refuses the lead.
 * - required: the same, and a lead without an identity is taken only when allowAnonymous is on.
 *
 * With a user id, the signature vouches for the user id alone, so the identity's email is not kept
 * (the lead's own email is what the visitor typed); without one, it vouches for the email.
 */
import type { SubmissionIdentity } from '../../shared/widget-wire.ts';
import { IdentityExpired, IdentityInvalid, IdentityRequired, InvalidInput } from '../errors.ts';
import { checkIdentity, CLOCK_SKEW_SECONDS } from './identity-hash.ts';
import type { WidgetIdentityPolicy } from './identity-settings.ts';

export interface LeadIdentity {
  userId: string | null;
  /** Lower case; only when it is what the signature is about. */
  email: string | null;
  verified: boolean;
}

export type LeadIdentityDecision = { ok: true; identity: LeadIdentity | null } | { ok: false; error: Error };

export function decideLeadIdentity(
  policy: WidgetIdentityPolicy,
  identity: SubmissionIdentity | undefined,
  now: Date,
): LeadIdentityDecision {
  if (identity === undefined) {
    if (policy.verification === 'required' && !policy.allowAnonymous)
      return { ok: false, error: new IdentityRequired() };
    return { ok: true, identity: null };
  }
  const kept = (verified: boolean): LeadIdentityDecision => ({
    ok: true,
    identity: {
      userId: identity.userId ?? null,
      email: identity.userId === undefined ? (identity.email?.toLowerCase() ?? null) : null,
      verified,
    },
  });
  if (identity.userId === undefined && identity.email === undefined) {
    return {
      ok: false,
      error: new InvalidInput('body/identity: needs a userId or an email, the subject userHash signs'),
    };
  }
  if (policy.verification === 'off') return kept(false);
  const checked = checkIdentity(identity, policy, now);
  if (checked.ok) return kept(true);
  switch (checked.reason) {
    case 'issued_at_required':
      return {
        ok: false,
        error: new InvalidInput(
          `body/identity/issuedAt: required: this client takes signed identities at most ${policy.maxAgeSeconds} seconds old`,
        ),
      };
    case 'too_old':
      return {
        ok: false,
        error: new IdentityExpired(`signed more than ${policy.maxAgeSeconds} seconds ago; sign the identity again`),
      };
    case 'in_the_future':
      return {
        ok: false,
        error: new IdentityExpired(`more than ${CLOCK_SKEW_SECONDS} seconds ahead of this server's clock`),
      };
    default:
      return {
        ok: false,
        error: new IdentityInvalid("not the HMAC-SHA256 of this identity with the client's identity secret"),
      };
  }
}
