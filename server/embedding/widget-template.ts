/**
 * What a client's widget says and looks like: the settings an admin may change (every property
 * documented, no others), the defaults of a new client, and the settings as read from their row.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { WidgetConfig } from '../../shared/widget-wire.ts';
import { servableWidgetSettings } from './widget-settings-rules.ts';

/**
 * The widget's configuration without its public key, which is the client's, and its flags, which
 * the flag routes set (server/flags/): neither is a setting.
 */
export const WidgetSettings = Type.Omit(WidgetConfig, ['publicKey', 'flags'], { title: 'WidgetSettings' });
export type WidgetSettings = Static<typeof WidgetSettings>;
/** Some of the settings: a change, or what a template sets. */
export const WidgetSettingsChange = Type.Partial(WidgetSettings, { title: 'WidgetSettingsChange' });
/** Settings as they are served: every one present. */
export type ServedWidgetSettings = Required<WidgetSettings>;

/**
 * A stored `client_settings.widget` with only the documented properties, at every level. Earlier
 * versions stored whatever a change carried (a `publicKey` among it); a read never hands that on.
 * Every setting is there, and what the rules now refuse is repaired (servableWidgetSettings).
 */
export function storedWidgetSettings(stored: unknown): ServedWidgetSettings {
  return servableWidgetSettings(Value.Clean(WidgetSettings, structuredClone(stored)) as WidgetSettings);
}

export function defaultWidgetSettings(clientName: string): WidgetSettings {
  return {
    title: `Contact ${clientName}`.slice(0, 120),
    intro: 'Leave your details and we will get back to you.',
    launcherLabel: 'Contact us',
    submitLabel: 'Send',
    successMessage: 'Thank you! We will be in touch soon.',
    position: 'bottom-right',
    theme: { primary: '#2563eb', text: '#111827', background: '#ffffff' },
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: false, maxLength: 200 },
      { name: 'email', label: 'Email', type: 'email', required: true, maxLength: 320 },
      { name: 'message', label: 'Message', type: 'textarea', required: false, maxLength: 5000 },
    ],
  };
}
