import type { WidgetField } from '../shared/widget-wire.js';

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
export function fieldError(field: WidgetField, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return isRequired(field) ? `${field.label} is required.` : undefined;
  if (value.length > maxLengthOf(field)) return `${field.label} must be at most ${maxLengthOf(field)} characters.`;
  if (field.type === 'email' && !EMAIL.test(value)) return 'Enter an email address like name@example.com.';
  if (field.type === 'tel' && !PHONE.test(value)) return 'Enter a phone number (digits, spaces, + ( ) -).';
  return undefined;
}

/** Messages keyed by field name; empty when the form may be sent. */
export function validate(fields: readonly WidgetField[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const error = fieldError(field, values[field.name] ?? '');
    if (error) errors[field.name] = error;
  }
  return errors;
}
