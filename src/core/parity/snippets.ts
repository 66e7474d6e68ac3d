/**
 * YAML snippets for fixes, written as YAML 1.1 so `yes`/`on` stay strings when pasted into a
 * bundle kubectl reads.
 */
import { stringify } from 'yaml';
import type { Path } from './bundle-index';
import type { ParityFix } from './types';

export function yamlSnippet(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0 });
}

export function fix(text: string, snippetValue?: unknown, file?: string, path?: Path): ParityFix {
  return {
    text,
    ...(snippetValue !== undefined ? { snippet: yamlSnippet(snippetValue) } : {}),
    ...(file !== undefined && path !== undefined ? { target: { file, path } } : {}),
  };
}
