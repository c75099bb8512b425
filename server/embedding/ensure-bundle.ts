/**
 * The server serves dist/widget.js and dist/widget-panel.js. `npm install` builds it (the `prepare` script); a checkout
 * that skipped that (say, `npm ci --ignore-scripts`) gets it built on first start instead.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.ts';
import { DEFAULT_WIDGET_BUNDLE, panelBundlePath } from './bundle.ts';

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
