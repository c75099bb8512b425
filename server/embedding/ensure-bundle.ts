/**
 * The server serves dist/widget.js, dist/widget-panel.js and the console in dist/console. `npm install`
 * builds them (the `prepare` script); a checkout that skipped that (say, `npm ci --ignore-scripts`) gets
 * them built on first start instead.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.ts';
import { DEFAULT_WIDGET_BUNDLE, panelBundlePath } from './bundle.ts';
import { DEFAULT_CONSOLE_DIR } from '../console/console-routes.ts';

/** What esbuild.config.mjs exports: the builds, for a start or a test that needs them made now. */
export interface BuildConfig {
  buildWidget(): Promise<unknown>;
  buildConsole(options: { outdir: string }): Promise<unknown>;
}

export async function buildConfig(): Promise<BuildConfig> {
  return (await import(pathToFileURL(join(PACKAGE_ROOT, 'esbuild.config.mjs')).href)) as BuildConfig;
}

/** Resolves to `made` when every one of `files` exists; builds first with `build` otherwise. */
async function ensure<T>(made: T, files: readonly string[], build: (config: BuildConfig) => Promise<unknown>) {
  try {
    await Promise.all(files.map((file) => access(file)));
  } catch {
    await build(await buildConfig());
  }
  return made;
}

export function ensureWidgetBundle(path = DEFAULT_WIDGET_BUNDLE): Promise<string> {
  return ensure(path, [path, panelBundlePath(path)], (config) => config.buildWidget());
}

/** The console's folder (dist/console), built now when it is missing. */
export function ensureConsole(dir = DEFAULT_CONSOLE_DIR): Promise<string> {
  return ensure(dir, [join(dir, 'index.html')], (config) => config.buildConsole({ outdir: dir }));
}
