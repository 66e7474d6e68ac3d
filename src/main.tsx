import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppState } from './state/app-state';
import { AppStateProvider } from './state/app-state-context';
import { App } from './ui/App';
import './ui/styles.css';

/** The page's app instance: the only one, made here and handed to React by context. */
// eslint-disable-next-line no-restricted-syntax -- the one module-level instance the rule leaves to main.tsx
const state = createAppState();

// A read-mostly test hook (like tldraw's window.tldrawApi): e2e tests read the model through it
// instead of scraping the canvas, and the perf test seeds a 300-node design.
(window as unknown as { __aspireParity: unknown }).__aspireParity = { designStore: state.design };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <AppStateProvider value={state}>
      <App />
    </AppStateProvider>
  </StrictMode>,
);
