// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WidgetField } from '../../widget/index.js';
import { toSubmissionRequest } from '../../widget/submission-request.js';
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
    for (const bad of ['ada', 'ada@', 'ada@example', 'a b@example.com']) {
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

describe('toSubmissionRequest', () => {
  it('puts email, name and message at the top, other fields under fields, trimmed, empty ones left out', () => {
    expect(
      toSubmissionRequest({ email: ' a@b.co ', name: 'Ada', message: '', company: ' ACME ', budget: '' }),
    ).toEqual({ email: 'a@b.co', name: 'Ada', fields: { company: 'ACME' } });
    expect(toSubmissionRequest({ email: 'a@b.co' })).toEqual({ email: 'a@b.co' });
  });
});
