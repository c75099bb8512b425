/** What a new client's widget says and looks like until its admin changes it. */
import type { WidgetConfig } from '../../shared/widget-wire.ts';

export type WidgetSettings = Omit<WidgetConfig, 'publicKey'>;

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
