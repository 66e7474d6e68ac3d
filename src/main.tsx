import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { designStore } from './state/design-store';
import { App } from './ui/App';
import './ui/styles.css';

// A read-mostly test hook (like tldraw's window.tldrawApi): e2e tests read the model through it
// instead of scraping the canvas, and the perf test seeds a 300-node design.
(window as unknown as { __aspireParity: unknown }).__aspireParity = { designStore };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
