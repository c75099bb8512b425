/**
 * Every error the API answers with, in one place. Each code is documented in docs/errors.md
 * (a test keeps the two in step). Bodies keep Fastify's shape: { statusCode, code, error, message }.
 */
import createError from '@fastify/error';
import { DOMAIN_NOT_AUTHORIZED_MESSAGE } from '../shared/widget-wire.ts';

export const Unauthorized = createError('UPZ_UNAUTHORIZED', 'Sign in first: %s', 401);
export const BadCredentials = createError('UPZ_BAD_CREDENTIALS', 'Email or password is wrong', 401);
export const TooManyAttempts = createError(
  'UPZ_TOO_MANY_ATTEMPTS',
  'Too many failed sign-ins; try again in %s seconds',
  429,
);
export const Forbidden = createError('UPZ_FORBIDDEN', 'Your role does not allow this: %s', 403);
export const TenantSuspended = createError('UPZ_TENANT_SUSPENDED', '%s', 403);
export const WrongPassword = createError('UPZ_WRONG_PASSWORD', 'currentPassword: not your current password', 403);
export const LastAdmin = createError(
  'UPZ_LAST_ADMIN',
  'A tenant keeps at least one admin: make another user admin first',
  409,
);
export const InvitationInvalid = createError(
  'UPZ_INVITATION_INVALID',
  'token: no open invitation has this token (unknown, used, withdrawn or expired)',
  404,
);
export const NotFound = createError('UPZ_NOT_FOUND', '%s not found', 404);
export const InvalidInput = createError('UPZ_INVALID_INPUT', '%s', 400);
export const LowContrast = createError('UPZ_LOW_CONTRAST', '%s', 400);
export const ConsentRequired = createError(
  'UPZ_CONSENT_REQUIRED',
  'consent: this widget asks for consent, and the submission carries none',
  400,
);
export const InvalidHostname = createError('UPZ_INVALID_HOSTNAME', 'hostname: %s', 400);
export const InvalidJsonValue = createError('UPZ_INVALID_JSON_VALUE', '%s', 400);
export const InvalidWebhookUrl = createError('UPZ_INVALID_WEBHOOK_URL', 'url: %s', 400);
export const InvalidCursor = createError('UPZ_INVALID_CURSOR', 'cursor: not a cursor this API gave out', 400);
export const DomainNotAuthorized = createError('UPZ_DOMAIN_NOT_AUTHORIZED', DOMAIN_NOT_AUTHORIZED_MESSAGE, 403);
export const UnknownWidget = createError('UPZ_UNKNOWN_WIDGET', 'No widget has this public key', 404);
export const IdempotencyKeyRequired = createError(
  'UPZ_IDEMPOTENCY_KEY_REQUIRED',
  'Idempotency-Key header: required, 8 to 200 characters',
  400,
);
export const IdempotencyKeyReused = createError(
  'UPZ_IDEMPOTENCY_KEY_REUSED',
  'Idempotency-Key was already used for a different submission',
  409,
);
export const LimitReached = createError('UPZ_LIMIT_REACHED', '%s', 409);
export const ExportNotReady = createError(
  'UPZ_EXPORT_NOT_READY',
  'The export is not ready yet (status: %s); its status says when it is',
  409,
);
export const ExportGone = createError('UPZ_EXPORT_GONE', 'The export is gone: %s', 410);
export const DeletionScheduled = createError('UPZ_DELETION_SCHEDULED', '%s', 409);
export const DeletionUnderway = createError(
  'UPZ_DELETION_UNDERWAY',
  'The deletion can no longer be cancelled: %s',
  409,
);
export const RateLimited = createError('UPZ_RATE_LIMITED', 'Too many requests; try again in %s seconds', 429);
export const WidgetBusy = createError(
  'UPZ_WIDGET_BUSY',
  'This form is receiving more messages than it takes right now; try again in %s seconds',
  429,
);
export const ServiceUnavailable = createError('UPZ_UNAVAILABLE', '%s', 503);
export const IdentityInvalid = createError('UPZ_IDENTITY_INVALID', 'identity.userHash: %s', 403);
export const IdentityExpired = createError('UPZ_IDENTITY_EXPIRED', 'identity.issuedAt: %s', 403);
export const IdentityRequired = createError(
  'UPZ_IDENTITY_REQUIRED',
  'identity: this widget takes only leads whose visitor the site identified',
  403,
);
export const IdentitySecretMissing = createError(
  'UPZ_IDENTITY_SECRET_MISSING',
  'This client has no identity secret yet: create one with POST /v1/clients/%s/identity-secret first',
  409,
);

export const UnknownVersion = createError(
  'UPZ_UNKNOWN_VERSION',
  '%s: not a version of this API; the known versions are %s',
  400,
);
export const VersionDowngrade = createError('UPZ_VERSION_DOWNGRADE', 'version: %s', 409);
export const DataMigrationBusy = createError('UPZ_DATA_MIGRATION_BUSY', 'Data migration busy: %s', 409);
export const DataMigrationStateConflict = createError('UPZ_DATA_MIGRATION_STATE', '%s', 409);

export const UnknownDatabase = createError(
  'UPZ_UNKNOWN_DATABASE',
  'database: %s is not one of the databases of this deployment (%s)',
  400,
);
export const MoveRefused = createError(
  'UPZ_MOVE_REFUSED',
  'The agency was not moved, and is served as before: %s',
  409,
);

/** An error about one input: its body names it in `field`, a dotted path such as `email` or `widget.theme.text`. */
export function aboutField<E extends Error>(error: E, field: string): E & { field: string } {
  return Object.assign(error, { field });
}
export const AlertResolved = createError(
  'UPZ_ALERT_RESOLVED',
  'This alert is resolved; a new occurrence of its signal opens a new alert',
  409,
);
