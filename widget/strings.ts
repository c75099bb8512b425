/**
 * Every sentence the widget shows a visitor that the site owner did not write in its configuration.
 * `{label}` and `{max}` are filled in where they appear.
 */
export const EN = {
  close: 'Close',
  sending: 'Sending…',
  sendAnother: 'Send another message',
  queuedOffline: "You're offline. Your message is saved and will be sent when you're back online.",
  queuedServer: "We couldn't reach our server just now. Your message is saved and we'll keep trying to send it.",
  required: '{label} is required.',
  tooLong: '{label} must be at most {max} characters.',
  invalidEmail: 'Enter an email address like name@example.com.',
  invalidPhone: 'Enter a phone number (digits, spaces, + ( ) -).',
  invalidField: 'Please check {label}.',
  refused: 'Sorry, this form cannot be sent from this page.',
  failed: 'Sorry, your message could not be sent. Please try again later.',
};

export type Strings = typeof EN;
export type StringKey = keyof Strings;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
