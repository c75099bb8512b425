/**
 * The rules a client's widget settings must meet beyond their schema, each refusal a 400 naming its field,
 * and the repair of stored settings that an earlier version accepted and these rules would refuse.
 */
import { contrastRatio, formatContrast, MIN_TEXT_CONTRAST, readableTextOn } from '../../shared/contrast.ts';
import { WIDGET_DEFAULTS } from '../../shared/widget-defaults.ts';
import type { WidgetConfig, WidgetField } from '../../shared/widget-wire.ts';
import { aboutField, InvalidInput, LowContrast } from '../errors.ts';

/** The settings as stored: the configuration without its key (widget-template.ts's schema). */
type WidgetSettings = Omit<WidgetConfig, 'publicKey' | 'flags'>;

/** Settings whose text must have something in it; an empty title or button would leave a blank widget. */
const NON_BLANK = ['title', 'launcherLabel', 'submitLabel'] as const;

/** What a blank text of an earlier version is served as. */
const BLANK_REPLACEMENTS: Record<(typeof NON_BLANK)[number], string> = {
  title: 'Contact us',
  launcherLabel: 'Contact us',
  submitLabel: 'Send',
};

function refuse(field: string, problem: string): never {
  throw aboutField(new InvalidInput(`${field}: ${problem}`), field);
}

const isBlank = (text: string) => text.trim() === '';

/** Throws the first rule `widget` breaks, as a 400 naming the field. */
export function checkWidgetSettings(widget: Required<WidgetSettings>): void {
  for (const key of NON_BLANK) if (isBlank(widget[key])) refuse(`widget.${key}`, 'must not be empty or only spaces');
  checkContrast(widget.theme);
  for (const [key, text] of Object.entries(widget.strings)) {
    if (typeof text === 'string' && isBlank(text))
      refuse(`widget.strings.${key}`, 'must not be empty or only spaces; leave the key out to use the default');
  }
  if (widget.privacyPolicyUrl !== null && !isHttpsUrl(widget.privacyPolicyUrl))
    refuse('widget.privacyPolicyUrl', 'must be an absolute https URL');
  checkFields(widget.fields, widget.privacyPolicyUrl);
}

function checkContrast(theme: WidgetSettings['theme']): void {
  const ratio = contrastRatio(theme.text, theme.background);
  if (ratio < MIN_TEXT_CONTRAST) {
    throw aboutField(
      new LowContrast(
        `widget.theme.text on widget.theme.background has contrast ${formatContrast(ratio)}; at least ${MIN_TEXT_CONTRAST}:1 is needed`,
      ),
      'widget.theme.text',
    );
  }
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The widget must still ask for an email (every submission needs one), name each field once, and say what each type needs. */
function checkFields(fields: readonly WidgetField[], privacyPolicyUrl: string | null): void {
  const email = fields.find((field) => field.name === 'email');
  if (email?.type !== 'email' || !email.required)
    refuse('widget.fields', 'must include a required field named "email" of type email');
  const names = new Set(fields.map((field) => field.name));
  if (names.size !== fields.length) refuse('widget.fields', 'each field name may appear once');
  fields.forEach((field, index) => {
    const at = `widget.fields.${index}`;
    if (isBlank(field.label)) refuse(`${at}.label`, 'must not be empty or only spaces');
    if (field.type === 'select') {
      if (!field.options) refuse(`${at}.options`, 'a select field needs its options');
      const values = new Set(field.options.map((option) => option.value));
      if (values.size !== field.options.length) refuse(`${at}.options`, 'each option value may appear once');
      field.options.forEach((option, i) => {
        if (isBlank(option.value)) refuse(`${at}.options.${i}.value`, 'must not be empty or only spaces');
        if (isBlank(option.label)) refuse(`${at}.options.${i}.label`, 'must not be empty or only spaces');
      });
    } else if (field.options !== undefined) {
      refuse(`${at}.options`, 'only a select field has options');
    }
    if (field.type === 'consent') {
      if (!field.required) refuse(`${at}.required`, 'a consent field is always required');
      if (privacyPolicyUrl === null)
        refuse('widget.privacyPolicyUrl', 'a widget with a consent field needs the https URL of the privacy policy');
    }
  });
  if (fields.filter((field) => field.type === 'consent').length > 1)
    refuse('widget.fields', 'a widget has at most one consent field');
}

/**
 * Stored settings as they are served: every setting present (WIDGET_DEFAULTS for the ones not set), and
 * what an earlier version accepted and the rules now refuse repaired rather than refused, so every
 * client's widget keeps working: a blank title or button label gets a default text, a blank field label
 * the field's name, and theme text that is unreadable on its background black or white, whichever reads.
 * The next change of the settings stores them so.
 */
export function servableWidgetSettings(settings: WidgetSettings): Required<WidgetSettings> {
  const served: Required<WidgetSettings> = {
    ...structuredClone(WIDGET_DEFAULTS),
    ...settings,
  } as Required<WidgetSettings>;
  for (const key of NON_BLANK) if (isBlank(served[key])) served[key] = BLANK_REPLACEMENTS[key];
  served.fields = served.fields.map((field) => (isBlank(field.label) ? { ...field, label: field.name } : field));
  const { theme } = served;
  if (contrastRatio(theme.text, theme.background) < MIN_TEXT_CONTRAST)
    served.theme = { ...theme, text: readableTextOn(theme.background) };
  return served;
}
