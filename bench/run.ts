/**
 * `npm run bench`: every benchmark in turn, then a summary table of ratios measured in this one run.
 * On a shared machine absolute times mean little, so nothing here passes or fails on them; the
 * benchmarks are never part of `npm test`.
 *
 * `npm run bench -- widget scale` runs only the benchmarks whose names contain one of the words.
 */
import type { Benchmark } from './harness.ts';
import { runAll } from './runner.ts';
import { scopingOverhead } from './scoping-overhead.ts';
import { shippedHotPath } from './shipped-hot-path.ts';
import { stagedMigration } from './staged-migration.ts';
import { tenantScale } from './tenant-scale.ts';
import { healthDashboard } from './health-dashboard.ts';
import { versionTransformation } from './version-transformation.ts';
import { verificationThroughput } from './verification-throughput.ts';
import { widgetChecks } from './widget-checks.ts';
import { widgetHotPath } from './widget-hot-path.ts';
import { widgetLoad } from './widget-load.ts';
import { consoleLoad } from './console-load.ts';

export const BENCHMARKS: readonly Benchmark[] = [
  scopingOverhead,
  tenantScale,
  shippedHotPath,
  widgetHotPath,
  widgetChecks,
  verificationThroughput,
  widgetLoad,
  consoleLoad,
  versionTransformation,
  stagedMigration,
  healthDashboard,
];

const words = process.argv.slice(2).map((word) => word.toLowerCase());
await runAll(words.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => words.some((word) => b.name.includes(word))));
