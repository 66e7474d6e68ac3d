/**
 * Apply a parity row's YAML snippet to a bundle file's text. Pure (no Monaco): it returns the
 * line range of the one document it rewrote and that document's new text, so the editor can
 * replace exactly that range as a single undo step.
 *
 * The target path is inside "its document", but a file holds several (Deployment, Service…), so
 * the document is the one holding the row's evidence line, else the first where the path's
 * parent exists. Only that document is re-serialised; comments survive (yaml keeps them).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { splitChunks } from '../yaml/parse';
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

/** Merge the snippet into the node at `path`: maps merge keys, sequences append, else replace. */
function merge(doc: Document, path: Path, value: unknown): void {
  const existing = doc.getIn(path, true);
  if (isSeq(existing)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      // An env entry or port with the same name is replaced, not duplicated.
      const name = item && typeof item === 'object' && 'name' in item ? (item as { name: unknown }).name : undefined;
      const at = name === undefined ? -1 : existing.items.findIndex((n) => isMap(n) && n.get('name') === name);
      if (at >= 0) existing.items[at] = doc.createNode(item);
      else existing.items.push(doc.createNode(item));
    }
    return;
  }
  if (isMap(existing) && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) existing.set(k, doc.createNode(v));
    return;
  }
  if (isScalar(existing) || existing === undefined || existing === null || isMap(existing)) {
    doc.setIn(path, doc.createNode(value));
    return;
  }
  doc.setIn(path, doc.createNode(value));
}

/** A whole Kubernetes object without a target: a new document at the end of the file. */
function appendDocument(fileText: string, snippet: string): FixEdit {
  const sep = fileText === '' ? '' : fileText.endsWith('\n') ? '---\n' : '\n---\n';
  const text = `${sep}${snippet.endsWith('\n') ? snippet : `${snippet}\n`}`;
  const startLine = countLines(fileText) + (fileText === '' || fileText.endsWith('\n') ? 1 : 2);
  return { startLine, endLine: startLine, text, fileText: fileText + text };
}

export function applyFix(fileText: string, fix: ParityFix, evidenceLine?: number): FixEdit | { error: string } {
  if (!fix.snippet) return { error: 'This fix has no YAML snippet to apply; follow its description instead.' };
  const snippetDoc = parseDocument(fix.snippet, { version: '1.1' });
  if (snippetDoc.errors.length > 0)
    return { error: `The fix snippet is not valid YAML: ${snippetDoc.errors[0]!.message}` };
  const value: unknown = snippetDoc.toJS();
  if (!fix.target) {
    if (value && typeof value === 'object' && 'kind' in value && 'apiVersion' in value)
      return appendDocument(fileText, fix.snippet);
    return { error: 'This fix is a fragment to paste by hand; follow its description.' };
  }
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

  merge(pick.doc, path, value);
  const chunk = chunks[pick.i]!;
  let text = pick.doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  if (!chunk.text.endsWith('\n')) text = text.replace(/\n$/, '');
  const startLine = chunk.lineOffset + 1;
  const endLine = startLine + countLines(chunk.text);
  const fileOut = chunks.map((c, i) => (i === pick.i ? text : c.text)).join('');
  return { startLine, endLine, text, fileText: fileOut };
}
