import { Component, createRef } from 'preact';
import type { WidgetField } from '../../shared/widget-wire-types.js';
import type { Strings } from '../strings.js';
import { fieldError, isRequired, maxLengthOf, validate } from '../validation.js';

export interface LeadFormProps {
  fields: readonly WidgetField[];
  submitLabel: string;
  busy: boolean;
  strings: Strings;
  /** Values the form starts with, by field name: a known visitor's name and email, values the page set. */
  prefill?: Readonly<Record<string, string>>;
  /** The client's privacy policy, linked beside a consent checkbox. */
  privacyPolicyUrl?: string | null | undefined;
  /** Receives every visible field's raw value (checkboxes 'true' / 'false'), once all pass validation. */
  onSubmit(values: Record<string, string>): void;
}

interface LeadFormState {
  /** Messages by field name. */
  errors: Record<string, string>;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A class, not hooks: preact/hooks would add to the panel's size for this one form. */
export class LeadForm extends Component<LeadFormProps, LeadFormState> {
  override state: LeadFormState = { errors: {} };
  #form = createRef<HTMLFormElement>();
  #focusAfterRender: string | undefined;

  // Focus waits for the render so that a screen reader reads the field together with its new message.
  override componentDidUpdate(): void {
    if (this.#focusAfterRender) this.#control(this.#focusAfterRender)?.focus();
    this.#focusAfterRender = undefined;
  }

  #control(name: string): Control | null {
    return this.#form.current?.elements.namedItem(name) as Control | null;
  }

  #value(name: string): string {
    const control = this.#control(name);
    return control instanceof HTMLInputElement && control.type === 'checkbox'
      ? String(control.checked)
      : (control?.value ?? '');
  }

  #handleSubmit = (event: Event): void => {
    event.preventDefault();
    const { fields, busy, strings, onSubmit } = this.props;
    if (busy) return;
    const shown = fields.filter((f) => f.type !== 'hidden');
    const values = Object.fromEntries(shown.map((f) => [f.name, this.#value(f.name)]));
    const errors = validate(shown, values, strings);
    this.#focusAfterRender = shown.find((f) => errors[f.name])?.name;
    this.setState({ errors });
    if (!this.#focusAfterRender) onSubmit(values);
  };

  // Once a field shows a message, it is checked again as the user types, so the message leaves when fixed.
  #handleInput = (event: Event): void => {
    const target = event.target as Control;
    const field = this.props.fields.find((f) => f.name === target.name);
    if (!field || !this.state.errors[field.name]) return;
    const errors = { ...this.state.errors };
    const error = fieldError(field, this.#value(field.name), this.props.strings);
    if (error) errors[field.name] = error;
    else delete errors[field.name];
    this.setState({ errors });
  };

  override render(
    { fields, submitLabel, busy, strings, prefill = {}, privacyPolicyUrl }: LeadFormProps,
    { errors }: LeadFormState,
  ) {
    return (
      <form
        ref={this.#form}
        part="form"
        noValidate
        aria-busy={busy}
        onSubmit={this.#handleSubmit}
        onInput={this.#handleInput}
        onChange={this.#handleInput}
      >
        {fields.map(
          (field) =>
            field.type !== 'hidden' && (
              <Field
                key={field.name}
                field={field}
                error={errors[field.name]}
                initial={prefill[field.name]}
                strings={strings}
                privacyPolicyUrl={privacyPolicyUrl}
              />
            ),
        )}
        {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus on the page. */}
        <button part="submit button" class="submit" type="submit" aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
    );
  }
}

interface FieldProps {
  field: WidgetField;
  error: string | undefined;
  initial: string | undefined;
  strings: Strings;
  privacyPolicyUrl: string | null | undefined;
}

const AUTOCOMPLETE: Record<string, string> = { name: 'name', email: 'email', tel: 'tel' };

function Field({ field, error, initial, strings, privacyPolicyUrl }: FieldProps) {
  const id = `upz-field-${field.name}`;
  const errorId = `${id}-error`;
  const { name, type, label } = field;
  const required = isRequired(field);
  const common = {
    id,
    name,
    required,
    'aria-invalid': !!error,
    'aria-describedby': error ? errorId : undefined,
  };
  const message = error && (
    <p id={errorId} part="error" class="err">
      {error}
    </p>
  );
  if (type === 'checkbox' || type === 'consent') {
    return (
      <div part="field" class="field check">
        <input part="checkbox" type="checkbox" {...common} defaultChecked={initial === 'true'} />
        <label part="label" for={id}>
          {label}
          {required && type === 'checkbox' && <span aria-hidden="true"> *</span>}
          {type === 'consent' && privacyPolicyUrl && (
            <>
              {' '}
              <a part="link" href={privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
                {strings.privacyPolicy}
              </a>
            </>
          )}
        </label>
        {message}
      </div>
    );
  }
  const text = {
    ...common,
    part: 'input',
    maxLength: maxLengthOf(field),
    placeholder: field.placeholder,
    defaultValue: initial,
    autoComplete: AUTOCOMPLETE[name] ?? AUTOCOMPLETE[type],
  };
  return (
    <div part="field" class="field">
      <label part="label" for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {type === 'textarea' ? (
        <textarea rows={4} {...text} />
      ) : type === 'select' ? (
        <select {...common} part="input select" defaultValue={initial ?? ''}>
          <option value="">{strings.selectPlaceholder}</option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={type} inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : undefined} {...text} />
      )}
      {message}
    </div>
  );
}
