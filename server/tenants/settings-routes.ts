/**
 * A client's settings: the widget's texts, fields and colours, and whether loopback origins may
 * embed it (for development). Reading needs any role; changing needs admin. A change reaches the
 * verdict caches of every instance, like a domain change.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { WidgetConfig } from '../../shared/widget-wire.ts';
import { AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { announcePolicyChange } from '../domains/policy-events.ts';
import { InvalidInput } from '../errors.ts';
import type { WidgetSettings } from './widget-template.ts';

const Widget = Type.Omit(WidgetConfig, ['publicKey']);
const Settings = Type.Object({ widget: Widget, allowLocalhost: Type.Boolean() });
const SettingsChange = Type.Object(
  { widget: Type.Optional(Type.Partial(Widget)), allowLocalhost: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

/** The widget must still ask for an email (every submission needs one) and name each field once. */
function checkFields(fields: WidgetSettings['fields']): void {
  const email = fields.find((field) => field.name === 'email');
  if (!email || email.type !== 'email' || !email.required) {
    throw new InvalidInput('widget.fields: must include a required field named "email" of type email');
  }
  const names = new Set(fields.map((field) => field.name));
  if (names.size !== fields.length) throw new InvalidInput('widget.fields: each field name may appear once');
}

export interface SettingsRoutesOptions {
  onPolicyChange: (clientId: string) => void;
}

export const settingsRoutes: FastifyPluginAsyncTypebox<SettingsRoutesOptions> = async (app, options) => {
  app.get(
    '/v1/clients/:clientId/settings',
    { config: { access: { on: 'client', role: 'viewer' } }, schema: { params: ClientParams, response: { 200: Settings, ...AUTHED_ERRORS } } },
    async (request) => {
      const row = await request.scoped((q) => q.selectFrom('client_settings').select(['widget', 'allow_localhost']).executeTakeFirstOrThrow());
      return { widget: row.widget as unknown as WidgetSettings, allowLocalhost: row.allow_localhost };
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
      const row = await request.scoped(async (q) => {
        const current = await q.selectFrom('client_settings').select(['widget', 'allow_localhost']).forUpdate().executeTakeFirstOrThrow();
        const widget = { ...(current.widget as unknown as WidgetSettings), ...change.widget };
        checkFields(widget.fields);
        const updated = await q
          .updateTable('client_settings')
          .set({
            widget: JSON.stringify(widget),
            allow_localhost: change.allowLocalhost ?? current.allow_localhost,
            updated_at: sql<Date>`now()`,
          })
          .returning(['widget', 'allow_localhost'])
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'settings.updated',
          targetType: 'client_settings',
          targetId: request.scope.clientId,
          details: { changed: [...Object.keys(change.widget ?? {}).map((key) => `widget.${key}`), ...(change.allowLocalhost === undefined ? [] : ['allowLocalhost'])] },
        });
        await announcePolicyChange(q);
        return updated;
      });
      options.onPolicyChange(request.scope.clientId as string);
      return { widget: row.widget as unknown as WidgetSettings, allowLocalhost: row.allow_localhost };
    },
  );
};
