/**
 * What the widget captured for one client, newest first: all of it, one contact's, or those whose
 * email starts with or whose name holds a search, as the contacts list searches.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { AUTHED_ERRORS, ClientParams, Page, PageQuery } from '../http/schemas.ts';
import { decodeCursor, newestFirstPage } from '../http/cursor.ts';
import { UUID_PATTERN } from '../db/uuid.ts';
import { likeEscape } from './search.ts';
import { Submission, SUBMISSION_COLUMNS, submissionView } from './submission-view.ts';

const ListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Email starting with, or name containing, this text' }),
    ),
    contactId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'Only the leads of this contact' })),
  }),
]);

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/clients/:clientId/submissions',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, querystring: ListQuery, response: { 200: Page(Submission), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor);
      const search = request.query.q?.trim().toLowerCase();
      const { contactId } = request.query;
      const page = await request.scoped((q) => {
        let query = q.selectFrom('submissions').select(SUBMISSION_COLUMNS);
        if (contactId !== undefined) query = query.where('contact_id', '=', contactId);
        if (search) {
          const term = likeEscape(search);
          query = query.where((eb) =>
            eb.or([eb(sql`lower(email)`, 'like', `${term}%`), eb(sql`lower(name)`, 'like', `%${term}%`)]),
          );
        }
        return newestFirstPage(query, 'submission_id', after, limit);
      });
      return { items: page.items.map(submissionView), nextCursor: page.nextCursor };
    },
  );
};
