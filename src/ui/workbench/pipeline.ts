/**
 * Design → generated plain-YAML files, plus which resources each file recreates (so the editor
 * can follow the canvas selection and the canvas can follow the cursor). Memoised on the
 * topology and settings objects: the design store replaces them on change, never mutates.
 */
import { plainBundle, plainFileName } from '../../core/bundle/plain';
import { generate } from '../../core/kube/generate';
import type { GeneratedBundle } from '../../core/kube/objects';
import type { DesignDoc } from '../../core/model/design';
import { effectiveSettings } from '../../state/effective-settings';
import type { GeneratedFiles } from '../../state/workbench-store';

export interface Generation extends GeneratedFiles {
  gen: GeneratedBundle;
}

let last: { topology: DesignDoc['topology']; settings: DesignDoc['settings']; out: Generation } | undefined;

export function generateFiles(doc: DesignDoc): Generation {
  if (last && last.topology === doc.topology && last.settings === doc.settings) return last.out;
  const settings = effectiveSettings(doc);
  const gen = generate(doc.topology, settings);
  const all = plainBundle(gen, doc.topology, settings);
  const readme = all.find((f) => f.path === 'README.md');
  const files = all.filter((f) => f !== readme);
  const resourcesOf: Record<string, string[]> = {};
  for (const o of gen.objects) {
    if (!o.resource) continue;
    const path = plainFileName(o.group);
    const list = (resourcesOf[path] ??= []);
    if (!list.includes(o.resource)) list.push(o.resource);
  }
  const out: Generation = { files, ...(readme ? { readme } : {}), resourcesOf, gen };
  last = { topology: doc.topology, settings: doc.settings, out };
  return out;
}
