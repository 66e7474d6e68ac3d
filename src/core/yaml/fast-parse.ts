/**
 * A fast path for the YAML that Kubernetes bundles are made of: block maps and sequences,
 * single-line plain/quoted scalars and flow collections, `|` / `|-` literals and comments.
 * It returns the same values and line ranges as the `yaml` library (fast-parse.test.ts compares
 * both on the parity fixtures, generated bundles and corner cases) several times faster, because
 * a cold parity check reads hundreds of documents. Anything else (anchors, tags, folded or
 * multi-line scalars, odd indentation, errors) makes it give up and parse.ts uses the library.
 */
import { Parser } from './fast-block';
import { BAIL, restIsComment } from './fast-scalars';

/** Line range (0-based, relative to the chunk) of a node and its children. */
export interface LineNode {
  line: number;
  end: number;
  /** Plain objects, not Maps (cheaper to build, measured): `__proto__` keys never take this path. */
  map?: Record<string, LineRef>;
  seq?: LineRef[];
}

/** A node, or the line of a one-line scalar (most values: no object is made for them). */
export type LineRef = LineNode | number;

export interface FastDoc {
  value: unknown;
  root: LineNode;
  startLine: number;
  endLine: number;
}

/**
 * Parse one chunk (one document, as split by parse.ts) or return undefined when it is
 * outside the subset: the caller then uses the `yaml` library.
 */
export function fastParseChunk(text: string): FastDoc[] | undefined {
  try {
    const ps = new Parser(text);
    const lines = ps.lines;
    let from = 0;
    let startLine: number;
    if (lines[0]!.startsWith('---')) {
      restIsComment(lines[0]!, 3);
      startLine = 0;
      from = 1;
    } else startLine = -1;
    const first = ps.nextContent(from);
    if (first < 0 || ps.indents[first] !== 0) return undefined;
    for (let i = first; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.startsWith('...') || l.startsWith('---') || l.startsWith('%')) return undefined;
    }
    const value = ps.block(first);
    const root = ps.node as LineNode; // block() reads a map or a sequence: always an object
    if (ps.nextContent(ps.next) >= 0) return undefined;
    if (startLine < 0) startLine = first;
    // A document ending in an empty value ends there for the library, not at the trailing blanks.
    if (ps.lastEmpty >= 0 && ps.nextContent(ps.lastEmpty + 1) < 0 && ps.lastLine > ps.lastEmpty) return undefined;
    // The document runs to the end of the chunk (trailing comments and blank lines included).
    const endLine = Math.max(startLine, ps.lastLine);
    return [{ value, root, startLine, endLine }];
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** The node at `path`, or its deepest existing ancestor (the library's `getIn` key rules). */
export function lineNodeAt(root: LineNode, path: readonly (string | number)[]): { line: number; end: number } {
  let node: LineRef = root;
  for (const p of path) {
    if (typeof node === 'number') break;
    let next: LineRef | undefined;
    if (node.map) next = typeof p === 'string' && Object.hasOwn(node.map, p) ? node.map[p] : undefined;
    else if (node.seq) {
      const idx = typeof p === 'string' && p ? Number(p) : p;
      next = typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 ? node.seq[idx] : undefined;
    }
    if (next === undefined) break; // a leaf on line 0 is the number 0
    node = next;
  }
  return typeof node === 'number' ? { line: node, end: node } : node;
}
