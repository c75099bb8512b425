#!/usr/bin/env node
// The `upzento` command. The one place that chooses what runs: the compiled command line when a
// build has made one (dist/cli/main.js), else the TypeScript sources through tsx, so the repository
// needs no build step.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let entry;
if (existsSync(compiled)) {
  entry = compiled.href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('../cli/main.ts', import.meta.url).href;
}
const { run } = await import(entry);
process.exitCode = await run(process.argv.slice(2));
