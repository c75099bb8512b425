/**
 * The version changes and the machinery that applies them, without a database: every change file is
 * well formed, and a change found by schema title reaches values wherever the schema occurs.
 */
import { Type } from '@sinclair/typebox';
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { API_VERSIONS, compareVersions, OLDEST_VERSION, VERSION_HEADERS } from '../../server/versions/api-versions.ts';
import { VERSION_CHANGES } from '../../server/versions/changes/index.ts';
import { mover, olderSchema, routeVersions } from '../../server/versions/schema-versions.ts';
import { renamedProperty, type VersionChange } from '../../server/versions/version-change.ts';
import { Contact } from '../../server/crm/contact-view.ts';
import { Page } from '../../server/http/schemas.ts';
import { pinMove } from '../../server/versions/pins.ts';

const CHANGES_DIR = path.join(import.meta.dirname, '../../server/versions/changes');

describe('the change files', () => {
  test('one file per change, named after its version, each listed once in the index', () => {
    const files = readdirSync(CHANGES_DIR).filter((file) => file !== 'index.ts');
    expect(files).toHaveLength(VERSION_CHANGES.length);
    for (const change of VERSION_CHANGES) {
      expect(files.some((file) => file.startsWith(`${change.version}-`))).toBe(true);
    }
  });

  test.each(VERSION_CHANGES.map((change) => [change.version, change] as const))(
    '%s: made by a version after the oldest, described in one sentence',
    (_version, change) => {
      expect(API_VERSIONS).toContain(change.version);
      expect(compareVersions(change.version, OLDEST_VERSION)).toBeGreaterThan(0);
      expect(change.description).toMatch(/^[A-Z].*\.$/);
      expect(change.description.split(/\.\s/)).toHaveLength(1);
      expect(Object.keys(change.schemas).length).toBeGreaterThan(0);
    },
  );

  test('versions are dates in order, and only the newest is not deprecated', () => {
    expect([...API_VERSIONS].sort()).toEqual([...API_VERSIONS]);
    for (const version of API_VERSIONS) expect(version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(VERSION_HEADERS[OLDEST_VERSION]).toMatchObject({ 'upzento-version': OLDEST_VERSION });
    expect(VERSION_HEADERS['2026-12-01']).toEqual({ 'upzento-version': '2026-12-01' });
  });
});

describe('a change found by schema title', () => {
  const change: VersionChange = {
    version: '2026-12-01',
    description: 'A test change.',
    schemas: { Contact: renamedProperty('name', 'fullName') },
  };
  const page = Page(Contact);
  const contact = { id: 'c1', name: 'Ada', email: 'ada@example.test', identity: null };

  test('moves a page of them back, item by item, and leaves every other field', () => {
    const back = mover(page, [change], 'backward');
    const moved = back?.({ items: [contact, { ...contact, name: null }], nextCursor: 'x' });
    expect(moved).toEqual({
      items: [
        { id: 'c1', fullName: 'Ada', email: 'ada@example.test', identity: null },
        { id: 'c1', fullName: null, email: 'ada@example.test', identity: null },
      ],
      nextCursor: 'x',
    });
    // The handler's own object is not changed.
    expect(contact).toHaveProperty('name', 'Ada');
  });

  test('moves a body forward, and a body without the field is left as it is', () => {
    const forward = mover(Contact, [change], 'forward');
    expect(forward?.({ fullName: 'Ada', email: 'e' })).toEqual({ name: 'Ada', email: 'e' });
    expect(forward?.({ email: 'e' })).toEqual({ email: 'e' });
  });

  test('makes the older schema, with the renamed property required where it was', () => {
    const older = olderSchema(page, [change]) as { properties: { items: { items: Record<string, unknown> } } };
    const item = older.properties.items.items as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(item.properties)).toContain('fullName');
    expect(Object.keys(item.properties)).not.toContain('name');
    expect(item.required).toContain('fullName');
    expect(item.required).not.toContain('name');
    // The newest schema is untouched.
    expect(Object.keys(Contact.properties)).toContain('name');
  });

  test('a route the change does not reach gets nothing to do', () => {
    const other = Type.Object({ name: Type.String() }, { title: 'Agency' });
    expect(routeVersions({ body: other, response: { 200: other } }, [change]).size).toBe(0);
    const contacts = routeVersions({ response: { 200: page, 404: other } }, [change]);
    expect([...contacts.keys()]).toEqual(['2026-06-01']);
    expect([...(contacts.get('2026-06-01')?.responses.keys() ?? [])]).toEqual([200]);
  });
});

describe('moving a pin', () => {
  const at = new Date('2027-01-01T00:00:00Z');
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);

  test('the same version is no change; a newer one an upgrade', () => {
    expect(pinMove({ version: '2026-12-01', previousVersion: null, pinnedAt: at }, '2026-12-01', at)).toBe('unchanged');
    expect(pinMove({ version: '2026-06-01', previousVersion: null, pinnedAt: null }, '2026-12-01', at)).toBe('upgrade');
  });

  test('back to the replaced version within 72 hours, and not a second later', () => {
    const upgraded = { version: '2026-12-01' as const, previousVersion: '2026-06-01', pinnedAt: at };
    expect(pinMove(upgraded, '2026-06-01', later(72))).toBe('rollback');
    expect(() => pinMove(upgraded, '2026-06-01', new Date(later(72).getTime() + 1000))).toThrow(/closed/);
    expect(() =>
      pinMove({ version: '2026-12-01', previousVersion: null, pinnedAt: at }, '2026-06-01', later(1)),
    ).toThrow(/only the version the last upgrade replaced/);
  });
});
