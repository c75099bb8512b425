/**
 * The real widget (widget/index.ts, loaded by a dynamic import so only this page fetches it) showing
 * settings that are not saved yet. Its `fetch` never reaches the network: the configuration request
 * is answered with the settings given, a submission with a 201 that stores nothing, so the preview
 * can never create a lead. The box has a transform, which makes it the containing block of the
 * widget's fixed launcher and panel, so they stay inside it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetConfig } from '../../shared/widget-wire-types.ts';
import type { Widget } from '../../widget/index.ts';

/** How long the form must be still before the widget is built again. */
const DEBOUNCE_MS = 250;

/** A fetch that answers the widget as the server would, from `config`, and sends nothing anywhere. */
export function previewFetch(config: WidgetConfig): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method === 'GET' && url.pathname.endsWith('/config')) return json(200, config);
    if (method === 'POST' && url.pathname.endsWith('/submissions'))
      return json(201, { id: `preview-${crypto.randomUUID()}` });
    return json(404, { statusCode: 404, error: 'Not Found', message: 'Not part of the preview' });
  };
}

// Not Response.json(): Safari has it only from 17, and the console runs on 16.4.
function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

type WidgetModule = typeof import('../../widget/index.ts');

export function WidgetPreview({ config }: { config: WidgetConfig }) {
  const box = useRef<HTMLDivElement>(null);
  const [module, setModule] = useState<WidgetModule | null>(null);
  const [loadError, setLoadError] = useState(false);
  // Busy from a change until the widget showing it is ready: assistive technology waits for it.
  const [busy, setBusy] = useState(true);
  // Whether the visitor's panel is open, kept across rebuilds; it starts open so the form shows.
  const open = useRef(true);
  const serialized = JSON.stringify(config);

  useEffect(() => {
    let current = true;
    import('../../widget/index.ts').then(
      (loaded) => current && setModule(loaded),
      () => {
        if (!current) return;
        setLoadError(true);
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const container = box.current;
    if (!module || !container) return;
    let widget: Widget | undefined;
    setBusy(true);
    const timer = setTimeout(() => {
      widget = build(module, container, JSON.parse(serialized) as WidgetConfig, open);
      widget.on('ready', () => setBusy(false));
      // A widget that cannot show these settings (its panel failed) is not going to get ready for them.
      widget.on('error', () => setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      widget?.destroy();
    };
  }, [module, serialized]);

  return (
    <div class="widget-preview-wrap">
      <p class="notice info">
        Preview with the settings in the form, saved or not. It sends nothing: what you type into it stays in this page,
        and no lead is created.
      </p>
      {loadError && (
        <p class="notice error" role="alert">
          The preview could not be loaded. Reload the page to try again.
        </p>
      )}
      <section class="widget-preview" ref={box} aria-label="Widget preview" aria-busy={busy} />
    </div>
  );
}

/**
 * A widget in `container` showing `config`; its panel reopened if it was open, without taking the
 * keyboard from where the person is typing.
 */
function build(module: WidgetModule, container: HTMLElement, config: WidgetConfig, open: { current: boolean }) {
  const widget = module.createWidget({
    publicKey: config.publicKey,
    apiBase: location.origin,
    container,
    storage: null,
    fetch: previewFetch(config),
  });
  const typing = document.activeElement;
  let reopening = open.current;
  widget.on('open', () => {
    open.current = true;
    if (!reopening) return;
    // The widget moves focus to its first field as it opens (once or twice): give it back afterwards.
    setTimeout(() => {
      reopening = false;
      // Only while the widget holds it: the person may have moved on to another control meanwhile.
      if (!container.contains(document.activeElement)) return;
      if (typing instanceof HTMLElement && typing.isConnected && !container.contains(typing)) typing.focus();
    }, 0);
  });
  widget.on('close', () => {
    open.current = false;
  });
  if (open.current) widget.open();
  return widget;
}
