/** Entry of the console's bundle, loaded only by /console. */
import { render } from 'preact';
import { App } from './app.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import './console.css';

render(
  <ErrorBoundary>
    <App />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
);
