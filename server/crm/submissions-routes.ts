/** What the widget captured for one client, newest first. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHED_ERRORS, ClientParams, Page, PageQuery, Timestamp, Uuid } from '../http/schemas.ts';
import { decodeCursor, paginate } from '../http/cursor.ts';

const Submission = Type.Object({
  id: Uuid,
  clientId: Uuid,
  contactId: Type.Union([Uuid, Type.Null()]),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Record(Type.String(), Type.String()),
  origin: Type.String(),
  createdAt: Timestamp,
});

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/clients/:clientId/submissions',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, querystring: PageQuery, response: { 200: Page(Submission), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor);
      const rows = await request.scoped((q) => {
        let query = q
          .selectFrom('submissions')
          .select(['submission_id', 'client_id', 'contact_id', 'email', 'name', 'message', 'fields', 'origin', 'created_at']);
        if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'submission_id'), '<', eb.tuple(after.at, after.id)));
        return query.orderBy('created_at', 'desc').orderBy('submission_id', 'desc').limit(limit + 1).execute();
      });
      const page = paginate(rows, limit, (row) => ({ at: row.created_at, id: row.submission_id }));
      return {
        items: page.items.map((row) => ({
          id: row.submission_id,
          clientId: row.client_id,
          contactId: row.contact_id,
          email: row.email,
          name: row.name,
          message: row.message,
          fields: row.fields,
          origin: row.origin,
          createdAt: row.created_at,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
