/**
 * "The zip from the UI and the CLI's --out folder contain the same files": both faces call the
 * pure functions tested here. The CLI: `bundleSettings` → `layoutBundle` → `writeBundleAtomically`.
 * The app's "Download bundle": the design's settings → `layoutBundle` (+ `withEditorFiles` for
 * plain YAML) → `zipBundle`. For every format, the folder and the unzipped archive must hold the
 * same paths with the same text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBundleAtomically } from '../../cli/io';
import { OUT_MARKER } from '../../cli/out-folder';
import { bundleSettings } from '../../cli/settings-flags';
import { importManifest } from '../aspire/manifest';
import { generate } from '../kube/generate';
import type { BundleFile } from '../kube/objects';
import { withDefaults, type DeploySettings } from '../model/settings';
import { manifestsDir } from '../../test-support/corpus';
import { BUNDLE_FORMATS, layoutBundle, withEditorFiles } from './layout';
import { unzipBundle, zipBundle } from './zip';

const tmp = mkdtempSync(join(tmpdir(), 'aspire-parity-layout-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Settings saved with a design, away from every default so a dropped one shows. */
const designSettings: Partial<DeploySettings> = {
  namespace: 'travel',
  registry: 'ghcr.io/acme',
  tag: '2.3.4',
  ingressHost: 'trips.example.com',
  exposure: 'ingress',
  storageSize: '20Gi',
};

function readTree(dir: string): BundleFile[] {
  const out: BundleFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

const byPath = (files: BundleFile[]) => [...files].sort((a, b) => a.path.localeCompare(b.path));

const inputs = [
  'history-testshop-v9.5.2.json',
  'aspirate-upstream-head-pg-endtoend.json',
  'edge-cases/name-collisions.json',
  'edge-cases/unicode-names.json',
];

describe("CLI --out folder = the app's zip, for every format", () => {
  let n = 0;
  for (const input of inputs) {
    const { topology } = importManifest(readFileSync(join(manifestsDir, input), 'utf8'), { fileName: input });
    for (const format of BUNDLE_FORMATS) {
      it(`${input} · ${format}`, () => {
        // CLI: convert <design> --format <format> --out <dir>, with no flags.
        const cliSettings = bundleSettings(designSettings, {});
        const cliFiles = layoutBundle(format, generate(topology, cliSettings), topology, cliSettings);
        const out = join(tmp, `out-${n++}`);
        writeBundleAtomically(out, cliFiles, false);

        // App: the workbench generates with the design's settings; the editor holds the plain
        // YAML files (no README), unedited here.
        const appSettings = withDefaults(designSettings);
        const gen = generate(topology, appSettings);
        const editorFiles = layoutBundle('plain', gen, topology, appSettings).filter((f) => f.path !== 'README.md');
        const laid = layoutBundle(format, gen, topology, appSettings);
        const zipped = unzipBundle(zipBundle(format === 'plain' ? withEditorFiles(laid, editorFiles) : laid));

        expect(cliSettings).toEqual(appSettings);
        expect(zipped.length).toBeGreaterThan(2);
        // The folder also holds the marker that lets a later --force replace it (not in the zip).
        const written = readTree(out).filter((f) => f.path !== OUT_MARKER);
        expect(byPath(zipped).map((f) => f.path)).toEqual(byPath(written).map((f) => f.path));
        expect(byPath(zipped)).toEqual(byPath(written));
      });
    }
  }
});

describe('withEditorFiles', () => {
  const files = [
    { path: 'a.yaml', text: 'a: 1\n' },
    { path: 'b.yaml', text: 'b: 1\n' },
    { path: 'README.md', text: '# r\n' },
  ];

  it('is the layout itself when nothing was edited', () => {
    expect(withEditorFiles(files, files.slice(0, 2))).toEqual(files);
  });

  it('takes the edited text in place and keeps edited files the generator no longer writes', () => {
    const edited = withEditorFiles(files, [
      { path: 'b.yaml', text: '# reviewed\nb: 1\n' },
      { path: 'old.yaml', text: 'kept: true\n' },
    ]);
    expect(edited).toEqual([
      files[0],
      { path: 'b.yaml', text: '# reviewed\nb: 1\n' },
      files[2],
      { path: 'old.yaml', text: 'kept: true\n' },
    ]);
  });
});

describe('bundleSettings (the CLI)', () => {
  it("keeps a saved design's settings and lets only the given flags override them", () => {
    expect(bundleSettings(designSettings, {})).toEqual(withDefaults(designSettings));
    expect(bundleSettings(designSettings, { tag: '9.9.9' })).toEqual(withDefaults({ ...designSettings, tag: '9.9.9' }));
    expect(bundleSettings(undefined, {})).toEqual(withDefaults({}));
  });
});
