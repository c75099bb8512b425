/**
 * The wire format's types as plain TypeScript, without TypeBox: what the widget package's declarations
 * ship, so a site that installs `@upzento/widget` needs nothing else to type-check. shared/widget-wire.ts
 * holds the schemas the server validates with and checks at compile time that each schema's type is
 * exactly the type here; a change to one that the other does not follow fails `npm run typecheck`.
 */
import type { WidgetStringKey } from './widget-strings.js';

export type { WidgetStringKey } from './widget-strings.js';

export type WidgetFieldType = 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'checkbox' | 'consent' | 'hidden';

export interface WidgetFieldOption {
  /** 1–200 characters, once per field. */
  value: string;
  /** 1–120 characters. */
  label: string;
}

export interface WidgetField {
  /** Key under which the value is sent: `email`, `name`, `message`, or any custom key (sent in `fields`). */
  name: string;
  /** 1–300 characters, not only spaces. */
  label: string;
  type: WidgetFieldType;
  required: boolean;
  maxLength?: number;
  /** Shown in an empty text, email, tel or textarea control; up to 120 characters. */
  placeholder?: string;
  /** A select field's choices, 1–50. */
  options?: WidgetFieldOption[];
}

/** `#rrggbb` colours; `text` reaches 4.5:1 on `background`. */
export interface WidgetTheme {
  primary: string;
  text: string;
  background: string;
}

/** The languages the widget has texts for; a setting may name any BCP 47 tag. */
export type WidgetLocale = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'pt';

export type WidgetStrings = { [key in WidgetStringKey]?: string };

export type WidgetColorScheme = 'auto' | 'light' | 'dark';

export interface WidgetLauncher {
  display: 'button' | 'none';
  icon: 'chat' | 'mail' | 'question';
  /** 40–80 CSS pixels. */
  size: number;
  /** 0–200 CSS pixels. */
  offsetX: number;
  /** 0–400 CSS pixels. */
  offsetY: number;
}

/** GET /v1/widget/:publicKey/config. The optional settings are always sent by this server (docs/widget.md has the defaults). */
export interface WidgetConfig {
  publicKey: string;
  title: string;
  intro: string;
  launcherLabel: string;
  submitLabel: string;
  successMessage: string;
  position: 'bottom-right' | 'bottom-left';
  theme: WidgetTheme;
  fields: WidgetField[];
  /** Default 'en'. */
  locale?: string;
  /** Default {}. */
  strings?: WidgetStrings;
  /** Default 'auto'. */
  colorScheme?: WidgetColorScheme;
  /** Default { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 }. */
  launcher?: WidgetLauncher;
  /** Default true. */
  closeOnOutsideClick?: boolean;
  /** Default null. */
  privacyPolicyUrl?: string | null;
  /** The client's public feature flags and their values for it; this server always sends it ({} for none). */
  flags?: Record<string, boolean>;
}

export interface SubmissionContext {
  /** Absolute http(s) URL, at most 2048 characters. */
  pageUrl?: string;
  /** Absolute http(s) URL, at most 2048 characters; '' is the same as none. */
  referrer?: string;
  /** Each at most 200 characters. */
  utm?: { source?: string; medium?: string; campaign?: string; term?: string; content?: string };
}

export interface SubmissionConsent {
  /** 1–1000 characters: the text the visitor agreed to. */
  text: string;
}

/**
 * Who the site says the visitor is, vouched for by `userHash`: hex HMAC-SHA256 with the client's
 * identity secret of the user id (or the email), then a line feed and `issuedAt` when there is one.
 */
export interface SubmissionIdentity {
  userId?: string;
  email?: string;
  name?: string;
  userHash: string;
  /** Unix seconds when the site made userHash. */
  issuedAt?: number;
}

/** POST /v1/widget/:publicKey/submissions. */
export interface SubmissionRequest {
  email: string;
  name?: string;
  message?: string;
  fields?: Record<string, string>;
  identity?: SubmissionIdentity;
  context?: SubmissionContext;
  consent?: SubmissionConsent;
}

export interface SubmissionResponse {
  id: string;
}

/** Codes a widget route answers with (docs/errors.md describes each). */
export type WidgetErrorCode =
  | 'UPZ_INVALID_EMAIL'
  | 'UPZ_CONSENT_REQUIRED'
  | 'UPZ_INVALID_INPUT'
  | 'UPZ_INVALID_JSON_VALUE'
  | 'FST_ERR_VALIDATION'
  | 'UPZ_IDEMPOTENCY_KEY_REQUIRED'
  | 'UPZ_IDEMPOTENCY_KEY_REUSED'
  | 'UPZ_DOMAIN_NOT_AUTHORIZED'
  | 'UPZ_UNKNOWN_WIDGET'
  | 'UPZ_RATE_LIMITED'
  | 'UPZ_UNAVAILABLE';

/**
 * The body of every error answer. `field` names the input it is about, as a dotted path inside the body
 * (`email`, `context.pageUrl`, `fields.company`), when there is one. The widget chooses its own sentence
 * from `code`, `statusCode` and `field`; `message` is for developers and never shown to a visitor.
 */
export interface WidgetErrorBody {
  statusCode: number;
  code?: WidgetErrorCode | (string & {});
  error: string;
  message: string;
  field?: string;
}
