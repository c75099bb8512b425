import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHARED = join(import.meta.dirname, '../../shared');
/** Modules the widget bundles: they may import nothing at run time, only types. */
const DEPENDENCY_FREE = ['email.ts', 'contrast.ts', 'widget-strings.ts', 'widget-defaults.ts', 'widget-wire-types.ts'];

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(join(SHARED, file), 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => ({
    specifier: match[3] as string,
    typeOnly: Boolean(match[2]),
  }));
}

describe('shared/', () => {
  const files = readdirSync(SHARED).filter((name) => name.endsWith('.ts'));

  it('imports nothing from server/ or widget/', () => {
    for (const file of files) {
      for (const { specifier } of importsOf(file)) {
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(/(^|\/)(server|widget)\//);
        if (specifier.startsWith('.')) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[^/]+$/);
      }
    }
  });

  it('keeps what the widget bundles free of run-time imports', () => {
    for (const file of DEPENDENCY_FREE) {
      expect(files).toContain(file);
      expect(
        importsOf(file).filter((entry) => !entry.typeOnly),
        file,
      ).toEqual([]);
    }
  });
});
