/** Schemas that many routes share. Each feature keeps its own beside its routes. */
import { Type, type TSchema } from '@sinclair/typebox';
import { UUID_PATTERN } from '../db/uuid.ts';

export const Uuid = Type.String({ pattern: UUID_PATTERN });
/** A time in a response: a Date in code, an ISO 8601 string on the wire. */
export const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

/** A user's role in its tenant, as the API takes it. */
export const RoleName = Type.Union([Type.Literal('admin'), Type.Literal('member'), Type.Literal('viewer')]);

export const AgencyParams = Type.Object({ agencyId: Uuid });
export const ClientParams = Type.Object({ clientId: Uuid });

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export function List<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.Optional(Type.String()),
  error: Type.String(),
  message: Type.String(),
  /** The input a 400 is about, as a dotted path (`email`, `context.pageUrl`, `widget.theme.text`). */
  field: Type.Optional(Type.String()),
});

/** Error responses every authenticated route may give, so they are serialized with the same schema. */
export const AUTHED_ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
