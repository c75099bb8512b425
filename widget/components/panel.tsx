import type { WidgetConfig } from '../../shared/widget-wire.js';
import { LeadForm } from './lead-form.js';

/** Where the user's latest submission stands. */
export type FormStatus =
  | { state: 'idle' | 'sending' | 'sent' | 'queued' }
  | { state: 'error'; message: string };

export const QUEUED_MESSAGE = "You're offline. Your message is saved and will be sent when you're back online.";

export interface PanelProps {
  id: string;
  config: WidgetConfig;
  open: boolean;
  status: FormStatus;
  onClose(): void;
  onSubmit(values: Record<string, string>): void;
}

export function Panel({ id, config, open, status, onClose, onSubmit }: PanelProps) {
  const titleId = `${id}-title`;
  const done = status.state === 'sent' || status.state === 'queued';
  return (
    <div
      part="panel"
      class="panel"
      id={id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      // Focus lands here when the form gives way to its result, so the keyboard stays inside the panel.
      tabIndex={-1}
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="head">
        <h2 id={titleId}>{config.title}</h2>
        <button class="close" type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {config.intro && <p class="intro">{config.intro}</p>}
      {!done && (
        <LeadForm
          fields={config.fields}
          submitLabel={config.submitLabel}
          busy={status.state === 'sending'}
          onSubmit={onSubmit}
        />
      )}
      <p part="status" class={status.state === 'error' ? 'status error' : 'status'} role="status">
        {statusText(status, config)}
      </p>
    </div>
  );
}

function statusText(status: FormStatus, config: WidgetConfig): string {
  switch (status.state) {
    case 'sending':
      return 'Sending…';
    case 'sent':
      return config.successMessage;
    case 'queued':
      return QUEUED_MESSAGE;
    case 'error':
      return status.message;
    default:
      return '';
  }
}
