import { describe, expect, it } from 'vitest';
import { isValidEmail, MAX_EMAIL_LENGTH } from '../../shared/email.js';

describe('isValidEmail', () => {
  it('accepts ordinary addresses, sub-addresses, punycode domains and RFC 5322 atext', () => {
    for (const good of [
      'ada@example.com',
      'Ada.Lovelace@Example.COM',
      'ada+leads@mail.example.co.uk',
      "o'brien@example.ie",
      'x@xn--mller-kva.de',
      'a_b-c.d@sub-domain.example',
      '#!$%&*/=?^`{|}~@example.org',
    ]) {
      expect(isValidEmail(good), good).toBe(true);
    }
  });

  it('refuses trailing and doubled dots, non-ASCII, spaces and malformed domains', () => {
    for (const bad of [
      'ada@example.com.',
      'user@example..com',
      'jörg@example.com',
      'ada@exämple.com',
      '.ada@example.com',
      'ada.@example.com',
      'a..da@example.com',
      ' ada@example.com',
      'ada@example.com ',
      'a da@example.com',
      'ada@example',
      'ada@',
      '@example.com',
      'ada',
      '',
      'ada@@example.com',
      'ada@-example.com',
      'ada@example-.com',
      'ada@example.123',
      'ada@[127.0.0.1]',
      '"ada"@example.com',
      'ada@exa_mple.com',
      `ada@${'a'.repeat(64)}.com`,
    ]) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('holds the local part to 64 characters and the address to the SMTP limit', () => {
    expect(isValidEmail(`${'a'.repeat(64)}@example.com`)).toBe(true);
    expect(isValidEmail(`${'a'.repeat(65)}@example.com`)).toBe(false);
    const domain = `${Array.from({ length: 4 }, () => 'b'.repeat(60)).join('.')}.com`;
    expect(isValidEmail(`a@${domain}`)).toBe(`a@${domain}`.length <= MAX_EMAIL_LENGTH);
    expect(isValidEmail(`${'a'.repeat(10)}@${domain}`)).toBe(false);
  });
});
