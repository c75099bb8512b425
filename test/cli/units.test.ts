/** The command line's own parsing, without a server: durations, server addresses, settings assignments. */
import { describe, expect, test } from 'vitest';
import type { Settings } from '../../cli/api.ts';
import { parseDuration } from '../../cli/command-kit.ts';
import { applyAssignments } from '../../cli/commands/widget.ts';
import { CliFailure, ExitCode } from '../../cli/failure.ts';
import { fields, table } from '../../cli/output.ts';
import { normalizeUrl } from '../../cli/session.ts';

function usageOf(action: () => unknown): CliFailure {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CliFailure);
    expect((error as CliFailure).exitCode).toBe(ExitCode.usage);
    return error as CliFailure;
  }
  throw new Error('no failure');
}

describe('parseDuration', () => {
  test.each([
    ['10', 10_000],
    ['1.5', 1500],
    ['500ms', 500],
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text, '--timeout')).toBe(ms));

  test.each(['', 'soon', '10x', '5m later', '-1s'])('"%s" is a usage error naming the flag', (text) => {
    expect(usageOf(() => parseDuration(text, '--timeout')).message).toContain('--timeout');
  });
});

describe('normalizeUrl', () => {
  test('lower-cases the host and drops trailing slashes, keeping a base path', () => {
    expect(normalizeUrl('http://LOCALHOST:3000/')).toBe('http://localhost:3000');
    expect(normalizeUrl('https://example.com/upzento//')).toBe('https://example.com/upzento');
  });
  test.each(['127.0.0.1:3000', 'ftp://example.com', 'http://user:pw@example.com', 'http://example.com/?a=1'])(
    'refuses %s',
    (url) => {
      usageOf(() => normalizeUrl(url));
    },
  );
});

describe('applyAssignments', () => {
  const current: Settings = {
    allowLocalhost: false,
    widget: {
      title: 'Contact',
      intro: 'Hi',
      launcherLabel: 'Contact us',
      submitLabel: 'Send',
      successMessage: 'Thanks',
      position: 'bottom-right',
      theme: { primary: '#2563eb', text: '#111827', background: '#ffffff' },
      fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
    },
  };

  test('text, booleans by the stored type, a nested key sent with its siblings, JSON with :=', () => {
    const change = applyAssignments(current, {}, [
      'title=a=b',
      'allowLocalhost=on',
      'widget.theme.primary=#000000',
      'fields:=[]',
    ]);
    expect(change).toEqual({
      allowLocalhost: true,
      widget: { title: 'a=b', theme: { primary: '#000000', text: '#111827', background: '#ffffff' }, fields: [] },
    });
    // The stored settings are not changed in place.
    expect(current.widget.theme.primary).toBe('#2563eb');
  });

  test('starts from a file’s change and lets the assignments win', () => {
    expect(applyAssignments(current, { widget: { title: 'From file', intro: 'Kept' } }, ['title=Typed'])).toEqual({
      widget: { title: 'Typed', intro: 'Kept' },
    });
  });

  test('malformed assignments are usage errors', () => {
    usageOf(() => applyAssignments(current, {}, ['title']));
    usageOf(() => applyAssignments(current, {}, ['allowLocalhost=maybe']));
    usageOf(() => applyAssignments(current, {}, ['fields:=[oops']));
    usageOf(() => applyAssignments(current, {}, ['theme..primary=#000000']));
  });
});

describe('output', () => {
  test('tables pad all but the last column and carry no trailing blanks', () => {
    expect(
      table(
        ['ID', 'NAME'],
        [
          ['1', 'a'],
          ['22', 'bbb'],
        ],
      ),
    ).toBe('ID  NAME\n1   a\n22  bbb');
    expect(table(['ID'], [])).toBe('');
    expect(
      fields([
        ['id', '1'],
        ['record name', '_x'],
        ['empty', ''],
      ]),
    ).toBe('id:          1\nrecord name: _x\nempty:');
  });
});
