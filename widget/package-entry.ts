/**
 * Entry of the npm package `@upzento/widget` (widget/package.json): everything widget/index.ts exports,
 * `window.Upzento`'s type, and a createWidget that says plainly when it is called where there is no
 * document. Importing the package calls nothing of the browser, so server-side rendering may import it;
 * creating a widget there throws, since a widget that silently did nothing would hide the mistake.
 */
import { createWidget as createInDocument, type Widget, type WidgetOptions } from './index.js';

export * from './index.js';
// Brings `declare global { interface Window { Upzento?: UpzentoCommand } }` into the package's declarations.
export type { UpzentoCommand } from './command-queue.js';
export type { WidgetErrorBody, WidgetErrorCode, WidgetStringKey } from '../shared/widget-wire-types.js';

/**
 * Creates a widget: a launcher and its panel, appended to `options.container` or `document.body`. Call it in
 * the browser (in an effect, `onMounted`, a click handler): where there is no `document`, as during
 * server-side rendering, it throws a TypeError that says so.
 */
export function createWidget(options: WidgetOptions): Widget {
  if (typeof document === 'undefined') {
    throw new TypeError(
      'Upzento: createWidget needs a browser document; call it in the browser (an effect or mount hook), not during server-side rendering',
    );
  }
  return createInDocument(options);
}
