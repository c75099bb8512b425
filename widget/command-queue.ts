import { createWidget, type Widget, type WidgetOptions } from './create-widget.js';
import { receivePanel } from './panel-loader.js';
import type { WidgetIdentity } from './submission-request.js';
import type { WidgetEventMap } from './widget-events.js';

/**
 * `window.Upzento`. Commands without a `publicKey` act on every widget of the page; `on` without one also
 * subscribes widgets created later, so a page may subscribe before the widget exists.
 */
export interface UpzentoCommand {
  (command: 'init', options: WidgetOptions): Widget | undefined;
  (command: 'open' | 'close' | 'destroy', publicKey?: string): void;
  /** Who the visitor is; for widgets created later too. */
  (command: 'identify', identity: WidgetIdentity, publicKey?: string): void;
  /** Values by field name (hidden fields, prefill); for widgets created later too. */
  (command: 'set', values: Record<string, string>, publicKey?: string): void;
  <K extends keyof WidgetEventMap>(
    command: 'on',
    event: K,
    fn: (payload: WidgetEventMap[K]) => void,
    publicKey?: string,
  ): (() => void) | undefined;
  /** Calls the page's stub queued before the bundle arrived. */
  q?: ArrayLike<unknown>[];
  /** Marks the real command function, so a second copy of the bundle joins it instead of replacing it. */
  loaded?: true;
}

declare global {
  interface Window {
    Upzento?: UpzentoCommand;
  }
}

interface Subscription {
  event: keyof WidgetEventMap;
  fn: (payload: WidgetEventMap[keyof WidgetEventMap]) => void;
  publicKey: string | undefined;
  offs: (() => void)[];
}

/**
 * Installs `window.Upzento` (the one page-wide object the widget keeps), creates a widget for each of
 * `autoInit`, and replays the calls the page queued. An earlier copy of the bundle keeps its command
 * function, which then creates these widgets too.
 */
export function installCommandQueue(
  win: Window,
  autoInit: readonly WidgetOptions[] = [],
  create: (options: WidgetOptions) => Widget = createWidget,
): UpzentoCommand {
  const existing = win.Upzento;
  if (existing?.loaded) {
    for (const options of autoInit) existing('init', options);
    return existing;
  }

  const widgets = new Map<string, Widget>();
  const subscriptions: Subscription[] = [];
  // What the page said before a widget existed, kept for the widgets made later.
  let identity: WidgetIdentity | undefined;
  const values: Record<string, string> = {};

  function subscribe(sub: Subscription, publicKey: string, widget: Widget): void {
    if (!sub.publicKey || sub.publicKey === publicKey) sub.offs.push(widget.on(sub.event, sub.fn));
  }

  function run(command: unknown, args: unknown[]): unknown {
    switch (command) {
      case 'init': {
        const options = args[0] as WidgetOptions;
        // A key already on the page keeps its widget: a script tag and an 'init' for one key make one widget.
        let widget = widgets.get(options.publicKey);
        if (!widget) {
          widget = create({ ...(identity && { identity }), ...options, fields: { ...values, ...options.fields } });
          widgets.set(options.publicKey, widget);
          for (const sub of subscriptions) subscribe(sub, options.publicKey, widget);
        }
        return widget;
      }
      case 'open':
      case 'close':
      case 'destroy':
        for (const [publicKey, widget] of widgets) {
          if (args[0] && args[0] !== publicKey) continue;
          widget[command]();
          if (command === 'destroy') widgets.delete(publicKey);
        }
        return undefined;
      case 'on': {
        const sub = { event: args[0], fn: args[1], publicKey: args[2], offs: [] } as Subscription;
        subscriptions.push(sub);
        for (const [publicKey, widget] of widgets) subscribe(sub, publicKey, widget);
        return () => {
          const index = subscriptions.indexOf(sub);
          if (index >= 0) subscriptions.splice(index, 1);
          for (const off of sub.offs) off();
        };
      }
      case 'identify':
      case 'set': {
        const [payload, publicKey] = args as [WidgetIdentity & Record<string, string>, string | undefined];
        if (!publicKey && command === 'identify') identity = payload;
        if (!publicKey && command === 'set') Object.assign(values, payload);
        for (const [key, widget] of widgets) if (!publicKey || publicKey === key) widget[command](payload);
        return undefined;
      }
      case 'panel':
        // widget-panel.js handing itself over; see panel-loader-script.ts.
        receivePanel(args[0]);
        return undefined;
      default:
        console.warn(`Upzento: unknown command ${JSON.stringify(command)}`);
        return undefined;
    }
  }

  function call(args: unknown[]): unknown {
    try {
      return run(args[0], args.slice(1));
    } catch (e) {
      // A bad call from the page must not stop the calls queued after it.
      console.error(e);
      return undefined;
    }
  }

  const upzento = ((...args: unknown[]) => call(args)) as UpzentoCommand;
  upzento.loaded = true;

  const queued = Array.from(existing?.q ?? [], (args) => Array.from(args));
  win.Upzento = upzento;
  for (const options of autoInit) upzento('init', options);
  // Inits first, so that an 'open' queued before its 'init' still finds the widget.
  const isInit = (args: unknown[]) => args[0] === 'init';
  for (const args of [...queued.filter(isInit), ...queued.filter((args) => !isInit(args))]) call(args);
  return upzento;
}
