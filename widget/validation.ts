import type { WidgetField } from '../shared/widget-wire.js';
import { EN, fill, type Strings } from './strings.js';

/** Longest values the server accepts per key (SubmissionRequest); custom keys share one limit. */
const WIRE_LIMITS: Record<string, number> = { email: 320, name: 200, message: 5000 };
const CUSTOM_FIELD_LIMIT = 2000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,}$/;

/** The wire format requires `email`, so it is required whatever the configuration says. */
export function isRequired(field: WidgetField): boolean {
  return field.required || field.name === 'email';
}

/** The configured limit, never above what the server would accept. */
export function maxLengthOf(field: WidgetField): number {
  const wire = WIRE_LIMITS[field.name] ?? CUSTOM_FIELD_LIMIT;
  return Math.min(field.maxLength ?? wire, wire);
}

/** The message to show under the field, or undefined when the value is fine. */
export function fieldError(field: WidgetField, raw: string, strings: Strings = EN): string | undefined {
  const value = raw.trim();
  const label = field.label;
  if (!value) return isRequired(field) ? fill(strings.required, { label }) : undefined;
  const max = maxLengthOf(field);
  if (value.length > max) return fill(strings.tooLong, { label, max });
  if (field.type === 'email' && !EMAIL.test(value)) return strings.invalidEmail;
  if (field.type === 'tel' && !PHONE.test(value)) return strings.invalidPhone;
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
