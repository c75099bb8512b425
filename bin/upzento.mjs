#!/usr/bin/env node
// The `upzento` command. This is the one place that chooses what runs: the compiled command line
// when a production build has made one (build/cli/main.js), else the TypeScript sources through
// tsx, so a checkout needs no build step.
import { existsSync } from 'node:fs';

const compiled = new URL('../build/cli/main.js', import.meta.url);
let entry = compiled.href;
if (!existsSync(compiled)) {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    console.error(
      'upzento: neither build/cli/main.js nor tsx is installed; run `npm install` (or `npm run build`) in the Upzento directory.',
    );
    process.exit(1);
  }
  entry = new URL('../cli/main.ts', import.meta.url).href;
}
const { run } = await import(entry);
process.exitCode = await run(process.argv.slice(2));
