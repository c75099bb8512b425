/**
 * The wire format between the widget and the server's public widget routes.
 * The server validates with these schemas; the widget imports only their types,
 * so nothing here reaches the browser bundle.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Header that makes a submission safe to retry: the same key yields the same stored submission. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Message of the 403 sent to an Origin that no verified domain of the client authorizes. */
export const DOMAIN_NOT_AUTHORIZED_MESSAGE = 'Domain not authorized for this client';

/** A custom field's name: the key its value is sent and stored under. */
export const FIELD_NAME = '^[a-zA-Z][a-zA-Z0-9_]{0,39}$';

export const WidgetFieldType = Type.Union([
  Type.Literal('text'),
  Type.Literal('email'),
  Type.Literal('tel'),
  Type.Literal('textarea'),
]);

export const WidgetField = Type.Object(
  {
    /** Key under which the value is sent: `email`, `name`, `message`, or any custom key (sent in `fields`). */
    name: Type.String({ pattern: FIELD_NAME }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    type: WidgetFieldType,
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { title: 'WidgetField', additionalProperties: false },
);
export type WidgetField = Static<typeof WidgetField>;

const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });

export const WidgetTheme = Type.Object({ primary: Colour, text: Colour, background: Colour }, { title: 'WidgetTheme', additionalProperties: false });

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
  },
  { title: 'WidgetConfig', additionalProperties: false },
);
export type WidgetConfig = Static<typeof WidgetConfig>;

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
export type SubmissionIdentity = Static<typeof SubmissionIdentity>;

export const SubmissionRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    message: Type.Optional(Type.String({ maxLength: 5000 })),
    fields: Type.Optional(
      Type.Record(Type.String({ pattern: FIELD_NAME }), Type.String({ maxLength: 2000 }), { maxProperties: 20, additionalProperties: false }),
    ),
    identity: Type.Optional(SubmissionIdentity),
  },
  { title: 'WidgetSubmission', additionalProperties: false },
);
export type SubmissionRequest = Static<typeof SubmissionRequest>;

export const SubmissionResponse = Type.Object({ id: Type.String() }, { title: 'WidgetSubmissionReceipt' });
export type SubmissionResponse = Static<typeof SubmissionResponse>;
