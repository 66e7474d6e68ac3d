/**
 * YAML snippets for fixes, written as YAML 1.1 so `yes`/`on` stay strings when pasted into a
 * bundle kubectl reads.
 */
import { stringify } from 'yaml';
import type { Path } from './bundle-index';
import type { ParityFix } from './types';

/**
 * Rendered snippets by value: many rows offer the same fix (`runAsNonRoot: true` for every
 * workload), and YAML emission is the slow part of building a row. Keyed by the JSON text,
 * which captures a plain-data value completely.
 */
const rendered = new Map<string, string>();

export function yamlSnippet(value: unknown): string {
  const key = JSON.stringify(value) ?? 'undefined';
  let text = rendered.get(key);
  if (text === undefined) {
    text = stringify(value, { version: '1.1', lineWidth: 0 });
    if (rendered.size >= 2000) rendered.clear();
    rendered.set(key, text);
  }
  return text;
}

export function fix(text: string, snippetValue?: unknown, file?: string, path?: Path, line?: number): ParityFix {
  return {
    text,
    ...(snippetValue !== undefined ? { snippet: yamlSnippet(snippetValue) } : {}),
    ...(file !== undefined && path !== undefined
      ? { target: { file, path, ...(line !== undefined ? { line } : {}) } }
      : {}),
  };
}

/** A fix whose snippet replaces the node at `path` whole (the generator's list, or null: remove it). */
export function replaceFix(text: string, value: unknown, file: string, path: Path, line?: number): ParityFix {
  return {
    text,
    snippet: yamlSnippet(value ?? null),
    target: { file, path, replace: true, ...(line !== undefined ? { line } : {}) },
  };
}

/** Whole objects the bundle lacks, as the generator writes them: new documents of the evidence's file. */
export function objectsFix(text: string, objects: readonly unknown[]): ParityFix {
  return { text, snippet: objects.map((o) => yamlSnippet(o)).join('---\n') };
}
