/**
 * Runs benchmarks one after another, each within its time budget, and prints the summary table of
 * ratios. Nothing here fails on a ratio or a time: the exit status is non-zero only when a benchmark
 * could not be measured at all (an error, a blown budget).
 */
import type { Benchmark, BenchReport } from './harness.ts';
import { times } from './stats.ts';

type Outcome = BenchReport | { name: string; error: string };

/** Settles with the benchmark's report, or with why there is none, within the benchmark's budget. */
async function measure(benchmark: Benchmark): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ name: benchmark.name, error: `stopped after its budget of ${benchmark.budgetMs / 1000} s` }),
      benchmark.budgetMs,
    );
  });
  try {
    return await Promise.race([benchmark.run(), overrun]);
  } catch (error) {
    return { name: benchmark.name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

export async function runAll(benchmarks: readonly Benchmark[]): Promise<void> {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  for (const benchmark of benchmarks) {
    console.log(`\n== ${benchmark.name}`);
    const began = Date.now();
    const outcome = await measure(benchmark);
    if ('error' in outcome) console.log(`  failed: ${outcome.error}`);
    console.log(`  (${((Date.now() - began) / 1000).toFixed(0)} s)`);
    outcomes.push(outcome);
  }

  const rows = [['benchmark', 'ratio', 'target', 'vs target', 'figures', 'database']];
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      rows.push([outcome.name, '-', '-', 'not measured', outcome.error.split('\n')[0]!, '-']);
      continue;
    }
    // A benchmark without a target reports its figures alone.
    const verdict =
      outcome.target === 'none'
        ? 'figures only'
        : outcome.meets === null
          ? 'skipped'
          : outcome.meets
            ? 'meets'
            : 'misses';
    rows.push([
      outcome.name,
      outcome.ratio === null ? '-' : times(outcome.ratio),
      outcome.target,
      verdict,
      outcome.figures,
      outcome.database,
    ]);
  }
  console.log(
    `\nSummary (medians of alternating runs, one run of ${((Date.now() - started) / 1000).toFixed(0)} s on this machine)\n`,
  );
  console.log(table(rows));
  // Pools, sockets and timers of a benchmark stopped at its budget would keep the process alive.
  process.exit(outcomes.some((outcome) => 'error' in outcome) ? 1 : 0);
}
