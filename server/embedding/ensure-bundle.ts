/**
 * The server serves dist/widget.js, dist/widget-panel.js and the console in dist/console. `npm install` builds it (the `prepare` script); a checkout
 * that skipped that (say, `npm ci --ignore-scripts`) gets it built on first start instead.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.ts';
import { DEFAULT_WIDGET_BUNDLE, panelBundlePath } from './bundle.ts';
import { DEFAULT_CONSOLE_DIR } from '../console/console-routes.ts';

export async function ensureWidgetBundle(path = DEFAULT_WIDGET_BUNDLE): Promise<string> {
  try {
    await Promise.all([access(path), access(panelBundlePath(path))]);
    return path;
  } catch {
    const config = pathToFileURL(join(PACKAGE_ROOT, 'esbuild.config.mjs')).href;
    const { buildWidget } = (await import(config)) as { buildWidget: () => Promise<unknown> };
    await buildWidget();
    return path;
  }
}

/** The console's folder (dist/console), built now when it is missing. */
export async function ensureConsole(dir = DEFAULT_CONSOLE_DIR): Promise<string> {
  try {
    await access(join(dir, 'index.html'));
    return dir;
  } catch {
    const config = pathToFileURL(join(PACKAGE_ROOT, 'esbuild.config.mjs')).href;
    const { buildConsole } = (await import(config)) as {
      buildConsole: (options: { outdir: string }) => Promise<unknown>;
    };
    await buildConsole({ outdir: dir });
    return dir;
  }
}
