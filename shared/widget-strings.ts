/**
 * The texts the widget itself shows (not the ones a client writes in its settings, such as the title), by key.
 * A client may override any of them per widget (`strings` in the widget settings, each at most
 * WIDGET_STRING_MAX_LENGTH characters); the server refuses keys not listed here. Placeholders in braces are
 * filled in by the widget: `{label}` the field's label, `{max}` a number of characters.
 * Dependency-free: the widget bundles this list.
 */
export const WIDGET_STRING_KEYS = [
  /** Accessible name of the panel's close button. Default "Close". */
  'close',
  /** Status while a submission is on its way. Default "Sending…". */
  'sending',
  /** Status when the visitor is offline and the submission waits in the outbox. */
  'queued',
  /** Under an empty required field; `{label}`. Default "{label} is required." */
  'fieldRequired',
  /** Under a value that is too long; `{label}`, `{max}`. */
  'fieldTooLong',
  /** Under an email field whose value is not an address (shared/email.ts). */
  'invalidEmail',
  /** Under a phone field whose value is not a phone number. */
  'invalidPhone',
  /** First, empty choice of a select field. Default "Choose…". */
  'selectPlaceholder',
  /** Under the consent checkbox when it is not ticked. */
  'consentRequired',
  /** Text of the link to the client's privacy policy beside the consent checkbox. */
  'privacyPolicy',
  /** The server refused the input (a 400 without a field the widget can point at). */
  'errorInvalid',
  /** The page's domain is not authorized for this widget (403). */
  'errorNotAuthorized',
  /** Too many submissions from this visitor for now (429). */
  'errorRateLimited',
  /** The server could not be reached or failed (network error, 5xx). */
  'errorUnavailable',
] as const;

export type WidgetStringKey = (typeof WIDGET_STRING_KEYS)[number];

/** Longest override of one string. */
export const WIDGET_STRING_MAX_LENGTH = 300;
