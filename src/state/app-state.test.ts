/**
 * The whole app state, headless: import a manifest, edit the generated YAML as the editor does,
 * watch the parity table re-check, undo in the app. Real generator and real parity engine; no
 * DOM, no worker (the browser runs the same check in one).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importAny } from '../core/aspire/import-any';
import { headlessApp, settled } from '../test-support/headless-app';
import type { AppStateWithWorkbench } from './app-state';
import { ownRecord } from './own-record';

const statusOf = (app: AppStateWithWorkbench, id: string) =>
  app.workbench.getState().report?.rows.find((r) => r.id === id)?.status;

let app: AppStateWithWorkbench | undefined;
afterEach(() => app?.dispose());

describe('headless app state', () => {
  it('import → edit YAML → the table re-checks → undo restores design and table', async () => {
    app = headlessApp();
    const text = readFileSync('fixtures/manifests/aspirate-upstream-head-starter-with-redis.json', 'utf8');
    const imported = importAny(text, 'aspire-manifest.json');
    app.design.getState().importTopology(imported.topology!);
    await settled(app);
    const row = 'connection-string:webfrontend:cache';
    expect(statusOf(app, row)).toBe('pass');

    // The editor types a misspelt variable name into the web front end's file.
    const file = app.workbench.getState().files.find((f) => f.text.includes('ConnectionStrings__cache'))!;
    app.workbench
      .getState()
      .typed(file.path, file.text.replace('ConnectionStrings__cache', 'ConnectionStrings__cahce'));
    await settled(app);
    expect(statusOf(app, row)).toBe('fail');

    // The typing reaches the design through its own action, as one undo step.
    app.workbench.getState().flush();
    expect(Object.keys(app.design.getState().doc.edits)).toEqual([file.path]);

    app.design.temporal.getState().undo();
    await settled(app);
    expect(Object.keys(app.design.getState().doc.edits)).toEqual([]);
    expect(app.workbench.getState().files.find((f) => f.path === file.path)!.text).toBe(file.text);
    expect(statusOf(app, row)).toBe('pass');
  });

  it('two instances share nothing: an edit in one leaves the other design, table and badges', async () => {
    const text = readFileSync('fixtures/manifests/aspirate-upstream-head-starter-with-redis.json', 'utf8');
    const [a, b] = [headlessApp(), headlessApp()];
    try {
      for (const x of [a, b]) x.design.getState().importTopology(importAny(text, 'aspire-manifest.json').topology!);
      await Promise.all([settled(a), settled(b)]);
      const file = a.workbench.getState().files.find((f) => f.text.includes('ConnectionStrings__cache'))!;
      a.workbench
        .getState()
        .typed(file.path, file.text.replace('ConnectionStrings__cache', 'ConnectionStrings__cahce'));
      await settled(a);
      a.workbench.getState().flush();
      expect(statusOf(a, 'connection-string:webfrontend:cache')).toBe('fail');
      expect(a.statuses.getState().statuses.get('webfrontend')).toBe('fail');
      expect(statusOf(b, 'connection-string:webfrontend:cache')).toBe('pass');
      expect(b.statuses.getState().statuses.get('webfrontend')).not.toBe('fail');
      expect(b.design.getState().doc.edits).toEqual({});
      expect(b.design.temporal.getState().pastStates.length).toBe(1);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('edit paths named __proto__ or constructor are ordinary files (imported design, share link)', async () => {
    const base = headlessApp();
    const imported = importAny(
      readFileSync('fixtures/manifests/aspirate-upstream-head-starter-with-redis.json', 'utf8'),
    );
    base.design.getState().importTopology(imported.topology!);
    const doc = base.design.getState().doc;
    base.dispose();
    // As the design reader builds them: own keys, one of them literally "__proto__".
    const edits = ownRecord([
      ['__proto__', 'kind: ConfigMap\n'],
      ['constructor', 'kind: ConfigMap\n'],
      ['toString.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
    ]);
    app = headlessApp({ ...doc, edits });
    await settled(app);
    const s = app.workbench.getState();
    const texts = new Map(s.files.map((f) => [f.path, f.text]));
    expect(texts.get('__proto__')).toBe('kind: ConfigMap\n');
    expect(texts.get('constructor')).toBe('kind: ConfigMap\n');
    for (const f of s.files) expect(typeof f.text).toBe('string');
    expect(s.checkError).toBeUndefined();

    // Typing into, regenerating and removing them goes through the same own-key maps.
    app.workbench.getState().typed('__proto__', 'kind: Secret\n');
    app.workbench.getState().flush();
    expect(Object.hasOwn(app.design.getState().doc.edits, '__proto__')).toBe(true);
    expect(app.design.getState().doc.edits['__proto__']).toBe('kind: Secret\n');
    expect(Object.getPrototypeOf(app.design.getState().doc.edits)).toBe(null);
    app.workbench.getState().regenerate(['__proto__', 'constructor']);
    expect(Object.keys(app.design.getState().doc.edits)).toEqual(['toString.yaml']);
    expect(app.workbench.getState().files.some((f) => f.path === 'constructor')).toBe(false);
  });
});
