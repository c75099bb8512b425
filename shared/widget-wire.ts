/**
 * The wire format between the widget and the server's public widget routes.
 * The server validates with these schemas; the widget imports only their types,
 * so nothing here reaches the browser bundle.
 */
import { Type, type Static, type TString } from '@sinclair/typebox';
import { WIDGET_STRING_KEYS, WIDGET_STRING_MAX_LENGTH, type WidgetStringKey } from './widget-strings.js';
import type * as wire from './widget-wire-types.js';

/** Header that makes a submission safe to retry: the same key yields the same stored submission. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Message of the 403 sent to an Origin that no verified domain of the client authorizes. */
export const DOMAIN_NOT_AUTHORIZED_MESSAGE = 'Domain not authorized for this client';

/** A custom field's name: the key its value is sent and stored under. */
export const FIELD_NAME = '^[a-zA-Z][a-zA-Z0-9_]{0,39}$';

/**
 * - `select`: one of `options`, sent as its `value`.
 * - `checkbox`: sent in `fields` as 'true' or 'false'.
 * - `consent`: a checkbox whose label is the consent text; sent as the request's `consent`, not in `fields`.
 *   A widget with a consent field needs `privacyPolicyUrl`, and its submissions need `consent`.
 * - `hidden`: not shown; its value (set by the page) is sent in `fields`.
 */
export const WidgetFieldType = Type.Union([
  Type.Literal('text'),
  Type.Literal('email'),
  Type.Literal('tel'),
  Type.Literal('textarea'),
  Type.Literal('select'),
  Type.Literal('checkbox'),
  Type.Literal('consent'),
  Type.Literal('hidden'),
]);
export type WidgetFieldType = wire.WidgetFieldType;

export const WidgetFieldOption = Type.Object(
  { value: Type.String({ minLength: 1, maxLength: 200 }), label: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export type WidgetFieldOption = wire.WidgetFieldOption;

export const WidgetField = Type.Object(
  {
    /** Key under which the value is sent: `email`, `name`, `message`, or any custom key (sent in `fields`). */
    name: Type.String({ pattern: FIELD_NAME }),
    /** Not empty after trimming. Up to 300 characters, so a consent field's label can be its whole text. */
    label: Type.String({ minLength: 1, maxLength: 300 }),
    type: WidgetFieldType,
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    /** Shown in an empty text, email, tel or textarea control. */
    placeholder: Type.Optional(Type.String({ maxLength: 120 })),
    /** A select field's choices (1 to 50, each value once); no other type has options. */
    options: Type.Optional(Type.Array(WidgetFieldOption, { minItems: 1, maxItems: 50 })),
  },
  { title: 'WidgetField', additionalProperties: false },
);
export type WidgetField = wire.WidgetField;

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });

/** `text` must reach 4.5:1 against `background` (shared/contrast.ts); the widget picks its text colour on `primary`. */
export const WidgetTheme = Type.Object(
  { primary: Colour, text: Colour, background: Colour },
  { title: 'WidgetTheme', additionalProperties: false },
);
export type WidgetTheme = wire.WidgetTheme;

/** The languages the widget has texts for. A setting may name any BCP 47 tag; the widget falls back to its base language, then 'en'. */
export type WidgetLocale = wire.WidgetLocale;
/** A BCP 47 language tag in its common shape (`en`, `de-CH`, `pt-BR`, `zh-Hant-TW`). */
export const LOCALE_TAG = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$';

/** Per-string overrides of the widget's own texts, by key of shared/widget-strings.ts; closed. */
export const WidgetStrings = Type.Partial(
  Type.Object(
    Object.fromEntries(
      WIDGET_STRING_KEYS.map((key) => [key, Type.String({ maxLength: WIDGET_STRING_MAX_LENGTH })]),
    ) as unknown as Record<WidgetStringKey, TString>,
    { additionalProperties: false },
  ),
);
export type WidgetStrings = wire.WidgetStrings;

export const WidgetColorScheme = Type.Union([Type.Literal('auto'), Type.Literal('light'), Type.Literal('dark')]);
export type WidgetColorScheme = wire.WidgetColorScheme;

export const WidgetLauncher = Type.Object(
  {
    /** 'none': no button; the page opens the widget itself (`Upzento('open')`, `widget.open()`). */
    display: Type.Union([Type.Literal('button'), Type.Literal('none')]),
    icon: Type.Union([Type.Literal('chat'), Type.Literal('mail'), Type.Literal('question')]),
    /** Diameter in CSS pixels. */
    size: Type.Integer({ minimum: 40, maximum: 80 }),
    /** Distance from the side of the viewport named by `position`, in CSS pixels. */
    offsetX: Type.Integer({ minimum: 0, maximum: 200 }),
    /** Distance from the bottom of the viewport, in CSS pixels. */
    offsetY: Type.Integer({ minimum: 0, maximum: 400 }),
  },
  { additionalProperties: false },
);
export type WidgetLauncher = wire.WidgetLauncher;

export const WidgetConfig = Type.Object(
  {
    publicKey: Type.String(),
    title: Type.String({ maxLength: 120 }),
    intro: Type.String({ maxLength: 500 }),
    launcherLabel: Type.String({ maxLength: 60 }),
    submitLabel: Type.String({ maxLength: 60 }),
    successMessage: Type.String({ maxLength: 300 }),
    position: Type.Union([Type.Literal('bottom-right'), Type.Literal('bottom-left')]),
    theme: WidgetTheme,
    fields: Type.Array(WidgetField, { minItems: 1, maxItems: 20 }),
    // Optional on the wire so that a configuration without them (an older server, a cached copy) still
    // reads; this server always sends them, with WIDGET_DEFAULTS for the ones a client has not set.
    /** Default 'en'. */
    locale: Type.Optional(Type.String({ pattern: LOCALE_TAG, maxLength: 35 })),
    /** Default {}. */
    strings: Type.Optional(WidgetStrings),
    /** Default 'auto': the visitor's `prefers-color-scheme`. */
    colorScheme: Type.Optional(WidgetColorScheme),
    /** Default { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 }. */
    launcher: Type.Optional(WidgetLauncher),
    /** Default true: a click outside the open panel closes it. */
    closeOnOutsideClick: Type.Optional(Type.Boolean()),
    /** An https URL, linked beside the consent field; required when there is one. Default null. */
    privacyPolicyUrl: Type.Optional(Type.Union([Type.String({ pattern: '^https://', maxLength: 2048 }), Type.Null()])),
    /**
     * The client's public feature flags, each with its value for this client (docs/flags.md); flags
     * not made public are never here. This server always sends it, {} when there are none.
     */
    flags: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
  },
  { title: 'WidgetConfig', additionalProperties: false },
);
export type WidgetConfig = wire.WidgetConfig;

/** Where the lead came from, as the page saw it. */
export const SubmissionContext = Type.Object(
  {
    /** The page the form was sent from: an absolute http or https URL. */
    pageUrl: Type.Optional(Type.String({ maxLength: 2048 })),
    /** `document.referrer`: an absolute http or https URL; '' is the same as none. */
    referrer: Type.Optional(Type.String({ maxLength: 2048 })),
    /** The page's `utm_*` query parameters. */
    utm: Type.Optional(
      Type.Object(
        {
          source: Type.Optional(Type.String({ maxLength: 200 })),
          medium: Type.Optional(Type.String({ maxLength: 200 })),
          campaign: Type.Optional(Type.String({ maxLength: 200 })),
          term: Type.Optional(Type.String({ maxLength: 200 })),
          content: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SubmissionContext = wire.SubmissionContext;

/** The consent the visitor gave: the text they agreed to. The server records when it received it. */
export const SubmissionConsent = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type SubmissionConsent = wire.SubmissionConsent;

/**
 * Who the site says the visitor is (`Upzento('identify', …)`, `createWidget({ identity })`), vouched
 * for by `userHash`: hex HMAC-SHA256, made on the site's server with the client's identity secret, of
 * the user id (or the email when there is no user id), followed by a line feed and `issuedAt` when
 * there is one (docs/identity.md). No control characters in the ids, so that line feed can only be
 * the separator.
 */
export const IDENTITY_HASH = '^[0-9a-fA-F]{64}$';
/** Printable text without control characters: the signed message joins its parts with a line feed. */
const IDENTITY_TEXT = '^[^\\u0000-\\u001f\\u007f]+$';

export const SubmissionIdentity = Type.Object(
  {
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: IDENTITY_TEXT })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320, pattern: IDENTITY_TEXT })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    userHash: Type.String({ pattern: IDENTITY_HASH }),
    /** Unix seconds when the site made userHash; covered by it. Required when the client sets a maximum age. */
    issuedAt: Type.Optional(Type.Integer({ minimum: 0, maximum: 99_999_999_999 })),
  },
  { additionalProperties: false },
);
export type SubmissionIdentity = wire.SubmissionIdentity;

export const SubmissionRequest = Type.Object(
  {
    /** Checked by shared/email.ts (the server's `email` format); a bad one is a 400 `UPZ_INVALID_EMAIL`. */
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    message: Type.Optional(Type.String({ maxLength: 5000 })),
    fields: Type.Optional(
      Type.Record(Type.String({ pattern: FIELD_NAME }), Type.String({ maxLength: 2000 }), {
        maxProperties: 20,
        additionalProperties: false,
      }),
    ),
    identity: Type.Optional(SubmissionIdentity),
    context: Type.Optional(SubmissionContext),
    /** Required when the widget's configuration has a consent field (400 `UPZ_CONSENT_REQUIRED` without it). */
    consent: Type.Optional(SubmissionConsent),
  },
  { title: 'WidgetSubmission', additionalProperties: false },
);
export type SubmissionRequest = wire.SubmissionRequest;

export const SubmissionResponse = Type.Object({ id: Type.String() }, { title: 'WidgetSubmissionReceipt' });
export type SubmissionResponse = wire.SubmissionResponse;

export type { WidgetErrorBody, WidgetErrorCode, WidgetStringKey } from './widget-wire-types.js';

/** True when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Each schema's type is exactly its plain type in widget-wire-types.ts (which the widget package ships): a
// schema changed without its type, or the other way round, stops the type check here.
const schemasMatchTheirTypes: [
  Same<Static<typeof WidgetField>, wire.WidgetField>,
  Same<Static<typeof WidgetTheme>, wire.WidgetTheme>,
  Same<Static<typeof WidgetStrings>, wire.WidgetStrings>,
  Same<Static<typeof WidgetLauncher>, wire.WidgetLauncher>,
  Same<Static<typeof WidgetConfig>, wire.WidgetConfig>,
  Same<Static<typeof SubmissionContext>, wire.SubmissionContext>,
  Same<Static<typeof SubmissionConsent>, wire.SubmissionConsent>,
  Same<Static<typeof SubmissionIdentity>, wire.SubmissionIdentity>,
  Same<Static<typeof SubmissionRequest>, wire.SubmissionRequest>,
  Same<Static<typeof SubmissionResponse>, wire.SubmissionResponse>,
] = [true, true, true, true, true, true, true, true, true, true];
void schemasMatchTheirTypes;
