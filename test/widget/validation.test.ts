// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { WidgetField } from '../../widget/index.js';
import { EN, LOCALES, localeOf, stringsFor } from '../../widget/strings.js';
import { pageContext, toSubmissionRequest } from '../../widget/submission-request.js';
import { fieldError, maxLengthOf, validate } from '../../widget/validation.js';

const text = (name: string, extra: Partial<WidgetField> = {}): WidgetField => ({
  name,
  label: name,
  type: 'text',
  required: false,
  ...extra,
});

describe('validation', () => {
  it('requires required fields, and email always, since the wire format needs it', () => {
    expect(fieldError(text('company', { required: true }), '   ')).toBe('company is required.');
    expect(fieldError(text('company'), '')).toBeUndefined();
    expect(fieldError(text('email', { type: 'email', label: 'Email' }), '')).toBe('Email is required.');
  });

  it('checks email and phone shapes', () => {
    const email = text('email', { type: 'email' });
    expect(fieldError(email, 'ada@example.com')).toBeUndefined();
    // The shared rule (shared/email.ts), the one the server applies.
    for (const bad of [
      'ada',
      'ada@',
      'ada@example',
      'a b@example.com',
      'ada@example.com.',
      'user@example..com',
      'jörg@example.com',
    ]) {
      expect(fieldError(email, bad)).toMatch(/email/);
    }
    const phone = text('phone', { type: 'tel' });
    expect(fieldError(phone, '+1 (555) 010-9999')).toBeUndefined();
    expect(fieldError(phone, 'call me')).toMatch(/phone/);
  });

  it('caps lengths at the configured limit, and never above what the server accepts', () => {
    expect(maxLengthOf(text('note', { maxLength: 10 }))).toBe(10);
    expect(maxLengthOf(text('note', { maxLength: 5000 }))).toBe(2000);
    expect(maxLengthOf(text('message', { type: 'textarea' }))).toBe(5000);
    expect(maxLengthOf(text('name', { maxLength: 4000 }))).toBe(200);
    expect(fieldError(text('note', { maxLength: 3 }), 'abcd')).toBe('note must be at most 3 characters.');
  });

  it('collects messages by field name', () => {
    const fields = [text('email', { type: 'email' }), text('company', { required: true }), text('note')];
    expect(validate(fields, { email: 'x', company: '' })).toEqual({
      email: expect.stringMatching(/email/),
      company: 'company is required.',
    });
    expect(validate(fields, { email: 'a@b.co', company: 'ACME', note: '' })).toEqual({});
  });
});

describe('choice fields', () => {
  it('requires a ticked box where required, and a ticked consent always', () => {
    const box = text('terms', { type: 'checkbox', required: true, label: 'Terms' });
    expect(fieldError(box, 'false')).toBe('Terms is required.');
    expect(fieldError(box, 'true')).toBeUndefined();
    expect(fieldError(text('news', { type: 'checkbox' }), 'false')).toBeUndefined();
    const consent = text('consent', { type: 'consent', label: 'I agree' });
    expect(fieldError(consent, 'false')).toBe(EN.consentRequired);
    expect(fieldError(text('plan', { type: 'hidden', required: true }), '')).toBeUndefined();
  });

  it('accepts only a listed option of a select', () => {
    const select = text('size', {
      type: 'select',
      required: true,
      label: 'Size',
      options: [{ value: 's', label: 'Small' }],
    });
    expect(fieldError(select, '')).toBe('Size is required.');
    expect(fieldError(select, 's')).toBeUndefined();
    expect(fieldError(select, 'xl')).toBe('Please check Size.');
  });
});

describe('strings', () => {
  it('has every sentence in every built-in language, each its own', () => {
    for (const [locale, strings] of Object.entries(LOCALES)) {
      expect(Object.keys(strings).sort(), locale).toEqual(Object.keys(EN).sort());
      if (locale !== 'en') expect(strings.sending, locale).not.toBe(EN.sending);
    }
  });

  it('falls back from a regional tag to its language, then to English, and applies overrides', () => {
    expect(localeOf('pt-BR')).toBe('pt');
    expect(localeOf('DE-ch')).toBe('de');
    expect(localeOf('ja')).toBe('en');
    expect(stringsFor({ locale: 'de' }).close).toBe('Schließen');
    expect(stringsFor({ locale: 'fr' }, 'nl-BE').close).toBe('Sluiten');
    const overridden = stringsFor({ locale: 'es', strings: { close: 'Salir' } });
    expect([overridden.close, overridden.sending]).toEqual(['Salir', 'Enviando…']);
  });

  it('fills in labels and limits in the language chosen', () => {
    expect(fieldError(text('company', { required: true, label: 'Firma' }), '', LOCALES.de)).toBe(
      'Firma ist ein Pflichtfeld.',
    );
  });
});

describe('toSubmissionRequest', () => {
  const f = (name: string, type: WidgetField['type'] = 'text', label = name): WidgetField => ({
    name,
    label,
    type,
    required: false,
  });
  const fields = [f('email', 'email'), f('name'), f('message', 'textarea'), f('company'), f('budget')];

  it('puts email, name and message at the top, other fields under fields, trimmed, empty ones left out', () => {
    expect(
      toSubmissionRequest({ email: ' a@b.co ', name: 'Ada', message: '', company: ' ACME ', budget: '' }, fields),
    ).toMatchObject({ email: 'a@b.co', name: 'Ada', fields: { company: 'ACME' } });
    const bare = toSubmissionRequest({ email: 'a@b.co' }, fields);
    expect(bare.fields).toBeUndefined();
    expect(bare.name).toBeUndefined();
  });

  it('sends checkboxes as true / false, hidden fields from the page, a ticked consent as its text, and the identity', () => {
    const configured = [
      f('email', 'email'),
      f('newsletter', 'checkbox'),
      f('plan', 'hidden'),
      f('terms', 'consent', 'I agree to be contacted.'),
    ];
    const identity = { userId: 'u1', userHash: 'a'.repeat(64) };
    const request = toSubmissionRequest(
      { email: 'a@b.co', newsletter: 'false', terms: 'true', plan: 'forged' },
      configured,
      {
        pageValues: { plan: 'pro' },
        identity,
      },
    );
    expect(request).toMatchObject({
      email: 'a@b.co',
      fields: { newsletter: 'false', plan: 'pro' },
      consent: { text: 'I agree to be contacted.' },
      identity,
    });
    expect(request.fields).not.toHaveProperty('terms');
    expect(toSubmissionRequest({ email: 'a@b.co', terms: 'false' }, configured).consent).toBeUndefined();
  });

  it("sends the page's URL, referrer and UTM parameters as context", () => {
    history.replaceState(null, '', '/pricing?utm_source=news&utm_medium=email&utm_campaign=spring&x=1');
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://search.example/?q=cakes');
    try {
      expect(pageContext()).toEqual({
        pageUrl: `${location.origin}/pricing?utm_source=news&utm_medium=email&utm_campaign=spring&x=1`,
        referrer: 'https://search.example/?q=cakes',
        utm: { source: 'news', medium: 'email', campaign: 'spring' },
      });
      expect(toSubmissionRequest({ email: 'a@b.co' }, fields).context?.utm?.campaign).toBe('spring');
    } finally {
      history.replaceState(null, '', '/');
    }
  });
});
