/**
 * Corpus manifests for layout tests: every `fixtures/manifests/**\/*.json` imported into a
 * topology, plus helpers to parse rendered YAML streams the way kubectl reads them (YAML 1.1).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importManifest } from '../core/aspire/manifest';
import type { Topology } from '../core/model/topology';
import { parseBundle } from '../core/yaml/parse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const manifestsDir = join(root, 'fixtures', 'manifests');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.json') ? [p] : [];
  });
}

export interface CorpusEntry {
  name: string;
  topology: Topology;
}

export function corpusTopologies(): CorpusEntry[] {
  return walk(manifestsDir)
    .sort()
    .map((p) => {
      const name = relative(manifestsDir, p);
      const { topology } = importManifest(readFileSync(p, 'utf8'), { fileName: name.split('/').pop()! });
      return { name, topology };
    });
}

/** Objects of a multi-document YAML stream; YAML errors are returned, not thrown. */
export function parseStream(text: string, file = 'rendered.yaml'): { objects: unknown[]; errors: string[] } {
  const parsed = parseBundle([{ path: file, text }]);
  return { objects: parsed.docs.map((d) => d.value), errors: parsed.diagnostics.map((d) => d.message) };
}
