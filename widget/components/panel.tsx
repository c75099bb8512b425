import type { WidgetConfig } from '../../shared/widget-wire.js';
import type { ApiError } from '../api-client.js';
import type { FormStatus } from '../form-status.js';
import type { PanelProps } from '../panel-contract.js';
import { EN, fill, type Strings } from '../strings.js';
import { LeadForm } from './lead-form.js';

export type { FormStatus };

export function Panel({ id, config, open, status, onClose, onSubmit, onReset }: PanelProps) {
  const titleId = `${id}-title`;
  const strings = EN;
  const sent = status.state === 'sent';
  const done = sent || status.state === 'queued';
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
    >
      <div class="head">
        <h2 id={titleId} part="title">
          {config.title}
        </h2>
        <button part="close" class="close" type="button" aria-label={strings.close} onClick={onClose}>
          ×
        </button>
      </div>
      {!done && config.intro && (
        <p part="intro" class="intro">
          {config.intro}
        </p>
      )}
      {!done && (
        <LeadForm
          fields={config.fields}
          submitLabel={config.submitLabel}
          busy={status.state === 'sending'}
          strings={strings}
          onSubmit={onSubmit}
        />
      )}
      <p part="status" class={status.state === 'error' ? 'status error' : 'status'} role="status">
        {statusText(status, config, strings)}
      </p>
      {sent && (
        <button part="again" class="again" type="button" onClick={onReset}>
          {strings.sendAnother}
        </button>
      )}
    </div>
  );
}

function statusText(status: FormStatus, config: WidgetConfig, strings: Strings): string {
  switch (status.state) {
    case 'sending':
      return strings.sending;
    case 'sent':
      return config.successMessage;
    case 'queued':
      return status.offline ? strings.queuedOffline : strings.queuedServer;
    case 'error':
      return errorText(status.error, config, strings);
    default:
      return '';
  }
}

/**
 * A sentence of the widget's own for a refused submission, chosen by status and by the field the server
 * named. The server's message is read only for that field's name, never shown: it is written for developers.
 */
export function errorText(error: ApiError, config: WidgetConfig, strings: Strings): string {
  if (error.kind === 'http' && error.status === 400) {
    const name = /^body\/(?:fields\/)?([A-Za-z]\w*)/.exec(error.message)?.[1];
    const field = config.fields.find((f) => f.name === name);
    if (field?.type === 'email') return strings.invalidEmail;
    if (field) return fill(strings.invalidField, { label: field.label });
  }
  if (error.kind === 'http' && error.status === 403) return strings.refused;
  return strings.failed;
}
