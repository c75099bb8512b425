/**
 * Entry of the script-tag bundle (`widget.js`):
 * `<script async src="https://UPZENTO_HOST/widget.js" data-key="PUBLIC_KEY"></script>`.
 */
import { installCommandQueue } from './command-queue.js';
import { scriptOptions } from './script-options.js';

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  // currentScript is null where a script runs outside the parser's hands; the last matching tag is the best guess.
  Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"][data-key]')).pop();
const options = script && scriptOptions(script);
installCommandQueue(window, options ? [options] : []);
