/**
 * A client's widget settings (GET/PATCH /v1/clients/:clientId/settings) as a form beside a live
 * preview of the real widget, which follows the form before anything is saved; and the script tag
 * that embeds the widget, to copy. Reading needs any role, changing needs admin: others see the
 * settings and the preview with the form disabled and no save.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { contrastRatio, formatContrast, MIN_TEXT_CONTRAST } from '../../shared/contrast.ts';
import { WIDGET_STRING_KEYS } from '../../shared/widget-strings.ts';
import type { WidgetConfig } from '../../shared/widget-wire-types.ts';
import { api, ok, type Schemas } from '../api.ts';
import { ClientFrame } from '../frame.tsx';
import { useClaims } from '../signed-in.ts';
import { CopyButton, Field, Link, LoadState, PageHeader, useAnnouncer, useLoad } from '../ui.tsx';
import { describeSettingsError } from './settings-words.ts';
import { FieldsEditor } from './widget-fields-editor.tsx';
import { WidgetPreview } from './widget-preview.tsx';

type Settings = Schemas['ClientSettings'];
type WidgetSettings = Settings['widget'];
type Launcher = NonNullable<WidgetSettings['launcher']>;

/** What the server serves for a setting the stored widget lacks (shared/widget-defaults.ts). */
const DEFAULT_LAUNCHER: Launcher = { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 };

export function ClientWidgetPage({ clientId }: { clientId: string }) {
  return (
    <ClientFrame clientId={clientId}>
      <WidgetSettingsPage clientId={clientId} />
    </ClientFrame>
  );
}

function WidgetSettingsPage({ clientId }: { clientId: string }) {
  const loaded = useLoad(async () => {
    const params = { params: { path: { clientId } } };
    const [settings, client] = await Promise.all([
      api.GET('/v1/clients/{clientId}/settings', params).then(ok),
      api.GET('/v1/clients/{clientId}', params).then(ok),
    ]);
    return { settings, publicKey: client.publicKey };
  }, [clientId]);
  return (
    <section>
      <PageHeader
        title="Widget"
        description="What the lead form on the client's sites says and looks like, and the tag that puts it there."
      />
      <LoadState loaded={loaded}>
        {({ settings, publicKey }) => (
          <>
            <SettingsEditor clientId={clientId} saved={settings} publicKey={publicKey} />
            <EmbedSnippet clientId={clientId} publicKey={publicKey} />
          </>
        )}
      </LoadState>
    </section>
  );
}

/** Only the settings that differ from what is saved, so the audit log names what changed. */
function changeFrom(saved: Settings, draft: Settings): Schemas['ClientSettingsChange'] {
  const widget: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft.widget)) {
    if (JSON.stringify(value) !== JSON.stringify(saved.widget[key as keyof WidgetSettings])) widget[key] = value;
  }
  const change: Schemas['ClientSettingsChange'] = {};
  if (Object.keys(widget).length > 0) change.widget = widget as Schemas['WidgetSettingsChange'];
  if (draft.allowLocalhost !== saved.allowLocalhost) change.allowLocalhost = draft.allowLocalhost;
  return change;
}

function SettingsEditor({ clientId, saved, publicKey }: { clientId: string; saved: Settings; publicKey: string }) {
  const canChange = useClaims().role === 'admin';
  const [stored, setStored] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcer, announce] = useAnnouncer();
  useEffect(() => {
    setStored(saved);
    setDraft(saved);
  }, [saved]);
  const change = changeFrom(stored, draft);
  const dirty = Object.keys(change).length > 0;
  const widget = draft.widget;
  const launcher = widget.launcher ?? DEFAULT_LAUNCHER;

  const setWidget = (patch: Partial<WidgetSettings>) => setDraft((d) => ({ ...d, widget: { ...d.widget, ...patch } }));
  const setTheme = (patch: Partial<WidgetSettings['theme']>) => setWidget({ theme: { ...widget.theme, ...patch } });
  const setLauncher = (patch: Partial<Launcher>) => setWidget({ launcher: { ...launcher, ...patch } });
  const setString = (key: (typeof WIDGET_STRING_KEYS)[number], text: string) => {
    const strings = { ...widget.strings };
    if (text === '') delete strings[key];
    else strings[key] = text;
    setWidget({ strings });
  };

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const answer = ok(
        await api.PATCH('/v1/clients/{clientId}/settings', { params: { path: { clientId } }, body: change }),
      );
      setStored(answer);
      setDraft(answer);
      announce('Widget settings saved. Sites with the widget show them on their next page load.');
    } catch (failure) {
      setProblem(describeSettingsError(failure));
    } finally {
      setBusy(false);
    }
  }

  const config: WidgetConfig = { ...widget, publicKey, flags: {}, closeOnOutsideClick: false };
  const contrast = contrastRatio(widget.theme.text, widget.theme.background);
  const text = (key: 'title' | 'launcherLabel' | 'submitLabel', label: string, maxLength: number) => (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          value={widget[key]}
          maxLength={maxLength}
          onInput={(e) => setWidget({ [key]: e.currentTarget.value })}
        />
      )}
    </Field>
  );

  return (
    <div class="widget-editor">
      <form class="card widget-form" onSubmit={save} aria-label="Widget settings">
        {!canChange && (
          <p class="notice info">
            You can see these settings and try them in the preview; only admins can change them.
          </p>
        )}
        {canChange && (
          <div class="save-bar">
            <div class="actions">
              <button type="submit" class="primary" disabled={busy || !dirty}>
                {busy ? 'Saving…' : 'Save'}
              </button>
              <button
                type="button"
                disabled={busy || !dirty}
                onClick={() => {
                  setDraft(stored);
                  setProblem(null);
                }}
              >
                Discard changes
              </button>
              <span class="muted">{dirty ? 'Unsaved changes' : 'Everything is saved'}</span>
            </div>
            {problem !== null && (
              <div class="notice error" role="alert">
                {problem}
              </div>
            )}
          </div>
        )}
        <fieldset disabled={!canChange} class="plain">
          <Section title="Texts">
            {text('title', 'Title', 120)}
            <Field label="Introduction" hint="Shown under the title; may be empty.">
              {(id, hint) => (
                <textarea
                  id={id}
                  rows={2}
                  maxLength={500}
                  value={widget.intro}
                  aria-describedby={hint}
                  onInput={(e) => setWidget({ intro: e.currentTarget.value })}
                />
              )}
            </Field>
            {text('launcherLabel', 'Launcher label', 60)}
            {text('submitLabel', 'Send button label', 60)}
            <Field label="Message after sending">
              {(id) => (
                <textarea
                  id={id}
                  rows={2}
                  maxLength={300}
                  value={widget.successMessage}
                  onInput={(e) => setWidget({ successMessage: e.currentTarget.value })}
                />
              )}
            </Field>
          </Section>

          <Section title="Look">
            <div class="colours">
              <Colour
                label="Button colour"
                value={widget.theme.primary}
                onChange={(primary) => setTheme({ primary })}
              />
              <Colour label="Text colour" value={widget.theme.text} onChange={(value) => setTheme({ text: value })} />
              <Colour
                label="Background colour"
                value={widget.theme.background}
                onChange={(background) => setTheme({ background })}
              />
            </div>
            <p class={contrast < MIN_TEXT_CONTRAST ? 'notice error' : 'hint'}>
              Text on background: contrast {formatContrast(contrast)}.{' '}
              {contrast < MIN_TEXT_CONTRAST
                ? `Too low to read: at least ${MIN_TEXT_CONTRAST}:1 is needed, and the server refuses less.`
                : `Readable (at least ${MIN_TEXT_CONTRAST}:1 is needed).`}{' '}
              The widget picks black or white for the text on buttons.
            </p>
            <Choice
              label="Colour scheme"
              value={widget.colorScheme ?? 'auto'}
              options={[
                ['auto', "The visitor's (light or dark)"],
                ['light', 'Always light'],
                ['dark', 'Always dark'],
              ]}
              onChange={(colorScheme) => setWidget({ colorScheme })}
            />
            <Choice
              label="Position"
              value={widget.position}
              options={[
                ['bottom-right', 'Bottom right'],
                ['bottom-left', 'Bottom left'],
              ]}
              onChange={(position) => setWidget({ position })}
            />
            <Choice
              label="Launcher"
              value={launcher.display}
              options={[
                ['button', 'A button'],
                ['none', "None: the site's page opens the form itself"],
              ]}
              onChange={(display) => setLauncher({ display })}
            />
            <Choice
              label="Launcher icon"
              value={launcher.icon}
              options={[
                ['chat', 'Speech bubble'],
                ['mail', 'Envelope'],
                ['question', 'Question mark'],
              ]}
              onChange={(icon) => setLauncher({ icon })}
            />
            <div class="numbers">
              <NumberField
                label="Launcher size (px)"
                min={40}
                max={80}
                value={launcher.size}
                onChange={(size) => setLauncher({ size })}
              />
              <NumberField
                label="Distance from the side (px)"
                min={0}
                max={200}
                value={launcher.offsetX}
                onChange={(offsetX) => setLauncher({ offsetX })}
              />
              <NumberField
                label="Distance from the bottom (px)"
                min={0}
                max={400}
                value={launcher.offsetY}
                onChange={(offsetY) => setLauncher({ offsetY })}
              />
            </div>
          </Section>

          <Section title="Form fields">
            <FieldsEditor fields={widget.fields} onChange={(fields) => setWidget({ fields })} />
          </Section>

          <Section title="Language and behaviour">
            <Field
              label="Language"
              hint="A language tag such as en, de, fr-CH. The widget has its own texts in en, de, fr, es, nl and pt; others fall back to English."
            >
              {(id, hint) => (
                <input
                  id={id}
                  value={widget.locale ?? 'en'}
                  maxLength={35}
                  pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"
                  aria-describedby={hint}
                  onInput={(e) => setWidget({ locale: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field
              label="Privacy policy link"
              hint="An https address, linked beside a consent field; a widget with a consent field needs one."
            >
              {(id, hint) => (
                <input
                  id={id}
                  type="url"
                  value={widget.privacyPolicyUrl ?? ''}
                  maxLength={2048}
                  placeholder="https://www.example.com/privacy"
                  aria-describedby={hint}
                  onInput={(e) => setWidget({ privacyPolicyUrl: e.currentTarget.value.trim() || null })}
                />
              )}
            </Field>
            <Check
              label="Close the form on a click outside it"
              hint="The preview stays open either way, so you can edit beside it."
              checked={widget.closeOnOutsideClick ?? true}
              onChange={(closeOnOutsideClick) => setWidget({ closeOnOutsideClick })}
            />
            <Check
              label="Allow localhost"
              hint="Lets the widget load on http://localhost and http://127.0.0.1 pages, for development. Off for live sites."
              checked={draft.allowLocalhost}
              onChange={(allowLocalhost) => setDraft((d) => ({ ...d, allowLocalhost }))}
            />
            <details class="strings">
              <summary>The widget's own texts ({Object.keys(widget.strings ?? {}).length} changed)</summary>
              <p class="hint">
                Messages the widget shows by itself, in the chosen language. Leave a box empty for the built-in text;{' '}
                <code>{'{label}'}</code> and <code>{'{max}'}</code> are filled in.
              </p>
              {WIDGET_STRING_KEYS.map((key) => (
                <Field key={key} label={stringLabel(key)}>
                  {(id) => (
                    <input
                      id={id}
                      value={widget.strings?.[key] ?? ''}
                      maxLength={300}
                      onInput={(e) => setString(key, e.currentTarget.value)}
                    />
                  )}
                </Field>
              ))}
            </details>
          </Section>
        </fieldset>
        {announcer}
      </form>
      <aside class="widget-preview-column" aria-label="Preview">
        <h2>Preview</h2>
        <WidgetPreview config={config} />
      </aside>
    </div>
  );
}

/** A text's key in words: `fieldRequired` → "Field required". */
function stringLabel(key: string): string {
  const words = key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset class="section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function Colour({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <span class="colour">
          <input id={id} type="color" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
          <code>{value}</code>
        </span>
      )}
    </Field>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
          {options.map(([option, words]) => (
            <option key={option} value={option}>
              {words}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function NumberField({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          value={value}
          onInput={(e) => {
            const next = e.currentTarget.valueAsNumber;
            if (!Number.isNaN(next)) onChange(next);
          }}
        />
      )}
    </Field>
  );
}

function Check({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = `check-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="field">
      <div class="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
      </div>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/** The script tag of the README and docs/widget.md, with this console's own origin as the host. */
export function embedSnippet(origin: string, publicKey: string): string {
  return `<script async src="${origin}/widget.js" data-key="${publicKey}"></script>`;
}

function EmbedSnippet({ clientId, publicKey }: { clientId: string; publicKey: string }) {
  const snippet = embedSnippet(location.origin, publicKey);
  return (
    <section class="card embed" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed on a site</h2>
      <p>
        Put this tag into the pages of the client's site, before <code>{'</body>'}</code>. The widget shows on domains{' '}
        <Link to={`/clients/${clientId}/domains`}>verified for this client</Link>.
      </p>
      <pre class="snippet">
        <code>{snippet}</code>
      </pre>
      <CopyButton text={snippet} label="Copy" what="embed snippet" />
    </section>
  );
}
