/** Entry of `widget-panel.js`. The build wraps it as `Upzento("panel", function () { … })`; see panel-loader-script.ts. */
export { panelModule as default } from './panel-module.js';
