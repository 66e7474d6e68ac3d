/**
 * The editor buffer's rules, as pure functions over own-key records (file paths come from
 * imported designs and share links, so "constructor" or "__proto__" must be ordinary paths).
 *
 * Three layers of text per file, most recent first:
 *   live      — what the editor holds right now (typed, not yet committed to the design);
 *   edits     — the design's committed hand edits (undoable, saved, survive reload);
 *   generated — `generate(topology, settings)` laid out as plain YAML.
 * Each text has one owner: typing owns it in `live` until the commit moves it into the design's
 * `edits` (and out of `live`); `files` is a view of the three, not a copy to keep in step.
 */
import type { BundleFile } from '../../core/kube/objects';
import type { DesignDoc } from '../../core/model/design';
import { ownGet, ownRecord } from '../own-record';
import type { BufferState, GeneratedFiles } from './types';

/** Base marker for an edit of a file no longer generated that the user chose to keep. */
export const KEPT_ORPHAN = '\u0000kept';

export function textMap(files: readonly BundleFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.text]));
}

/** The text a file shows: live ?? edit ?? generated. */
export function currentText(
  live: BufferState['live'],
  doc: DesignDoc | null,
  generated: GeneratedFiles,
  path: string,
): string | undefined {
  return ownGet(live, path) ?? ownGet(doc?.edits, path) ?? generated.files.find((f) => f.path === path)?.text;
}

/**
 * Effective files in bundle order; edits of files no longer generated are kept (never lose
 * work). Unchanged file objects are reused from `prev`, so consumers can compare by identity.
 */
export function effectiveFiles(
  generated: GeneratedFiles,
  edits: Readonly<Record<string, string>>,
  live: BufferState['live'],
  prev: readonly BundleFile[],
): BundleFile[] {
  const before = new Map(prev.map((f) => [f.path, f]));
  const out: BundleFile[] = [];
  const keep = (path: string, text: string) => {
    const old = before.get(path);
    out.push(old && old.text === text ? old : { path, text });
  };
  const seen = new Set<string>();
  for (const f of generated.files) {
    seen.add(f.path);
    keep(f.path, ownGet(live, f.path) ?? ownGet(edits, f.path) ?? f.text);
  }
  for (const path of Object.keys(edits).sort()) {
    if (seen.has(path) || path === generated.readme?.path) continue;
    keep(path, ownGet(live, path) ?? ownGet(edits, path)!);
  }
  return out;
}

/**
 * The buffer after the design moved from `prev` to `doc`. An edit changed outside the typing
 * path (app undo, replaced document, our own commit) drops the stale editor text: the design
 * wins, and `cancel` stops the pending commit that would overwrite it.
 */
export function reconcile(
  prev: DesignDoc | null,
  doc: DesignDoc,
  generated: GeneratedFiles,
  buffer: BufferState,
  cancel: (path: string) => void,
): BufferState {
  let live = buffer.live;
  if (prev && prev.edits !== doc.edits) {
    const next = ownRecord(Object.entries(live));
    for (const path of new Set([...Object.keys(prev.edits), ...Object.keys(doc.edits)])) {
      if (ownGet(prev.edits, path) === ownGet(doc.edits, path)) continue;
      const typed = ownGet(next, path);
      if (typed !== undefined && typed !== ownGet(doc.edits, path)) cancel(path);
      delete next[path];
    }
    live = next;
  }
  const gen = textMap(generated.files);
  const base = ownRecord(Object.entries(buffer.base));
  for (const [path, text] of gen) {
    // Unedited files follow the generator silently; edited files keep the generation they were made against.
    if (ownGet(doc.edits, path) === undefined || ownGet(base, path) === undefined) base[path] = text;
  }
  const conflicts: string[] = [];
  for (const p of Object.keys(doc.edits).sort()) {
    if (p === generated.readme?.path) continue;
    // Changed under the edit, or no longer generated at all (the resource was removed or renamed).
    if (gen.has(p) ? gen.get(p) !== ownGet(base, p) : ownGet(base, p) !== KEPT_ORPHAN) conflicts.push(p);
  }
  return { live, base, conflicts };
}

/** The buffer after the user keeps their edits of `paths` over the current generation. */
export function keepEdits(
  buffer: BufferState,
  generated: GeneratedFiles,
  paths: Iterable<string>,
): Pick<BufferState, 'base' | 'conflicts'> {
  const which = new Set(paths);
  const gen = textMap(generated.files);
  const base = ownRecord(Object.entries(buffer.base));
  for (const p of which) base[p] = gen.get(p) ?? KEPT_ORPHAN;
  return { base, conflicts: buffer.conflicts.filter((p) => !which.has(p)) };
}
