/**
 * Contacts of one client: create, list (keyset pages, search by email or name), read, change,
 * delete. Viewers read; members and admins write. Every change is audited in its transaction.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { AUTHED_ERRORS, ClientParams, ErrorResponse, Page, PageQuery, Uuid } from '../http/schemas.ts';
import { Contact, CONTACT_COLUMNS, contactView } from './contact-view.ts';
import { decodeCursor, newestFirstPage } from '../http/cursor.ts';
import { NotFound } from '../errors.ts';
import { jsonbText } from '../db/jsonb-text.ts';
import { deleteContact } from './contacts.ts';
import { assertRoomFor } from '../limits/limits.ts';
import { likeEscape } from './search.ts';

// Facts about a contact, flat: each a JSON scalar or a short list of them. One `type` list rather
// than a union, which Ajv's type coercion would satisfy with its first branch (12 read as "12").
// A key's bounds go in propertyNames: a Record's key schema only chooses which values it applies to.
// Every key must also match the Record's own pattern (additionalProperties: false), or a key that
// the pattern's `.` does not match (one with a line break) would carry any value past the checks.
type Scalar = string | number | boolean | null;
const SCALAR = { type: ['string', 'number', 'boolean', 'null'], maxLength: 2000 };
const AttributeValue = Type.Unsafe<Scalar | Scalar[]>({
  type: [...SCALAR.type, 'array'],
  maxLength: 2000,
  maxItems: 50,
  items: SCALAR,
});
const Attributes = Type.Record(Type.String({ pattern: '^[^\\u0000-\\u001f\\u007f]+$' }), AttributeValue, {
  maxProperties: 50,
  additionalProperties: false,
  propertyNames: { minLength: 1, maxLength: 64 },
});
const Email = Type.String({ format: 'email', maxLength: 320 });
const Name = Type.String({ maxLength: 200 });
const Phone = Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$' });

const NewContact = Type.Object(
  { email: Email, name: Type.Optional(Name), phone: Type.Optional(Phone), attributes: Type.Optional(Attributes) },
  { title: 'NewContact', additionalProperties: false },
);
const ContactChange = Type.Object(
  {
    email: Type.Optional(Email),
    name: Type.Optional(Type.Union([Name, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    attributes: Type.Optional(Attributes),
  },
  { title: 'ContactChange', additionalProperties: false, minProperties: 1 },
);
const ContactParams = Type.Object({ clientId: Uuid, contactId: Uuid });
const ListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Email starting with, or name containing, this text' }),
    ),
  }),
]);

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/clients/:clientId/contacts',
    {
      config: { access: { on: 'client', role: 'member' } },
      schema: {
        params: ClientParams,
        body: NewContact,
        response: { 201: Contact, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email, name, phone, attributes } = request.body;
      const { contacts: limit } = await app.limits.get(request.scope.clientId as string, request.scope.agencyId);
      const row = await request.scoped(async (q) => {
        await assertRoomFor(q, 'contacts', limit);
        const created = await q
          .insertInto('contacts', {
            email: email.trim(),
            name: name ?? null,
            phone: phone ?? null,
            attributes: jsonbText(attributes ?? {}),
          })
          .returning(CONTACT_COLUMNS)
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'contact.created',
          targetType: 'contact',
          targetId: created.contact_id,
          personal: { contactId: created.contact_id, email: created.email, details: { email: created.email } },
        });
        return created;
      });
      return reply.code(201).send(contactView(row));
    },
  );

  app.get(
    '/v1/clients/:clientId/contacts',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, querystring: ListQuery, response: { 200: Page(Contact), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor);
      const search = request.query.q?.trim().toLowerCase();
      const page = await request.scoped((q) => {
        let query = q.selectFrom('contacts').select(CONTACT_COLUMNS);
        if (search) {
          const term = likeEscape(search);
          query = query.where((eb) =>
            eb.or([eb(sql`lower(email)`, 'like', `${term}%`), eb(sql`lower(name)`, 'like', `%${term}%`)]),
          );
        }
        return newestFirstPage(query, 'contact_id', after, limit);
      });
      return { items: page.items.map(contactView), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/clients/:clientId/contacts/:contactId',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ContactParams, response: { 200: Contact, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const row = await request.scoped((q) =>
        q
          .selectFrom('contacts')
          .select(CONTACT_COLUMNS)
          .where('contact_id', '=', request.params.contactId)
          .executeTakeFirst(),
      );
      if (!row) throw new NotFound('Contact');
      return contactView(row);
    },
  );

  app.patch(
    '/v1/clients/:clientId/contacts/:contactId',
    {
      config: { access: { on: 'client', role: 'member' } },
      schema: {
        params: ContactParams,
        body: ContactChange,
        response: { 200: Contact, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { email, name, phone, attributes } = request.body;
      const row = await request.scoped(async (q) => {
        const updated = await q
          .updateTable('contacts')
          .set({
            ...(email !== undefined && { email: email.trim() }),
            ...(name !== undefined && { name }),
            ...(phone !== undefined && { phone }),
            ...(attributes !== undefined && { attributes: jsonbText(attributes) }),
            updated_at: sql<Date>`now()`,
          })
          .where('contact_id', '=', request.params.contactId)
          .returning(CONTACT_COLUMNS)
          .executeTakeFirst();
        if (!updated) throw new NotFound('Contact');
        await q.audit({
          action: 'contact.updated',
          targetType: 'contact',
          targetId: updated.contact_id,
          details: { fields: Object.keys(request.body) },
        });
        return updated;
      });
      return contactView(row);
    },
  );

  app.delete(
    '/v1/clients/:clientId/contacts/:contactId',
    {
      config: { access: { on: 'client', role: 'member' } },
      schema: { params: ContactParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      await request.scoped(async (q) => {
        if (!(await deleteContact(q, request.params.contactId))) throw new NotFound('Contact');
      });
      return reply.code(204).send(null);
    },
  );
};
