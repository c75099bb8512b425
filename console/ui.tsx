/**
 * The console's building blocks: links, page headers, loading and error states, tables that scroll
 * sideways on a phone, fields with their labels and errors, copy buttons, confirmations in a modal
 * <dialog>, and a status line that screen readers announce.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from './api.ts';
import { BASE, onLinkClick } from './router.ts';

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ComponentChildren } & Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a href={`${BASE}${to}`} onClick={(event) => onLinkClick(event as unknown as MouseEvent, to)} {...rest}>
      {children}
    </a>
  );
}

/** The page's title, focused when the page opens so a screen reader says where the person is. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ComponentChildren;
  actions?: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Upzento console`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header class="page-header">
      <div>
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {description && <p class="muted">{description}</p>}
      </div>
      {actions && <div class="actions">{actions}</div>}
    </header>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` now and whenever `deps` change; an answer that arrives after a newer call is dropped.
 * Data loaded for other deps is never given out under new ones (a client's leads under another
 * client's name); only `reload()` of the same deps keeps showing the data it is replacing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{
    data: T | undefined;
    error: unknown;
    loading: boolean;
    deps: readonly unknown[];
  }>({
    data: undefined,
    error: null,
    loading: true,
    deps,
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((before) =>
      sameDeps(before.deps, deps)
        ? { ...before, loading: true }
        : { data: undefined, error: null, loading: true, deps },
    );
    load().then(
      (data) => current && setState({ data, error: null, loading: false, deps }),
      (error: unknown) =>
        current &&
        setState((before) => ({
          data: sameDeps(before.deps, deps) ? before.data : undefined,
          error,
          loading: false,
          deps,
        })),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // Between new deps and the effect that loads for them, the state still holds the old deps' answer.
  if (!sameDeps(state.deps, deps)) return { data: undefined, error: null, loading: true, reload };
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** A loading line, the error with a retry, or the content (marked busy while it is being reloaded). */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error && loaded.data === undefined) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined)
    return (
      <p class="muted" role="status">
        Loading…
      </p>
    );
  return (
    <div class="loaded" aria-busy={loaded.loading ? 'true' : undefined}>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {children(loaded.data)}
    </div>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice error" role="alert">
      <span>{describeError(error)}</span>
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A polite live region: what just happened ("Copied", "Saved"), read out without moving focus. */
export function useAnnouncer(): [ComponentChildren, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const announce = useCallback((text: string) => {
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 4000);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  const region = (
    <p class="announcer" role="status" aria-live="polite">
      {message}
    </p>
  );
  return [region, announce];
}

/** A copy button that says "Copied", or, where the browser refuses the clipboard, how to copy by hand. */
export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  async function copy() {
    clearTimeout(timer.current);
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    setOutcome(copied ? 'copied' : 'failed');
    // A failure stays longer: it is read, then acted on.
    timer.current = setTimeout(() => setOutcome(null), copied ? 2000 : 6000);
  }
  return (
    <button type="button" class="small" onClick={copy} aria-label={`${label} ${what}`}>
      <span aria-live="polite">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed: select the text and copy it' : label}
      </span>
    </button>
  );
}

/** A value to copy, shown in a monospace box with its button. */
export function CopyValue({ value, what }: { value: string; what: string }) {
  return (
    <div class="copy-value">
      <code>{value}</code>
      <CopyButton text={value} what={what} />
    </div>
  );
}

/**
 * A button that asks first, in a modal dialog that keeps focus inside it and closes with Escape.
 * `onConfirm` runs only after "confirm"; its failure is shown in the dialog.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  danger = false,
  class: className = '',
}: {
  label: ComponentChildren;
  title: string;
  message: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  danger?: boolean;
  class?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        class={`${danger ? 'danger' : ''} ${className}`.trim()}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={undefined} aria-label={title}>
        <h2>{title}</h2>
        <div>{message}</div>
        {error !== null && <ErrorNotice error={error} />}
        <div class="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" class={danger ? 'danger' : 'primary'} onClick={confirm} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}

let nextId = 0;
/** An id for a label's `for`, stable for the component's life. */
export function useId(prefix: string): string {
  const id = useRef<string>();
  id.current ??= `${prefix}-${++nextId}`;
  return id.current;
}

/** A labelled control; `children` gets the id to put on the control. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ComponentChildren;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}) {
  const id = useId('field');
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A form that disables itself while `onSubmit` runs and shows what failed. `focusOnOpen` (default
 * false) puts focus on its first field when it opens: for a form made anew (a new `key`) after its
 * last submission, whose button, focused until then, is gone with the old form.
 */
export function Form({
  onSubmit,
  children,
  submitLabel,
  class: className,
  label,
  focusOnOpen = false,
}: {
  onSubmit: (form: FormData) => Promise<void>;
  children: ComponentChildren;
  submitLabel: string;
  class?: string;
  label?: string;
  focusOnOpen?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnOpen) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(new FormData(event.currentTarget as HTMLFormElement));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form ref={form} onSubmit={submit} class={className} aria-label={label}>
      {children}
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Working…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) {
  return (
    // A region that scrolls must be reachable by keyboard to be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section class="table-wrap" tabIndex={0} aria-label={caption}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

export function Badge({ tone, children }: { tone: 'good' | 'warn' | 'bad' | 'neutral'; children: ComponentChildren }) {
  return <span class={`badge ${tone}`}>{children}</span>;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A moment as the reader's own date and time, with the exact instant in `datetime`. */
export function When({ value, relativeTo }: { value: string | null | undefined; relativeTo?: number }) {
  if (!value) return <span class="muted">never</span>;
  const at = new Date(value);
  return (
    <time dateTime={at.toISOString()} title={at.toISOString()}>
      {relativeTo === undefined ? dateTime.format(at) : describeRelative(at.getTime() - relativeTo)}
    </time>
  );
}

function describeRelative(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** "Next page" for a cursor-paged list; "First page" once past it. */
export function Pager({
  nextCursor,
  cursor,
  onCursor,
}: {
  nextCursor: string | null | undefined;
  cursor: string | null;
  onCursor: (cursor: string | null) => void;
}) {
  if (!nextCursor && !cursor) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" onClick={() => onCursor(null)} disabled={!cursor}>
        First page
      </button>
      <button type="button" onClick={() => onCursor(nextCursor ?? null)} disabled={!nextCursor}>
        Next page
      </button>
    </nav>
  );
}
