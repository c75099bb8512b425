import type { WidgetConfig } from '../../shared/widget-wire-types.js';
import type { ApiError } from '../api-client.js';
import type { FormStatus } from '../form-status.js';
import type { PanelProps } from '../panel-contract.js';
import { fill, type Strings } from '../strings.js';
import { LeadForm } from './lead-form.js';

export type { FormStatus };

export function Panel({ id, config, open, status, strings, prefill, onClose, onSubmit, onReset }: PanelProps) {
  const titleId = `${id}-title`;
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
      <div part="header" class="head">
        <h2 id={titleId} part="title">
          {config.title}
        </h2>
        <button part="close button" class="close" type="button" aria-label={strings.close} onClick={onClose}>
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
          prefill={prefill}
          privacyPolicyUrl={config.privacyPolicyUrl}
          onSubmit={onSubmit}
        />
      )}
      <p part="status" class={status.state === 'error' ? 'status error' : 'status'} role="status">
        {statusText(status, config, strings)}
      </p>
      {sent && (
        <button part="again button" class="again" type="button" onClick={onReset}>
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
      return status.offline ? strings.queued : status.rateLimited ? strings.errorRateLimited : strings.errorUnavailable;
    case 'error':
      return errorText(status.error, config, strings);
    default:
      return '';
  }
}

/**
 * A sentence of the widget's own for a refused submission, chosen by the answer's code, status and the
 * field it names. The server's message is read only for a field's name where an older server names no
 * `field`, and is never shown: it is written for developers.
 */
export function errorText(error: ApiError, config: WidgetConfig, strings: Strings): string {
  if (error.kind !== 'http') return strings.errorUnavailable;
  if (error.status === 403) return strings.errorNotAuthorized;
  if (error.code === 'UPZ_INVALID_EMAIL') return strings.invalidEmail;
  if (error.code === 'UPZ_CONSENT_REQUIRED') return strings.consentRequired;
  if (error.status === 400) {
    const path = error.field ?? /^body\/([\w/]+)/.exec(error.message)?.[1]?.replaceAll('/', '.');
    const name = path?.replace(/^fields\./, '').split('.')[0];
    const field = config.fields.find((f) => f.name === name);
    if (field?.type === 'email') return strings.invalidEmail;
    if (field) return fill(strings.invalidField, { label: field.label });
  }
  return strings.errorInvalid;
}
