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

/** A page of a listing; named `<Item>Page` in the OpenAPI document when its item has a title. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object(
    { items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    item.title ? { title: `${item.title}Page` } : {},
  );
}

/** A whole listing; named `<Item>List` in the OpenAPI document when its item has a title. */
export function List<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) }, item.title ? { title: `${item.title}List` } : {});
}

/** Every error body: Fastify's shape, with a `code` of docs/errors.md. */
export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer({ description: 'The HTTP status, repeated.' }),
    code: Type.String({
      description: 'Stable: branch on it. Every code is in docs/errors.md.',
      examples: ['UPZ_NOT_FOUND'],
    }),
    error: Type.String({ description: 'The reason phrase of the status.' }),
    message: Type.String({ description: 'For people, and may change; for bad input it starts with the field.' }),
    field: Type.Optional(
      Type.String({
        description: 'The input a 400 is about, as a dotted path (`email`, `context.pageUrl`, `widget.theme.text`).',
      }),
    ),
  },
  { title: 'Error' },
);

/** Error responses every authenticated route may give, so they are serialized with the same schema. */
export const AUTHED_ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
