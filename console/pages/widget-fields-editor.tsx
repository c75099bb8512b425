/**
 * The widget form's fields as a list to edit: each field's label, name, type, whether it is required,
 * its placeholder, longest answer and (for a choice) its options; fields added, removed and moved.
 * The email field stays: every submission needs one (the API refuses a widget without it).
 */
import { useRef, useState } from 'preact/hooks';
import type { Schemas } from '../api.ts';

type WidgetField = Schemas['WidgetField'];

const TYPES: { value: WidgetField['type']; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'email', label: 'Email' },
  { value: 'tel', label: 'Phone' },
  { value: 'textarea', label: 'Long text' },
  { value: 'select', label: 'Choice' },
  { value: 'checkbox', label: 'Checkbox' },
  { value: 'consent', label: 'Consent' },
  { value: 'hidden', label: 'Hidden (set by the page)' },
];

const TYPED = new Set<WidgetField['type']>(['text', 'email', 'tel', 'textarea']);

/** Options as the textarea shows them: one a line, `value = Label`, or the label alone when both are the same. */
function optionsText(options: WidgetField['options']): string {
  return (options ?? []).map((o) => (o.value === o.label ? o.label : `${o.value} = ${o.label}`)).join('\n');
}

function parseOptions(text: string): NonNullable<WidgetField['options']> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      if (at === -1) return { value: line, label: line };
      return { value: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
    });
}

/**
 * The options of a choice as text. Controlled, so "Discard changes" shows the saved options again;
 * while the text reads as the field's options it is kept as typed (a new empty line, spaces).
 */
function OptionsField({
  id,
  options,
  onChange,
}: {
  id: string;
  options: WidgetField['options'];
  onChange: (options: NonNullable<WidgetField['options']>) => void;
}) {
  const [text, setText] = useState(() => optionsText(options));
  const shown = JSON.stringify(parseOptions(text)) === JSON.stringify(options ?? []) ? text : optionsText(options);
  return (
    <div class="field">
      <label for={`${id}-options`}>Options</label>
      <textarea
        id={`${id}-options`}
        rows={3}
        value={shown}
        aria-describedby={`${id}-options-hint`}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(parseOptions(e.currentTarget.value));
        }}
      />
      <p class="hint" id={`${id}-options-hint`}>
        One a line: <code>value = Label</code>, or just the label.
      </p>
    </div>
  );
}

/** The field with `key` set, or left out when `value` is undefined (optional properties are absent, not undefined). */
function withPart<K extends keyof WidgetField>(field: WidgetField, key: K, value: WidgetField[K] | undefined) {
  const next = { ...field };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A field changed to `type`: options only for a choice, and a consent field always required. */
function retyped(field: WidgetField, type: WidgetField['type']): WidgetField {
  let next: WidgetField = { ...field, type };
  if (type === 'select') next.options ??= [{ value: 'first', label: 'First choice' }];
  else next = withPart(next, 'options', undefined);
  if (type === 'consent') next.required = true;
  if (!TYPED.has(type)) next = withPart(next, 'placeholder', undefined);
  return next;
}

export function FieldsEditor({
  fields,
  onChange,
}: {
  fields: WidgetField[];
  onChange: (fields: WidgetField[]) => void;
}) {
  // Stable keys for the rows, so a row being typed in keeps its focus when another moves or goes.
  const keys = useRef<number[]>([]);
  const nextKey = useRef(0);
  if (keys.current.length !== fields.length) keys.current = fields.map(() => nextKey.current++);

  function change(index: number, field: WidgetField) {
    onChange(fields.map((f, i) => (i === index ? field : f)));
  }
  function move(index: number, by: -1 | 1) {
    const order = fields.map((_, i) => i);
    [order[index], order[index + by]] = [order[index + by] as number, order[index] as number];
    keys.current = order.map((i) => keys.current[i] as number);
    onChange(order.map((i) => fields[i] as WidgetField));
  }
  function remove(index: number) {
    keys.current = keys.current.filter((_, i) => i !== index);
    onChange(fields.filter((_, i) => i !== index));
  }
  function add() {
    const taken = new Set(fields.map((f) => f.name));
    let n = fields.length + 1;
    while (taken.has(`field${n}`)) n += 1;
    keys.current = [...keys.current, nextKey.current++];
    onChange([...fields, { name: `field${n}`, label: 'New field', type: 'text', required: false }]);
  }

  return (
    <div class="fields-editor">
      {fields.map((field, index) => (
        <FieldRow
          key={keys.current[index]}
          field={field}
          index={index}
          count={fields.length}
          onChange={(next) => change(index, next)}
          onMove={(by) => move(index, by)}
          onRemove={() => remove(index)}
        />
      ))}
      <button type="button" onClick={add} disabled={fields.length >= 20}>
        Add a field
      </button>
    </div>
  );
}

function FieldRow({
  field,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  field: WidgetField;
  index: number;
  count: number;
  onChange: (field: WidgetField) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = `wf-${index}`;
  const isEmail = field.name === 'email';
  const number = index + 1;
  return (
    <fieldset class="field-row">
      <legend>
        Field {number}: {field.label || field.name}
      </legend>
      <div class="field-grid">
        <div class="field">
          <label for={`${id}-label`}>Label</label>
          <input
            id={`${id}-label`}
            value={field.label}
            maxLength={300}
            onInput={(e) => onChange({ ...field, label: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={field.name}
            pattern="[a-zA-Z][a-zA-Z0-9_]{0,39}"
            readOnly={isEmail}
            aria-describedby={`${id}-name-hint`}
            onInput={(e) => onChange({ ...field, name: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-name-hint`}>
            {isEmail ? 'Every widget asks for an email.' : 'Key the answer is stored under: letters, digits, _.'}
          </p>
        </div>
        <div class="field">
          <label for={`${id}-type`}>Type</label>
          <select
            id={`${id}-type`}
            value={field.type}
            disabled={isEmail}
            onChange={(e) => onChange(retyped(field, e.currentTarget.value as WidgetField['type']))}
          >
            {TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        {TYPED.has(field.type) && (
          <div class="field">
            <label for={`${id}-placeholder`}>Placeholder</label>
            <input
              id={`${id}-placeholder`}
              value={field.placeholder ?? ''}
              maxLength={120}
              onInput={(e) => onChange(withPart(field, 'placeholder', e.currentTarget.value || undefined))}
            />
          </div>
        )}
        {field.type !== 'checkbox' && field.type !== 'consent' && (
          <div class="field">
            <label for={`${id}-max`}>Longest answer (characters)</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              max={5000}
              value={field.maxLength ?? ''}
              onInput={(e) => {
                const value = e.currentTarget.valueAsNumber;
                onChange(withPart(field, 'maxLength', Number.isNaN(value) ? undefined : value));
              }}
            />
          </div>
        )}
      </div>
      {field.type === 'select' && (
        <OptionsField id={id} options={field.options} onChange={(options) => onChange({ ...field, options })} />
      )}
      <div class="actions">
        <label class="checkbox inline">
          <input
            type="checkbox"
            checked={field.required}
            disabled={isEmail || field.type === 'consent'}
            onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
          />
          Required
        </label>
        <button type="button" class="small" onClick={() => onMove(-1)} disabled={index === 0}>
          Move up<span class="visually-hidden"> field {number}</span>
        </button>
        <button type="button" class="small" onClick={() => onMove(1)} disabled={index === count - 1}>
          Move down<span class="visually-hidden"> field {number}</span>
        </button>
        {!isEmail && (
          <button type="button" class="small danger" onClick={onRemove}>
            Remove<span class="visually-hidden"> field {number}</span>
          </button>
        )}
      </div>
    </fieldset>
  );
}
