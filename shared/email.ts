/**
 * The one rule for an email address, used by the server's `email` schema format and by the widget before
 * it sends. Deliberately plain ASCII, as browsers' `<input type="email">` is: a dot-atom local part (RFC 5322
 * `atext`, no leading, trailing or doubled dot) and a domain of at least two DNS labels written in ASCII
 * (an internationalized domain in its `xn--` form), with no trailing dot. Dependency-free: the widget bundles it.
 */

/** Longest address accepted, the SMTP limit on a path (RFC 5321 §4.5.3.1.3, less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** A top-level domain is never all digits (that would be an IPv4 address). */
const TOP_LABEL = /[A-Za-z]/;

/** Whether `value`, exactly as given (no trimming), is an address this project accepts. */
export function isValidEmail(value: string): boolean {
  if (value.length > MAX_EMAIL_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local) || labels.length < 2) return false;
  return labels.every((label) => LABEL.test(label)) && TOP_LABEL.test(labels[labels.length - 1] as string);
}
