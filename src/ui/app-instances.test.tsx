// @vitest-environment happy-dom
/**
 * Stores are instances all the way to the components: two app states rendered side by side
 * through their own `<AppStateProvider>` are two independent apps. A setting typed into one
 * panel, YAML typed into one workbench and a selection in one canvas change that instance only,
 * in its store and on its screen. Real components, real generator and parity engine (headless
 * workbench: no Monaco, no worker).
 */
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { importAny } from '../core/aspire/import-any';
import type { AppStateWithWorkbench } from '../state/app-state';
import { AppStateProvider } from '../state/app-state-context';
import { headlessApp, settled } from '../test-support/headless-app';
import FileTabs from './editor/FileTabs';
import { Inspector } from './inspector/Inspector';
import SettingsPanel from './settings/SettingsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const manifest = readFileSync('fixtures/manifests/aspirate-upstream-head-starter-with-redis.json', 'utf8');

function importedApp(): AppStateWithWorkbench {
  const app = headlessApp();
  app.design.getState().importTopology(importAny(manifest, 'aspire-manifest.json').topology!);
  return app;
}

function Instance({ app, id }: { app: AppStateWithWorkbench; id: string }) {
  return (
    <AppStateProvider value={app}>
      <section data-app={id}>
        <SettingsPanel />
        <FileTabs />
        <Inspector />
      </section>
    </AppStateProvider>
  );
}

const part = (id: string) => document.querySelector<HTMLElement>(`[data-app="${id}"]`)!;
const namespaceInput = (id: string) =>
  [...part(id).querySelectorAll('label')].find((l) => l.textContent === 'Namespace')!.control as HTMLInputElement;

/** Type into a React-controlled input and press Enter, as a user does. */
function typeAndEnter(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

let root: Root | undefined;
const apps: AppStateWithWorkbench[] = [];
afterEach(() => {
  act(() => root?.unmount());
  for (const app of apps.splice(0)) app.dispose();
  document.body.innerHTML = '';
});

describe('two app instances on one page', () => {
  it('an edit in one changes neither the other store nor the other screen', async () => {
    const a = importedApp();
    const b = importedApp();
    apps.push(a, b);
    await Promise.all([settled(a), settled(b)]);
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => {
      root!.render(
        <>
          <Instance app={a} id="a" />
          <Instance app={b} id="b" />
        </>,
      );
    });

    // A setting typed into A's panel.
    await act(async () => typeAndEnter(namespaceInput('a'), 'shop'));
    expect(a.design.getState().doc.settings.namespace).toBe('shop');
    expect(b.design.getState().doc.settings.namespace).toBeUndefined();
    expect(namespaceInput('a').value).toBe('shop');
    expect(namespaceInput('b').value).toBe('');

    // YAML typed into A's workbench: A's tab is edited and fails, B's file is untouched.
    const file = a.workbench.getState().files.find((f) => f.text.includes('ConnectionStrings__cache'))!;
    const textOfB = () => b.workbench.getState().files.find((f) => f.path === file.path)!.text;
    const before = textOfB();
    await act(async () => {
      a.workbench
        .getState()
        .typed(file.path, file.text.replace('ConnectionStrings__cache', 'ConnectionStrings__cahce'));
      await settled(a);
    });
    const tab = (id: string) =>
      [...part(id).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.startsWith(file.path))!;
    expect(tab('a').title).toMatch(/\(edited\), 1 failing/);
    expect(tab('b').title).toBe(file.path);
    expect(textOfB()).toBe(before);

    // A selection in A's canvas opens A's inspector only.
    await act(async () => a.design.getState().select(['cache']));
    expect(part('a').querySelector('[aria-label="Inspector"]')).not.toBeNull();
    expect(part('b').querySelector('[aria-label="Inspector"]')).toBeNull();
    expect(b.design.getState().view.selected).toEqual([]);
  });

  it('a component outside any provider says what is missing', () => {
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      errors.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      expect(() => act(() => root!.render(<SettingsPanel />))).toThrow(/AppStateProvider/);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
