/** What the widget captured for one client, newest first. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHED_ERRORS, ClientParams, Page, PageQuery } from '../http/schemas.ts';
import { decodeCursor, paginate } from '../http/cursor.ts';
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
      const rows = await request.scoped((q) => {
        let query = q.selectFrom('submissions').select(SUBMISSION_COLUMNS);
        if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'submission_id'), '<', eb.tuple(after.at, after.id)));
        return query.orderBy('created_at', 'desc').orderBy('submission_id', 'desc').limit(limit + 1).execute();
      });
      const page = paginate(rows, limit, (row) => ({ at: row.created_at, id: row.submission_id }));
      return { items: page.items.map(submissionView), nextCursor: page.nextCursor };
    },
  );
};
