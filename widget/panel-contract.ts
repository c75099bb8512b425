import type { WidgetConfig } from '../shared/widget-wire-types.js';
import type { FormStatus } from './form-status.js';
import type { Strings } from './strings.js';

/** What the launcher part of the widget gives the panel it renders. */
export interface PanelProps {
  id: string;
  config: WidgetConfig;
  open: boolean;
  status: FormStatus;
  /** The visitor-facing sentences, from `PanelModule.strings`. */
  strings: Strings;
  /** Values the form starts with, by field name (a known visitor's name and email, values the page set). */
  prefill: Readonly<Record<string, string>>;
  onClose(): void;
  onSubmit(values: Record<string, string>): void;
  /** Back to an empty form after a lead was sent ("send another"). */
  onReset(): void;
}

/**
 * The part of the widget that loads after the launcher shows: the panel, its form and its stylesheet. The
 * script-tag build fetches it as a second file; the bundler build has it inline.
 */
export interface PanelModule {
  /** Renders the panel into `slot`; `null` removes it. */
  render(props: PanelProps | null, slot: Element): void;
  css: string;
  /** The visitor-facing sentences for this configuration: its locale (or `locale`), with its overrides. */
  strings(config: WidgetConfig, locale?: string): Strings;
}
