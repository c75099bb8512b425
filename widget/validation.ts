import { isValidEmail } from '../shared/email.js';
import type { WidgetField } from '../shared/widget-wire-types.js';
import { EN, fill, type Strings } from './strings.js';

/** Longest values the server accepts per key (SubmissionRequest); custom keys share one limit. */
const WIRE_LIMITS: Record<string, number> = { email: 320, name: 200, message: 5000 };
const CUSTOM_FIELD_LIMIT = 2000;

const PHONE = /^\+?[\d\s().-]{5,}$/;

/** The wire format requires `email`, so it is required whatever the configuration says; so is consent. */
export function isRequired(field: WidgetField): boolean {
  return field.required || field.name === 'email' || field.type === 'consent';
}

/** The configured limit, never above what the server would accept. */
export function maxLengthOf(field: WidgetField): number {
  const wire = WIRE_LIMITS[field.name] ?? CUSTOM_FIELD_LIMIT;
  return Math.min(field.maxLength ?? wire, wire);
}

/**
 * The message to show under the field, or undefined when the value is fine. A checkbox's value is 'true'
 * or 'false'; ticking it is what "required" asks.
 */
export function fieldError(field: WidgetField, raw: string, strings: Strings = EN): string | undefined {
  const { type, label } = field;
  if (type === 'hidden') return undefined;
  if (type === 'checkbox' || type === 'consent') {
    if (raw === 'true' || !isRequired(field)) return undefined;
    return type === 'consent' ? strings.consentRequired : fill(strings.fieldRequired, { label });
  }
  const value = raw.trim();
  if (!value) return isRequired(field) ? fill(strings.fieldRequired, { label }) : undefined;
  const max = maxLengthOf(field);
  if (value.length > max) return fill(strings.fieldTooLong, { label, max });
  if (type === 'email' && !isValidEmail(value)) return strings.invalidEmail;
  if (type === 'tel' && !PHONE.test(value)) return strings.invalidPhone;
  if (type === 'select' && field.options && !field.options.some((o) => o.value === value))
    return fill(strings.invalidField, { label });
  return undefined;
}

/** Messages keyed by field name; empty when the form may be sent. */
export function validate(
  fields: readonly WidgetField[],
  values: Record<string, string>,
  strings: Strings = EN,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const error = fieldError(field, values[field.name] ?? '', strings);
    if (error) errors[field.name] = error;
  }
  return errors;
}
