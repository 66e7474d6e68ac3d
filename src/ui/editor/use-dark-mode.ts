/**
 * Whether the app is in dark mode: the shell's choice on <html> (data-theme="dark" or class
 * "dark") wins; otherwise the system preference. Monaco's theme is global, so one hook drives it.
 */
import { useSyncExternalStore } from 'react';

function read(): boolean {
  const el = document.documentElement;
  const attr = el.dataset.theme ?? el.getAttribute('data-color-mode') ?? el.style.colorScheme;
  if (attr === 'dark' || el.classList.contains('dark')) return true;
  if (attr === 'light' || el.classList.contains('light')) return false;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-theme', 'data-color-mode', 'style'],
  });
  const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
  mq?.addEventListener('change', onChange);
  return () => {
    mo.disconnect();
    mq?.removeEventListener('change', onChange);
  };
}

export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
