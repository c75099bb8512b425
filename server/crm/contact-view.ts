/** A contact as the API shows it, and the columns it is read from. */
import { Type } from '@sinclair/typebox';
import type { Contact as ContactRecord } from '../db/schema.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';

export const CONTACT_COLUMNS = [
  'contact_id',
  'client_id',
  'email',
  'name',
  'phone',
  'attributes',
  'created_at',
  'updated_at',
  'identity_user_id',
  'identity_email',
  'identity_verified_at',
] as const;

export type ContactRow = Pick<ContactRecord, (typeof CONTACT_COLUMNS)[number]>;

export const Contact = Type.Object(
  {
    id: Uuid,
    clientId: Uuid,
    email: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** The identity the client's secret last vouched for in a lead of this contact; null when none did. */
    identity: Type.Union([
      Type.Object({
        verified: Type.Literal(true),
        userId: Type.Union([Type.String(), Type.Null()]),
        email: Type.Union([Type.String(), Type.Null()]),
        verifiedAt: Timestamp,
      }),
      Type.Null(),
    ]),
  },
  { title: 'Contact' },
);

export function contactView(row: ContactRow) {
  return {
    id: row.contact_id,
    clientId: row.client_id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    attributes: attributesObject(row.attributes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    identity:
      row.identity_verified_at === null
        ? null
        : {
            verified: true as const,
            userId: row.identity_user_id,
            email: row.identity_email,
            verifiedAt: row.identity_verified_at,
          },
  };
}

/** The response promises an object; a row written by hand or by an old version may hold other JSON there. */
function attributesObject(stored: unknown): Record<string, unknown> {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
    ? (stored as Record<string, unknown>)
    : {};
}
