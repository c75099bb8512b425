/** What the widget captured for one client, newest first. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHED_ERRORS, ClientParams, Page, PageQuery } from '../http/schemas.ts';
import { decodeCursor, newestFirstPage } from '../http/cursor.ts';
import { Submission, SUBMISSION_COLUMNS, submissionView } from './submission-view.ts';

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
      const page = await request.scoped((q) =>
        newestFirstPage(q.selectFrom('submissions').select(SUBMISSION_COLUMNS), 'submission_id', after, limit),
      );
      return { items: page.items.map(submissionView), nextCursor: page.nextCursor };
    },
  );
};
