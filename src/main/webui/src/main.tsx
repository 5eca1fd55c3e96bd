import { render } from 'preact';
import { App } from './shell/App';
import { startAuth } from './shell/auth';
import './shell/app.css';

const root = document.getElementById('app')!;
startAuth()
  .catch((e) => console.warn('sign-in state could not be restored', e))
  .finally(() => render(<App />, root));
