/**
 * The layer rules of .dependency-cruiser.cjs (`npm run lint:layers`): the tree keeps them, and the
 * checker refuses each kind of violation, shown on a small tree of its own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The checker's violations for server/, shared/ and widget/ under `cwd`, as "rule: from -> to". */
async function violations(cwd: string): Promise<string[]> {
  // depcruise exits non-zero when it finds errors; its JSON report is on stdout either way.
  const { stdout } = await run(DEPCRUISE, ['server', 'shared', 'widget', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    maxBuffer: 64 << 20,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

let fixture: string;
beforeAll(async () => {
  fixture = await mkdtemp(path.join(tmpdir(), 'upzento-layers-'));
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'ESNext',
        moduleResolution: 'Bundler',
        allowImportingTsExtensions: true,
        noEmit: true,
      },
    }),
    // Allowed: a feature uses db/, and db/ uses the top-level errors file.
    'server/errors.ts': 'export const failure = 1;\n',
    'server/db/query-path.ts':
      "import { failure } from '../errors.ts';\nimport { contacts } from '../crm/contacts.ts';\nexport const query = failure + contacts;\n",
    'server/crm/contacts.ts': 'export const contacts = 1;\n',
    'server/crm/listing.ts': "import { query } from '../db/query-path.ts';\nexport const listing = query;\n",
    // A cycle of two feature modules.
    'server/jobs/first.ts': "import { second } from './second.ts';\nexport const first = () => second();\n",
    'server/jobs/second.ts': "import { first } from './first.ts';\nexport const second = () => first;\n",
    'shared/wire.ts': "import { launcher } from '../widget/launcher.ts';\nexport const wire = launcher;\n",
    'widget/launcher.ts': "import { contacts } from '../server/crm/contacts.ts';\nexport const launcher = contacts;\n",
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(fixture, name)), { recursive: true });
    await writeFile(path.join(fixture, name), text);
  }
});
afterAll(() => rm(fixture, { recursive: true, force: true }));

test('the tree keeps every layer rule', async () => {
  expect(await violations(ROOT)).toEqual([]);
});

test('each kind of violation is refused, and allowed imports are not', async () => {
  expect(await violations(fixture)).toEqual([
    'db-knows-no-feature: server/db/query-path.ts -> server/crm/contacts.ts',
    'no-cycles: server/jobs/first.ts -> server/jobs/second.ts',
    'shared-stands-alone: shared/wire.ts -> widget/launcher.ts',
    'widget-knows-no-server: widget/launcher.ts -> server/crm/contacts.ts',
  ]);
});
