/** A client's widget: its settings, and the snippet that puts it on a page. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Settings, SettingsChange } from '../api.ts';
import { act, clientId, clientOption, leaf } from '../command-kit.ts';
import { usage } from '../failure.ts';
import { fields } from '../output.ts';
import { readAllStdin } from '../secrets.ts';
import { normalizeUrl } from '../session.ts';

export function registerWidget(program: Command): void {
  const widget = program.command('widget').description("a client's widget: settings and the embed snippet");

  act(
    clientOption(
      leaf(widget, 'get', "show a client's widget settings", [
        'upzento widget get --client 0b7e…',
        'upzento widget get --client 0b7e… --json > settings.json',
      ]),
    ),
    async (context) => {
      const settings = await context.call('GET /v1/clients/{clientId}/settings', {
        params: { clientId: await clientId(context) },
      });
      context.out.data(settings, settingsFields);
    },
  );

  act(
    clientOption(
      leaf(widget, 'set [assignments...]', 'change widget settings: key=value (text), key:=JSON, or --file', [
        'upzento widget set --client 0b7e… title="Talk to us" theme.primary=#0f766e',
        'upzento widget set --client 0b7e… allowLocalhost=true',
        'upzento widget set --client 0b7e… position=bottom-left \'fields:=[{"name":"email","label":"Email","type":"email","required":true}]\'',
        'upzento widget set --client 0b7e… --file settings.json',
      ]),
    )
      .option(
        '--file <path>',
        'a JSON file shaped like `widget get --json` ({ "widget": {…}, "allowLocalhost": … }); - reads stdin',
      )
      .addHelpText(
        'after',
        "\nKeys are those `widget get` shows: allowLocalhost, and the widget's own (title, intro, launcherLabel, submitLabel, successMessage, position, theme.primary, theme.text, theme.background, fields). A value given with = is text, or true/false and numbers where the setting is one; := takes JSON.\n",
      ),
    async (context, ...assignments) => {
      const client = await clientId(context);
      const file = context.options.file as string | undefined;
      if (assignments.length === 0 && file === undefined)
        throw usage(
          'Nothing to change.',
          'Give key=value pairs or --file <path>; `upzento widget set --help` shows the keys.',
        );
      let change: SettingsChange = {};
      if (file !== undefined) change = await readChangeFile(file);
      if (assignments.length > 0) {
        // Nested values (theme) are sent whole, so a change of one of their keys starts from what is stored.
        const current = await context.call('GET /v1/clients/{clientId}/settings', { params: { clientId: client } });
        change = applyAssignments(current, change, assignments);
      }
      const settings = await context.call('PATCH /v1/clients/{clientId}/settings', {
        params: { clientId: client },
        body: change,
      });
      context.out.data(settings, settingsFields);
    },
  );

  act(
    clientOption(
      leaf(widget, 'snippet', 'print the script tag that puts the widget on a page', [
        'upzento widget snippet --client 0b7e…',
        'upzento widget snippet --client 0b7e… --public-url https://upzento.example.com',
      ]),
    ).option(
      '--public-url <url>',
      'the address browsers load the widget from (default: the server the command talks to)',
    ),
    async (context) => {
      const client = await context.call('GET /v1/clients/{clientId}', {
        params: { clientId: await clientId(context) },
      });
      const publicUrl =
        context.options.publicUrl !== undefined
          ? normalizeUrl(context.options.publicUrl as string)
          : await context.baseUrl();
      const src = `${publicUrl}/widget.js`;
      const html = `<script async src="${escapeAttribute(src)}" data-key="${escapeAttribute(client.publicKey)}"></script>`;
      context.out.data({ clientId: client.id, publicKey: client.publicKey, src, html }, (value) => value.html);
      context.out.note(
        'The widget shows on pages of a verified domain of this client (`upzento domains add`), or on localhost with allowLocalhost=true.',
      );
    },
  );
}

async function readChangeFile(file: string): Promise<SettingsChange> {
  let text: string;
  try {
    text = file === '-' ? await readAllStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw usage(`--file: cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usage(`--file: ${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw usage(`--file: ${file} must hold a JSON object like { "widget": { "title": "…" } }.`);
  return parsed as SettingsChange;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `theme.primary=#0f766e` and `fields:=[…]` applied to a change, starting from the stored settings. */
export function applyAssignments(
  current: Settings,
  base: SettingsChange,
  assignments: readonly string[],
): SettingsChange {
  const change: { widget?: Record<string, Json>; allowLocalhost?: boolean } = structuredClone(base) as typeof change;
  const stored = current as unknown as { widget: Record<string, Json>; allowLocalhost: Json };
  for (const assignment of assignments) {
    const match = /^([A-Za-z][\w.]*?)(:=|=)([\s\S]*)$/.exec(assignment);
    if (!match) throw usage(`"${assignment}" is not key=value or key:=JSON.`);
    const [, key, operator, raw] = match as unknown as [string, string, string, string];
    const path = key.split('.');
    if (path[0] === 'widget') path.shift();
    if (path.length === 0 || path.some((part) => part === '')) throw usage(`"${key}" is not a settings key.`);
    if (key === 'allowLocalhost') {
      change.allowLocalhost = parsedValue(raw, operator, stored.allowLocalhost, key) as boolean;
      continue;
    }
    const top = path[0] as string;
    const widget = (change.widget ??= {});
    if (path.length === 1) {
      widget[top] = parsedValue(raw, operator, stored.widget[top], key);
      continue;
    }
    // The whole nested object goes: the stored one with this key changed.
    let node = (widget[top] ??= structuredClone(stored.widget[top] ?? {})) as Record<string, Json>;
    let was: Json | undefined = stored.widget[top];
    for (const part of path.slice(1, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, Json>;
      was = typeof was === 'object' && was !== null && !Array.isArray(was) ? was[part] : undefined;
    }
    const last = path[path.length - 1] as string;
    const storedValue = typeof was === 'object' && was !== null && !Array.isArray(was) ? was[last] : undefined;
    node[last] = parsedValue(raw, operator, storedValue, key);
  }
  return change as SettingsChange;
}

function parsedValue(raw: string, operator: string, stored: Json | undefined, key: string): Json {
  if (operator === ':=') {
    try {
      return JSON.parse(raw) as Json;
    } catch (error) {
      throw usage(`${key}:= takes JSON: ${(error as Error).message}`);
    }
  }
  if (typeof stored === 'boolean') {
    if (/^(true|on|yes)$/i.test(raw)) return true;
    if (/^(false|off|no)$/i.test(raw)) return false;
    throw usage(`${key}: true or false, not "${raw}".`);
  }
  if (typeof stored === 'number') {
    const number = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(number)) throw usage(`${key}: a number, not "${raw}".`);
    return number;
  }
  return raw;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function settingsFields(settings: Settings): string {
  const entries: [string, string][] = [['allowLocalhost', String(settings.allowLocalhost)]];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${key}` : key);
    } else entries.push([prefix, typeof value === 'string' ? value : JSON.stringify(value)]);
  };
  walk(settings.widget, '');
  return fields(entries);
}
