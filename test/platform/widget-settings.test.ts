/**
 * The widget's settings: every planned setting round-trips and is served by the config route with its
 * default when unset; each rule beyond the schema is a 400 naming the field, and nothing changes; stored
 * settings an earlier version accepted and the rules now refuse are served repaired.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contrastRatio, formatContrast } from '../../shared/contrast.ts';
import { WIDGET_STRING_KEYS } from '../../shared/widget-strings.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, expectStatus } from './provision.ts';
import { storedWidgetSettings, storeWidgetSettings } from '../support/stored-widget.ts';

const LOCAL_ORIGIN = 'http://localhost:3000';
const EMAIL = { name: 'email', label: 'Email', type: 'email', required: true };
const CONSENT = {
  name: 'consent',
  label: 'I agree that Acme keeps my details to answer me.',
  type: 'consent',
  required: true,
};

let t: TestApp;
let agencyId: string;
let client: { id: string; publicKey: string };

beforeAll(async () => {
  t = await createTestApp();
  agencyId = (await createAgency(t)).id;
  client = await createClient(t, t.adminToken, agencyId);
  expectStatus(await t.call('PATCH', `/v1/clients/${client.id}/settings`, t.adminToken, { allowLocalhost: true }), 200);
});
afterAll(() => t?.close());

const settingsOf = (id: string) => `/v1/clients/${id}/settings`;
const patch = (widget: object, id = client.id) => t.call('PATCH', settingsOf(id), t.adminToken, { widget });
async function servedConfig(target = client) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/v1/widget/${target.publicKey}/config`,
    headers: { origin: LOCAL_ORIGIN },
  });
  expectStatus(response, 200);
  return response.json();
}

describe('every setting', () => {
  test('is served with its default while unset', async () => {
    const config = await servedConfig();
    expect(config).toMatchObject({
      locale: 'en',
      strings: {},
      colorScheme: 'auto',
      launcher: { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 },
      closeOnOutsideClick: true,
      privacyPolicyUrl: null,
    });
    expect((await t.call('GET', settingsOf(client.id), t.adminToken)).json().widget).toMatchObject({
      locale: 'en',
      colorScheme: 'auto',
      privacyPolicyUrl: null,
    });
  });

  test('round-trips and reaches the served configuration', async () => {
    const widget = {
      locale: 'de-CH',
      strings: { close: 'Schliessen', fieldRequired: '{label} fehlt.' },
      colorScheme: 'dark',
      launcher: { display: 'none', icon: 'question', size: 80, offsetX: 0, offsetY: 400 },
      closeOnOutsideClick: false,
      privacyPolicyUrl: 'https://acme.example/privacy',
      theme: { primary: '#2563eb', text: '#f9fafb', background: '#111827' },
      fields: [
        EMAIL,
        {
          name: 'topic',
          label: 'Topic',
          type: 'select',
          required: true,
          options: [
            { value: 'sales', label: 'Sales' },
            { value: 'support', label: 'Support' },
          ],
        },
        { name: 'newsletter', label: 'Send me news', type: 'checkbox', required: false },
        { name: 'campaign', label: 'Campaign', type: 'hidden', required: false },
        { name: 'company', label: 'Company', type: 'text', required: false, placeholder: 'Acme Ltd' },
        CONSENT,
      ],
    };
    const changed = await patch(widget);
    expectStatus(changed, 200);
    expect(changed.json().widget).toMatchObject(widget);
    expect(await servedConfig()).toMatchObject({ ...widget, publicKey: client.publicKey });
    expect((await t.call('GET', settingsOf(client.id), t.adminToken)).json().widget).toMatchObject(widget);
  });
});

describe('refusals: a 400 naming the field, and nothing changes', () => {
  const cases: Array<[string, object, string, RegExp, string?]> = [
    ['a title of spaces', { title: '   ' }, 'widget.title', /must not be empty/],
    ['an empty launcher label', { launcherLabel: '' }, 'widget.launcherLabel', /fewer than 1|must not be empty/],
    ['a submit label of a tab and a newline', { submitLabel: '\t\n' }, 'widget.submitLabel', /must not be empty/],
    [
      'a field label of spaces',
      { fields: [EMAIL, { name: 'company', label: '  ', type: 'text', required: false }] },
      'widget.fields.1.label',
      /must not be empty/,
    ],
    [
      'a select without options',
      { fields: [EMAIL, { name: 'topic', label: 'Topic', type: 'select', required: false }] },
      'widget.fields.1.options',
      /needs its options/,
    ],
    [
      'a select with no option',
      { fields: [EMAIL, { name: 'topic', label: 'Topic', type: 'select', required: false, options: [] }] },
      'widget.fields.1.options',
      /fewer than 1/,
    ],
    [
      'a select with 51 options',
      {
        fields: [
          EMAIL,
          {
            name: 'topic',
            label: 'Topic',
            type: 'select',
            required: false,
            options: Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `V${i}` })),
          },
        ],
      },
      'widget.fields.1.options',
      /more than 50/,
    ],
    [
      'a select with one value twice',
      {
        fields: [
          EMAIL,
          {
            name: 'topic',
            label: 'Topic',
            type: 'select',
            required: false,
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'B' },
            ],
          },
        ],
      },
      'widget.fields.1.options',
      /once/,
    ],
    [
      'an option label of spaces',
      {
        fields: [
          EMAIL,
          { name: 'topic', label: 'Topic', type: 'select', required: false, options: [{ value: 'a', label: ' ' }] },
        ],
      },
      'widget.fields.1.options.0.label',
      /must not be empty/,
    ],
    [
      'options on a text field',
      {
        fields: [
          EMAIL,
          { name: 'company', label: 'Company', type: 'text', required: false, options: [{ value: 'a', label: 'A' }] },
        ],
      },
      'widget.fields.1.options',
      /only a select/,
    ],
    [
      'a consent field without a privacy policy',
      { privacyPolicyUrl: null, fields: [EMAIL, CONSENT] },
      'widget.privacyPolicyUrl',
      /privacy policy/,
    ],
    [
      'a consent field that is optional',
      { privacyPolicyUrl: 'https://acme.example/privacy', fields: [EMAIL, { ...CONSENT, required: false }] },
      'widget.fields.1.required',
      /always required/,
    ],
    [
      'two consent fields',
      { privacyPolicyUrl: 'https://acme.example/privacy', fields: [EMAIL, CONSENT, { ...CONSENT, name: 'consent2' }] },
      'widget.fields',
      /at most one consent/,
    ],
    [
      'a privacy policy over http',
      { privacyPolicyUrl: 'http://acme.example/privacy' },
      'widget.privacyPolicyUrl',
      /pattern/,
    ],
    [
      'a privacy policy that is no URL',
      { privacyPolicyUrl: 'https://' },
      'widget.privacyPolicyUrl',
      /absolute https URL/,
    ],
    [
      'a privacy policy URL with credentials',
      { privacyPolicyUrl: 'https://user:pw@acme.example/' },
      'widget.privacyPolicyUrl',
      /absolute https URL/,
    ],
    [
      'a string key the widget does not have',
      { strings: { greeting: 'Hi' } },
      'widget.strings.greeting',
      /additional properties/,
    ],
    ['a string over 300 characters', { strings: { close: 'x'.repeat(301) } }, 'widget.strings.close', /more than 300/],
    ['a string of spaces', { strings: { close: '  ' } }, 'widget.strings.close', /must not be empty/],
    [
      'a launcher too small',
      { launcher: { display: 'button', icon: 'chat', size: 39, offsetX: 20, offsetY: 20 } },
      'widget.launcher.size',
      />= 40/,
    ],
    [
      'a launcher too far up',
      { launcher: { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 401 } },
      'widget.launcher.offsetY',
      /<= 400/,
    ],
    [
      'a launcher at a fraction of a pixel',
      { launcher: { display: 'button', icon: 'chat', size: 56.5, offsetX: 20, offsetY: 20 } },
      'widget.launcher.size',
      /integer/,
    ],
    [
      'a launcher with an unknown property',
      { launcher: { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20, zIndex: 9 } },
      'widget.launcher.zIndex',
      /additional/,
    ],
    [
      'a launcher without its icon',
      { launcher: { display: 'button', size: 56, offsetX: 20, offsetY: 20 } },
      'widget.launcher.icon',
      /required/,
    ],
    [
      'an unknown icon',
      { launcher: { display: 'button', icon: 'rocket', size: 56, offsetX: 20, offsetY: 20 } },
      'widget.launcher.icon',
      /constant|allowed/,
    ],
    ['a locale that is no language tag', { locale: 'english please' }, 'widget.locale', /pattern/],
    ['an unknown colour scheme', { colorScheme: 'sepia' }, 'widget.colorScheme', /constant|allowed/],
    ['closeOnOutsideClick as text', { closeOnOutsideClick: 'yes' }, 'widget.closeOnOutsideClick', /boolean/],
    [
      'a placeholder over 120 characters',
      { fields: [{ ...EMAIL, placeholder: 'x'.repeat(121) }] },
      'widget.fields.0.placeholder',
      /more than 120/,
    ],
    [
      'a field type the widget does not have',
      { fields: [EMAIL, { name: 'when', label: 'When', type: 'date', required: false }] },
      'widget.fields.1.type',
      /constant|allowed/,
    ],
  ];

  test.each(cases)('%s', async (_what, widget, field, message) => {
    const before = (await t.call('GET', settingsOf(client.id), t.adminToken)).json();
    const response = await patch(widget);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().field).toBe(field);
    expect(response.json().message).toMatch(message);
    expect((await t.call('GET', settingsOf(client.id), t.adminToken)).json()).toEqual(before);
  });

  test.each([
    ['#777777', '#ffffff'],
    ['#aaaaaa', '#ffffff'],
    ['#ffffff', '#ffff00'],
    ['#2563eb', '#111827'],
  ])('text %s on %s: refused with its contrast figure', async (text, background) => {
    const response = await patch({ theme: { primary: '#2563eb', text, background } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'UPZ_LOW_CONTRAST', field: 'widget.theme.text' });
    expect(response.json().message).toBe(
      `widget.theme.text on widget.theme.background has contrast ${formatContrast(contrastRatio(text, background))}; at least 4.5:1 is needed`,
    );
  });

  test('the figure is the WCAG one: #aaaaaa on white is 2.32:1, #767676 on white passes', async () => {
    expect(
      (await patch({ theme: { primary: '#2563eb', text: '#aaaaaa', background: '#ffffff' } })).json().message,
    ).toContain('has contrast 2.32:1;');
    expectStatus(await patch({ theme: { primary: '#2563eb', text: '#767676', background: '#ffffff' } }), 200);
  });

  test('every string key of the widget is accepted', async () => {
    const strings = Object.fromEntries(WIDGET_STRING_KEYS.map((key) => [key, `${key} text`]));
    expectStatus(await patch({ strings }), 200);
    expect((await servedConfig()).strings).toEqual(strings);
  });
});

describe('stored settings that the rules now refuse', () => {
  test('are served repaired, and the next change of anything else goes through and stores the repair', async () => {
    const target = await createClient(t, t.adminToken, agencyId);
    expectStatus(await t.call('PATCH', settingsOf(target.id), t.adminToken, { allowLocalhost: true }), 200);
    const stored = await storedWidgetSettings(t, target.id);
    await storeWidgetSettings(t, target.id, {
      ...stored,
      title: '  ',
      launcherLabel: '',
      submitLabel: ' ',
      theme: { primary: '#2563eb', text: '#cccccc', background: '#ffffff' },
      fields: [{ name: 'email', label: ' ', type: 'email', required: true }],
    });
    t.app.verdicts.invalidate(target.id);

    const config = await servedConfig(target);
    expect(config).toMatchObject({
      title: 'Contact us',
      launcherLabel: 'Contact us',
      submitLabel: 'Send',
      theme: { text: '#000000', background: '#ffffff' },
    });
    expect(config.fields[0].label).toBe('email');
    expect(config.launcher).toEqual({ display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 });

    expectStatus(await t.call('PATCH', settingsOf(target.id), t.adminToken, { widget: { intro: 'Changed' } }), 200);
    const after = await storedWidgetSettings(t, target.id);
    expect(after).toMatchObject({ intro: 'Changed', title: 'Contact us', theme: { text: '#000000' }, locale: 'en' });
  });
});
