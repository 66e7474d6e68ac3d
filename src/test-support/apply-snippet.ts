/**
 * Applying a parity fix's YAML snippet the way the workbench does (src/ui/parity/apply-fix.ts),
 * on plain values, so core tests can prove a snippet really repairs its row: with a target,
 * merge into the node at target.path of the document that holds the evidence (sequences
 * append, replacing the items of the same name; maps merge keys, null removing one; anything
 * else is replaced; `replace` targets are replaced whole);
 * without a target, a whole Kubernetes object becomes a new document of the file.
 */
import { parse, parseAllDocuments } from 'yaml';
import type { ParityFix } from '../core/parity/types';
import { toYamlStream } from '../core/yaml/emit';
import { parseBundle } from '../core/yaml/parse';

type Path = (string | number)[];
type Rec = Record<string | number, unknown>;

function getIn(x: unknown, path: Path): unknown {
  let cur = x;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Rec)[p] : undefined;
  return cur;
}

function merge(root: unknown, path: Path, value: unknown): void {
  const parent = getIn(root, path.slice(0, -1)) as Rec;
  const last = path[path.length - 1]!;
  const existing = parent[last];
  if (Array.isArray(existing)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const name = item && typeof item === 'object' && 'name' in item ? (item as { name: unknown }).name : undefined;
      const at =
        name === undefined
          ? -1
          : existing.findIndex((e) => e && typeof e === 'object' && (e as { name?: unknown }).name === name);
      if (at < 0) existing.push(item);
      else {
        existing[at] = item;
        // Every further item of that name goes: the fix leaves one.
        for (let j = existing.length - 1; j > at; j--)
          if ((existing[j] as { name?: unknown } | null)?.name === name) existing.splice(j, 1);
      }
    }
  } else if (existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    // A key set to null is removed (JSON merge patch).
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete (existing as Rec)[k];
      else (existing as Rec)[k] = v;
    }
  } else parent[last] = value;
}

/** The file's text after applying the fix, or undefined when the snippet cannot be placed. */
export function applySnippet(fileText: string, fix: ParityFix, evidenceLine?: number): string | undefined {
  if (!fix.snippet) return undefined;
  const docs = parseBundle([{ path: 'f.yaml', text: fileText }]).docs;
  const objects = docs.map((d) => structuredClone(d.value));
  if (!fix.target) {
    // One or several whole objects (a ServiceAccount with its Role and RoleBinding).
    const values: unknown[] = parseAllDocuments(fix.snippet, { version: '1.1' }).map((d) => d.toJS());
    if (!values.every((v) => v && typeof v === 'object' && 'kind' in v)) return undefined;
    objects.push(...values);
  } else {
    const value: unknown = parse(fix.snippet, { version: '1.1' });
    const path = fix.target.path;
    const fits = (i: number) =>
      getIn(objects[i], path.slice(0, -1)) !== undefined && typeof getIn(objects[i], path.slice(0, -1)) === 'object';
    // The fix names its document by a line when the row's evidence lies in another one.
    const line = fix.target.line ?? evidenceLine;
    const at = docs.findIndex((d, i) => line !== undefined && line >= d.startLine && line <= d.endLine && fits(i));
    const i = at >= 0 ? at : objects.findIndex((_, j) => fits(j));
    if (i < 0) return undefined;
    if (!fix.target.replace) merge(objects[i], path, value);
    else if (path.length === 0) objects[i] = value;
    else {
      // The generator's fragment replaces the node whole; null removes it.
      const parent = getIn(objects[i], path.slice(0, -1)) as Rec;
      if (value === null) delete parent[path[path.length - 1]!];
      else parent[path[path.length - 1]!] = value;
    }
  }
  return toYamlStream(objects.map((object) => ({ object })));
}
