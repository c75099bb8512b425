/**
 * Templates to provision a client from in one call: widget settings, feature flags, limits, and
 * the people to invite. The platform keeps templates every agency may use (platform_templates,
 * privileged path); an agency keeps its own (agency_templates). A template is checked whole when it
 * is saved, and what it sets is checked again when a client is made from it, by the same code a
 * later change of each would go through.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Role } from '../db/schema.ts';
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import { settingsRow } from '../embedding/client-settings.ts';
import { defaultWidgetSettings, storedWidgetSettings, WidgetSettingsChange } from '../embedding/widget-template.ts';
import { checkWidgetSettings } from '../embedding/widget-settings-rules.ts';
import { aboutField, InvalidInput } from '../errors.ts';
import { FLAG_NAME } from '../flags/flag-rules.ts';
import { setTenantFlag } from '../flags/flag-settings.ts';
import { RoleName, Timestamp, Uuid } from '../http/schemas.ts';
import { LimitOverrides } from '../limits/limits-routes.ts';
import { changeOverrides, type LimitCache } from '../limits/limits.ts';
import { createInvitation } from './invitations.ts';

export const TemplateContent = Type.Object(
  {
    widget: Type.Optional(WidgetSettingsChange),
    allowLocalhost: Type.Optional(Type.Boolean()),
    flags: Type.Optional(
      Type.Record(
        Type.String({ pattern: FLAG_NAME }),
        Type.Object(
          {
            state: Type.Union([
              Type.Literal('on'),
              Type.Literal('off'),
              Type.Literal('killed'),
              Type.Literal('rollout'),
            ]),
            percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            public: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        { maxProperties: 50, additionalProperties: false, description: "The new client's own flag settings, by name" },
      ),
    ),
    limits: Type.Optional(LimitOverrides),
    invitations: Type.Optional(
      Type.Array(
        Type.Object(
          { email: Type.String({ format: 'email', maxLength: 320 }), role: RoleName },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'People invited into the new client; each invitation token is answered once' },
      ),
    ),
  },
  { title: 'TemplateContent', additionalProperties: false },
);
export type TemplateContent = Static<typeof TemplateContent>;

export const TemplateInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), content: TemplateContent },
  { title: 'TemplateInput', additionalProperties: false },
);
export const Template = Type.Object(
  {
    id: Uuid,
    level: Type.Union([Type.Literal('platform'), Type.Literal('agency')]),
    name: Type.String(),
    content: TemplateContent,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Template' },
);

export interface TemplateRow {
  template_id: string;
  name: string;
  content: unknown;
  created_at: Date;
  updated_at: Date;
}

export function templateView(level: 'platform' | 'agency', row: TemplateRow) {
  return {
    id: row.template_id,
    level,
    name: row.name,
    content: row.content as TemplateContent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the schema cannot say: the widget settings a client would get pass their rules, and a rollout has its percentage. */
export function checkTemplate(content: TemplateContent): void {
  if (content.widget)
    checkWidgetSettings({ ...storedWidgetSettings(defaultWidgetSettings('Template')), ...content.widget });
  for (const [flag, setting] of Object.entries(content.flags ?? {})) {
    if ((setting.state === 'rollout') !== (setting.percent !== undefined))
      throw aboutField(
        new InvalidInput(`content/flags/${flag}/percent: a rollout has one (0 to 100), every other state none`),
        `content/flags/${flag}/percent`,
      );
  }
}

export const TEMPLATE_COLUMNS = ['template_id', 'name', 'content', 'created_at', 'updated_at'] as const;

/** The template `templateId` names for a client of `q`'s agency: the agency's own, else the platform's; null when neither has it. */
export async function findTemplate(
  data: TenantDatabase,
  scope: TenantScope,
  templateId: string,
): Promise<{ level: 'platform' | 'agency'; row: TemplateRow } | null> {
  const system: Actor = { type: 'system', id: null, requestId: null, ip: null };
  const own = await data.scoped({ agencyId: scope.agencyId, clientId: null }, system, (q) =>
    q.selectFrom('agency_templates').select(TEMPLATE_COLUMNS).where('template_id', '=', templateId).executeTakeFirst(),
  );
  if (own) return { level: 'agency', row: own };
  const offered = await data.privileged('a platform template for a new client', (db) =>
    db
      .selectFrom('platform_templates')
      .select(TEMPLATE_COLUMNS)
      .where('template_id', '=', templateId)
      .executeTakeFirst(),
  );
  return offered ? { level: 'platform', row: offered } : null;
}

/**
 * Gives the new client `own` (scoped to it, in the transaction that made it) what the template
 * sets; answers the invitations made, each with its token.
 */
export async function applyTemplate(
  own: ScopedQueries,
  clientName: string,
  template: { level: 'platform' | 'agency'; row: TemplateRow },
  limits: Pick<LimitCache, 'invalidate'>,
  now: Date,
) {
  const content = template.row.content as TemplateContent;
  checkTemplate(content);
  if (content.widget || content.allowLocalhost !== undefined) {
    await own
      .updateTable('client_settings')
      .set(
        // A new client's: loopback origins are off unless the template turns them on.
        settingsRow(
          { ...storedWidgetSettings(defaultWidgetSettings(clientName)), ...content.widget },
          content.allowLocalhost ?? false,
        ),
      )
      .execute();
  }
  for (const [flag, setting] of Object.entries(content.flags ?? {})) await setTenantFlag(own, flag, setting);
  if (content.limits && Object.keys(content.limits).length > 0) await changeOverrides(own, content.limits, limits);
  const invitations = [];
  for (const invitation of content.invitations ?? [])
    invitations.push(await createInvitation(own, { email: invitation.email, role: invitation.role as Role }, now));
  await own.audit({
    action: 'client.provisioned_from_template',
    targetType: 'client',
    targetId: own.scope.clientId,
    details: { templateId: template.row.template_id, level: template.level, name: template.row.name },
  });
  return invitations;
}
