/**
 * The API's refusals of widget settings in the words of the form: a 400 names its field as a dotted
 * path (`widget.theme.text`, `widget.fields.2.label`), which becomes the label the person sees
 * ("Text colour", "Label of field 3"), in the message too ("text colour on background colour has
 * contrast 1.00:1; at least 4.5:1 is needed").
 */
import { describeError, UpzentoApiError } from '../api.ts';

const LABELS: Record<string, string> = {
  'widget.title': 'Title',
  'widget.intro': 'Introduction',
  'widget.launcherLabel': 'Launcher label',
  'widget.submitLabel': 'Send button label',
  'widget.successMessage': 'Message after sending',
  'widget.position': 'Position',
  'widget.theme': 'Colours',
  'widget.theme.primary': 'Button colour',
  'widget.theme.text': 'Text colour',
  'widget.theme.background': 'Background colour',
  'widget.fields': 'Fields',
  'widget.locale': 'Language',
  'widget.strings': "Widget's own texts",
  'widget.colorScheme': 'Colour scheme',
  'widget.launcher': 'Launcher',
  'widget.launcher.display': 'Launcher',
  'widget.launcher.icon': 'Launcher icon',
  'widget.launcher.size': 'Launcher size',
  'widget.launcher.offsetX': 'Distance from the side',
  'widget.launcher.offsetY': 'Distance from the bottom',
  'widget.closeOnOutsideClick': 'Close on a click outside',
  'widget.privacyPolicyUrl': 'Privacy policy link',
  allowLocalhost: 'Allow localhost',
};

const FIELD_PARTS: Record<string, string> = {
  label: 'Label',
  name: 'Name',
  type: 'Type',
  required: 'Required',
  maxLength: 'Longest answer',
  placeholder: 'Placeholder',
  options: 'Options',
};

/** The form's label for a settings path the API named. */
export function labelOf(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  const field = /^widget\.fields\.(\d+)(?:\.(\w+))?/.exec(path);
  if (field) {
    const which = `field ${Number(field[1]) + 1}`;
    const part = field[2] ? FIELD_PARTS[field[2]] : undefined;
    return part ? `${part} of ${which}` : which.charAt(0).toUpperCase() + which.slice(1);
  }
  const text = /^widget\.strings\.(\w+)/.exec(path);
  if (text) return `Widget text "${text[1]}"`;
  return path;
}

const PATH = /\b(?:widget(?:\.\w+)+|allowLocalhost)\b/g;

/** What a failed save says to a person: the refusal in the form's words, or describeError's sentence. */
export function describeSettingsError(error: unknown): string {
  const field = error instanceof UpzentoApiError && error.status === 400 ? error.body?.field : undefined;
  if (!field || !(error instanceof UpzentoApiError)) return describeError(error);
  const message = error.body?.message ?? '';
  const label = labelOf(field);
  // Ajv's messages start with where it looked ("body/widget/title must NOT have …").
  const ajv = /^body\/\S*\s+(.*)$/s.exec(message);
  if (ajv) return `${label}: ${ajv[1]}`;
  const ours = message.startsWith(`${field}: `) ? `${label}: ${message.slice(field.length + 2)}` : message;
  const worded = ours.replace(PATH, (path) => labelOf(path).toLowerCase());
  return worded.charAt(0).toUpperCase() + worded.slice(1);
}
