/**
 * Apply a parity row's YAML snippet to a bundle file's text. Pure (no Monaco): it returns the
 * line range of the one document it rewrote and that document's new text, so the editor can
 * replace exactly that range as a single undo step.
 *
 * The target path is inside "its document", but a file holds several (Deployment, Service…), so
 * the document is the one holding the row's evidence line, else the first where the path's
 * parent exists. Only that document is re-serialised; comments survive (yaml keeps them).
 */
import { isMap, isSeq, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { splitChunks } from '../yaml/parse';
import { keepSpelling } from './keep-spelling';
import type { ParityFix } from './types';

export interface FixEdit {
  /** 1-based, inclusive start line and exclusive end line of the replaced chunk. */
  startLine: number;
  endLine: number;
  /** Replacement text for those lines (ends with a newline when the original did). */
  text: string;
  /** The whole file after the edit. */
  fileText: string;
}

type Path = (string | number)[];

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function parentExists(doc: Document, path: Path): boolean {
  return path.length <= 1 ? isMap(doc.contents) : doc.hasIn(path.slice(0, -1));
}

/** An item's merge key: env entries, ports, containers and volumes are named. */
function nameOf(x: unknown): unknown {
  if (isMap(x)) return x.get('name');
  return x && typeof x === 'object' && 'name' in x ? (x as { name: unknown }).name : undefined;
}

/**
 * Merge the snippet into the node at `path`: sequences take each item by name (replacing every
 * item of that name, so a duplicate goes away) or append it; maps set each key, and a key set
 * to null is removed (JSON merge patch, as `kubectl patch --type merge`); else the node is replaced.
 */
function merge(doc: Document, path: Path, value: unknown): void {
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const name = nameOf(item);
      const at = name === undefined ? -1 : existing.items.findIndex((n) => nameOf(n) === name);
      if (at < 0) {
        existing.items.push(doc.createNode(item));
        continue;
      }
      existing.items[at] = doc.createNode(item);
      existing.items = existing.items.filter((n, i) => i <= at || nameOf(n) !== name);
    }
    return;
  }
  if (isMap(existing) && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) existing.delete(k);
      else existing.set(k, doc.createNode(v));
    }
    return;
  }
  doc.setIn(path, doc.createNode(value));
}

/**
 * The generator's fragment replaces the node at `path` whole (a list included, or the whole object
 * at []); null removes it.
 */
function replace(doc: Document, path: Path, value: unknown): void {
  if (path.length === 0) doc.contents = doc.createNode(value);
  else if (value === null || value === undefined) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(value));
}

const isObject = (v: unknown) => !!v && typeof v === 'object' && 'kind' in v && 'apiVersion' in v;

/** A whole Kubernetes object without a target: a new document at the end of the file. */
function appendDocument(fileText: string, snippet: string): FixEdit {
  const sep = fileText === '' ? '' : fileText.endsWith('\n') ? '---\n' : '\n---\n';
  const text = `${sep}${snippet.endsWith('\n') ? snippet : `${snippet}\n`}`;
  const startLine = countLines(fileText) + (fileText === '' || fileText.endsWith('\n') ? 1 : 2);
  return { startLine, endLine: startLine, text, fileText: fileText + text };
}

export function applyFix(fileText: string, fix: ParityFix, evidenceLine?: number): FixEdit | { error: string } {
  if (!fix.snippet) return { error: 'This fix has no YAML snippet to apply; follow its description instead.' };
  if (!fix.target) {
    // Whole Kubernetes objects (one or several documents, e.g. a ServiceAccount with its Role): new documents.
    const docs = parseAllDocuments(fix.snippet, { version: '1.1' });
    const bad = Array.isArray(docs) ? docs.find((d) => d.errors.length > 0) : undefined;
    if (!Array.isArray(docs) || bad)
      return { error: `The fix snippet is not valid YAML: ${bad?.errors[0]!.message ?? 'unreadable'}` };
    if (docs.length > 0 && docs.every((d) => isObject(d.toJS()))) return appendDocument(fileText, fix.snippet);
    return { error: 'This fix is a fragment to paste by hand; follow its description.' };
  }
  const snippetDoc = parseDocument(fix.snippet, { version: '1.1' });
  if (snippetDoc.errors.length > 0)
    return { error: `The fix snippet is not valid YAML: ${snippetDoc.errors[0]!.message}` };
  const value: unknown = snippetDoc.toJS();
  const path = fix.target.path;
  // The fix names its document by a line when the row's evidence lies in another one.
  const line = fix.target.line ?? evidenceLine;

  const chunks = splitChunks(fileText);
  const candidates: { i: number; doc: Document }[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const doc = parseDocument(c.text, { version: '1.1' });
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    candidates.push({ i, doc });
  }
  const inChunk = (i: number) => {
    const c = chunks[i]!;
    return line !== undefined && line > c.lineOffset && line <= c.lineOffset + Math.max(1, countLines(c.text));
  };
  const pick =
    candidates.find((c) => inChunk(c.i) && parentExists(c.doc, path)) ??
    candidates.find((c) => parentExists(c.doc, path)) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (!pick)
    return {
      error:
        `Could not find where to apply the fix in ${fix.target.file} (it may have syntax errors; fix ` +
        `those first).`,
    };

  if (fix.target.replace) replace(pick.doc, path, value);
  else merge(pick.doc, path, value);
  const chunk = chunks[pick.i]!;
  let text = keepSpelling(chunk.text, pick.doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true }));
  if (!chunk.text.endsWith('\n')) text = text.replace(/\n$/, '');
  const startLine = chunk.lineOffset + 1;
  const endLine = startLine + countLines(chunk.text);
  const fileOut = chunks.map((c, i) => (i === pick.i ? text : c.text)).join('');
  return { startLine, endLine, text, fileText: fileOut };
}
