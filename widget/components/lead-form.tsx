import { Component, createRef } from 'preact';
import type { WidgetField } from '../../shared/widget-wire.js';
import type { Strings } from '../strings.js';
import { fieldError, isRequired, maxLengthOf, validate } from '../validation.js';

export interface LeadFormProps {
  fields: readonly WidgetField[];
  submitLabel: string;
  busy: boolean;
  strings: Strings;
  /** Receives every field's raw value, by field name, once all of them pass validation. */
  onSubmit(values: Record<string, string>): void;
}

interface LeadFormState {
  /** Messages by field name. */
  errors: Record<string, string>;
}

/** A class, not hooks: preact/hooks would spend a tenth of the widget's size budget on this one form. */
export class LeadForm extends Component<LeadFormProps, LeadFormState> {
  override state: LeadFormState = { errors: {} };
  #form = createRef<HTMLFormElement>();
  #focusAfterRender: string | undefined;

  // Focus waits for the render so that a screen reader reads the field together with its new message.
  override componentDidUpdate(): void {
    if (this.#focusAfterRender) this.#control(this.#focusAfterRender)?.focus();
    this.#focusAfterRender = undefined;
  }

  #control(name: string): HTMLInputElement | HTMLTextAreaElement | null {
    return this.#form.current?.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  }

  #handleSubmit = (event: Event): void => {
    event.preventDefault();
    const { fields, busy, strings, onSubmit } = this.props;
    if (busy) return;
    const values = Object.fromEntries(fields.map((f) => [f.name, this.#control(f.name)?.value ?? '']));
    const errors = validate(fields, values, strings);
    this.#focusAfterRender = fields.find((f) => errors[f.name])?.name;
    this.setState({ errors });
    if (!this.#focusAfterRender) onSubmit(values);
  };

  // Once a field shows a message, it is checked again as the user types, so the message leaves when fixed.
  #handleInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const field = this.props.fields.find((f) => f.name === target.name);
    if (!field || !this.state.errors[field.name]) return;
    const errors = { ...this.state.errors };
    const error = fieldError(field, target.value, this.props.strings);
    if (error) errors[field.name] = error;
    else delete errors[field.name];
    this.setState({ errors });
  };

  override render({ fields, submitLabel, busy }: LeadFormProps, { errors }: LeadFormState) {
    return (
      <form
        ref={this.#form}
        part="form"
        noValidate
        aria-busy={busy}
        onSubmit={this.#handleSubmit}
        onInput={this.#handleInput}
      >
        {fields.map((field) => (
          <Field key={field.name} field={field} error={errors[field.name]} />
        ))}
        {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus on the page. */}
        <button part="submit" class="submit" type="submit" aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
    );
  }
}

function Field({ field, error }: { field: WidgetField; error: string | undefined }) {
  const id = `upz-field-${field.name}`;
  const errorId = `${id}-error`;
  const { name, type } = field;
  const attributes = {
    id,
    name,
    required: isRequired(field),
    maxLength: maxLengthOf(field),
    autoComplete: name === 'name' ? 'name' : type === 'email' || type === 'tel' ? type : undefined,
    'aria-invalid': !!error,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div class="field">
      <label for={id}>
        {field.label}
        {isRequired(field) && <span aria-hidden="true"> *</span>}
      </label>
      {field.type === 'textarea' ? <textarea rows={4} {...attributes} /> : <input type={field.type} {...attributes} />}
      {error && (
        <p id={errorId} class="err">
          {error}
        </p>
      )}
    </div>
  );
}
