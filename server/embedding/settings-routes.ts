/**
 * A client's settings: the widget's texts, fields, colours, language and behaviour, and whether loopback
 * origins may embed it (for development). Every setting is served, defaults filled in (docs/widget.md). Reading needs any role; changing needs admin. A change reaches the
 * verdict caches of every instance, like a domain change.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { announcePolicyChange } from './policy-events.ts';
import { readClientSettings, settingsRow } from './client-settings.ts';
import { storedWidgetSettings, WidgetSettings, WidgetSettingsChange } from './widget-template.ts';
import { checkWidgetSettings } from './widget-settings-rules.ts';

const Settings = Type.Object(
  { widget: WidgetSettings, allowLocalhost: Type.Boolean() },
  { title: 'ClientSettings', additionalProperties: false },
);
// Closed at every level (WidgetConfig's objects are): a property the settings do not document is a 400.
const SettingsChange = Type.Object(
  {
    widget: Type.Optional(WidgetSettingsChange),
    allowLocalhost: Type.Optional(Type.Boolean()),
  },
  { title: 'ClientSettingsChange', additionalProperties: false, minProperties: 1 },
);

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/clients/:clientId/settings',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: Settings, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const { widget, allowLocalhost } = await request.scoped((q) => readClientSettings(q));
      return { widget, allowLocalhost };
    },
  );

  app.patch(
    '/v1/clients/:clientId/settings',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, body: SettingsChange, response: { 200: Settings, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const change = request.body;
      return request.scoped(async (q) => {
        const current = await readClientSettings(q, { forUpdate: true });
        // Every setting is stored, defaults included, as served: a change is checked whole.
        const widget = { ...current.widget, ...change.widget };
        checkWidgetSettings(widget);
        const allowLocalhost = change.allowLocalhost ?? current.allowLocalhost;
        await q
          .updateTable('client_settings')
          .set({ ...settingsRow(widget, allowLocalhost), updated_at: sql<Date>`now()` })
          .execute();
        await q.audit({
          action: 'settings.updated',
          targetType: 'client_settings',
          targetId: request.scope.clientId,
          details: {
            changed: [
              ...Object.keys(change.widget ?? {}).map((key) => `widget.${key}`),
              ...(change.allowLocalhost === undefined ? [] : ['allowLocalhost']),
            ],
          },
        });
        await announcePolicyChange(q, app.verdicts);
        return { widget: storedWidgetSettings(widget), allowLocalhost };
      });
    },
  );
};
