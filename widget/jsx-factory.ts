/**
 * Injected by the build into every .tsx file so that JSX compiles to Preact's `h`, which the bundle carries
 * anyway; the automatic runtime would add `preact/jsx-runtime` (about 130 bytes gzipped) to a budget of 10 KB.
 * Type-checking and tests keep the automatic runtime of tsconfig.json; both make the same vnodes.
 */
export { Fragment, h } from 'preact';
