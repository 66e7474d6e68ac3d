/**
 * The whole re-check of a bundle, as one function the worker (and tests) call: parity rows plus
 * strict Kubernetes validation placed on lines. Caches make a re-check after one edit cheap: the
 * YAML cache re-parses only changed documents, the rule memo keeps the lint rows of unchanged
 * workloads, and validation results are remembered per parsed document value (a cached chunk
 * keeps its value object, so identity is exact).
 */
import { validateObjects } from '../kube/validate';
import type { BundleFile } from '../kube/objects';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { parseBundle } from '../yaml/parse';
import { ParityChecker, type ParityResult } from './engine';
import type { ParityOptions } from './types';

/** A strict-validation finding placed on the lines of its document. */
export interface ValidationMarker {
  file: string;
  line: number;
  endLine: number;
  message: string;
  /** JSON pointer inside the object, e.g. "/data/FEATURE_X". */
  path: string;
}

export interface BundleChecker {
  check(
    topology: Topology,
    settings: DeploySettings,
    files: readonly BundleFile[],
    options?: ParityOptions,
  ): { report: ParityResult; validation: ValidationMarker[]; objects: number };
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** How a face names YAML read from standard input (`check … -`); it has no file extension. */
export const STDIN_PATH = '<stdin>';

/**
 * The files the check reads: YAML by name (a bundle also holds README, JSON), standard input,
 * and rendered output (`<kubectl kustomize overlays/prod>`): a name in <> is no file.
 */
const isYamlSource = (path: string) => path.startsWith('<') || /\.ya?ml$/i.test(path);

export function createBundleChecker(): BundleChecker {
  const parity = new ParityChecker();
  let validated = new WeakMap<object, { path: string; message: string }[]>();
  return {
    check(topology, settings, files, options) {
      const yamlFiles = files.filter((f) => isYamlSource(f.path));
      const result = parity.check({ topology, files: yamlFiles, settings, ...(options ? { options } : {}) });
      // Same cache: every chunk is a hit, so this costs a walk, not a parse.
      const parsed = parseBundle(yamlFiles, parity.cache);
      const validation: ValidationMarker[] = [];
      const next = new WeakMap<object, { path: string; message: string }[]>();
      // Documents that are objects at all: with none, every row would judge an empty bundle.
      let objects = 0;
      for (const doc of parsed.docs) {
        if (doc.value === null || typeof doc.value !== 'object') continue;
        objects++;
        const key = doc.value as object;
        let issues = validated.get(key);
        if (!issues) {
          try {
            issues = validateObjects([doc.value]).map((i) => ({ path: i.path, message: i.message }));
          } catch (e) {
            issues = [{ path: '', message: `validation failed: ${(e as Error).message}` }];
          }
        }
        next.set(key, issues);
        for (const i of issues) {
          const r = doc.rangeOf(pointerToPath(i.path));
          validation.push({
            file: doc.file,
            line: r.line,
            endLine: r.endLine,
            path: i.path,
            message: i.path ? `${i.path}: ${i.message}` : i.message,
          });
        }
      }
      validated = next;
      return { report: result, validation, objects };
    },
  };
}
