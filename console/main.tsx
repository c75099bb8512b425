/** Entry of the console's bundle, loaded only by /console. */
import { render } from 'preact';
import { App } from './app.tsx';
import './console.css';

render(<App />, document.getElementById('app') as HTMLElement);
