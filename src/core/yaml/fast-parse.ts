/**
 * A fast path for the YAML that Kubernetes bundles are made of: block maps and sequences,
 * single-line plain/quoted scalars and flow collections, `|` / `|-` literals and comments.
 * It returns the same values and line ranges as the `yaml` library (fast-parse.test.ts compares
 * both on the parity fixtures, generated bundles and corner cases) several times faster, because
 * a cold parity check reads hundreds of documents. Anything else (anchors, tags, folded or
 * multi-line scalars, odd indentation, errors) makes it give up and parse.ts uses the library.
 */
import { Document, isScalar } from 'yaml';

/** Line range (0-based, relative to the chunk) of a node and its children. */
export interface LineNode {
  line: number;
  end: number;
  map?: Map<string, LineNode>;
  seq?: LineNode[];
}

export interface FastDoc {
  value: unknown;
  root: LineNode;
  startLine: number;
  endLine: number;
}

/** Thrown (never escapes) when the input leaves the supported subset. */
const BAIL: unique symbol = Symbol('bail');

function bail(): never {
  throw BAIL;
}

// Plain scalars are resolved by the library's own YAML 1.1 tag tests, so `yes`, `0x1f`,
// `1:30` or `2001-12-14` mean exactly what they mean to the library (and to kubectl).
const DOC_1_1 = new Document(null, { version: '1.1' });
const SCALAR_TAGS = DOC_1_1.schema.tags.filter((t) => t.default === true && 'test' in t && t.test) as unknown as { test: RegExp; resolve: (s: string, onError: (m: string) => void, o: unknown) => unknown }[];
/** Only these first characters can start a non-string plain scalar in YAML 1.1. */
const MAYBE_TYPED = /^[-+.~0-9yYnNtTfFoO]|^$/;
const resolved = new Map<string, unknown>();

function resolvePlain(s: string): unknown {
  if (!MAYBE_TYPED.test(s)) return s;
  if (resolved.has(s)) return resolved.get(s);
  const tag = SCALAR_TAGS.find((t) => t.test.test(s));
  if (!tag) return s;
  let failed = false;
  let v = tag.resolve(s, () => (failed = true), DOC_1_1.options);
  if (isScalar(v)) v = v.value; // null and booleans come back wrapped
  if (failed || (v !== null && typeof v === 'object')) bail(); // errors, timestamps: the library's job
  if (typeof v === 'bigint') v = Number(v);
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(s, v);
  return v;
}

function stringKey(s: string): string {
  if (s === '<<' || s === '__proto__' || resolvePlain(s) !== s) bail();
  return s;
}

const JSON_ESCAPES = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/** A quoted scalar starting at `p`; returns its value and the index after the closing quote. */
function quoted(s: string, p: number): [string, number] {
  const q = s[p];
  if (q === "'") {
    let k = p + 1;
    for (;;) {
      k = s.indexOf("'", k);
      if (k < 0) bail();
      if (s[k + 1] === "'") k += 2;
      else break;
    }
    return [s.slice(p + 1, k).replace(/''/g, "'"), k + 1];
  }
  let k = p + 1;
  for (;;) {
    k = s.indexOf('"', k);
    if (k < 0) bail();
    let bs = 0;
    while (s[k - 1 - bs] === '\\') bs++;
    if (bs % 2 === 0) break;
    k++;
  }
  const body = s.slice(p + 1, k);
  if (!body.includes('\\')) return [body, k + 1];
  if (JSON_ESCAPES.test(body) || body.includes('\t')) bail();
  return [JSON.parse(`"${body}"`) as string, k + 1];
}

/** Only spaces and an optional comment may follow a value on its line. */
function restIsComment(s: string, p: number): void {
  let k = p;
  while (s[k] === ' ') k++;
  if (k < s.length && (s[k] !== '#' || k === p)) bail();
}

const FLOW_STOP = new Set([',', '[', ']', '{', '}']);
const INDICATOR = new Set(['!', '&', '*', '|', '>', "'", '"', '%', '@', '`', '#', ',', '[', ']', '{', '}']);

function plainStartOk(s: string, p: number): boolean {
  const c = s[p]!;
  if (INDICATOR.has(c)) return false;
  if ((c === '-' || c === '?' || c === ':') && (p + 1 >= s.length || s[p + 1] === ' ')) return false;
  return true;
}

class Parser {
  readonly lines: string[];
  readonly indents: number[];
  /** 0 blank, 1 comment, 2 content (a `#` line inside a literal is content; literals read raw lines). */
  readonly kinds: Uint8Array;
  /** The line holding the text's last character. */
  readonly lastLine: number;
  /** The line of the latest empty (null) value. */
  lastEmpty = -1;

  constructor(text: string) {
    if (text.includes('\t') || text.includes('\r')) bail();
    this.lines = text.split('\n');
    const n = this.lines.length;
    this.indents = new Array<number>(n);
    this.kinds = new Uint8Array(n);
    this.lastLine = text.endsWith('\n') ? n - 2 : n - 1;
    for (let i = 0; i < n; i++) {
      const l = this.lines[i]!;
      let k = 0;
      while (l.charCodeAt(k) === 32) k++;
      this.indents[i] = k;
      this.kinds[i] = k === l.length ? 0 : l.charCodeAt(k) === 35 ? 1 : 2;
    }
  }

  nextContent(from: number): number {
    for (let i = from; i < this.lines.length; i++) if (this.kinds[i] === 2) return i;
    return -1;
  }

  isSeqItem(i: number): boolean {
    const l = this.lines[i]!;
    const c = this.indents[i]!;
    return l[c] === '-' && (c + 1 === l.length || l[c + 1] === ' ');
  }

  /** A block key at column p: [key, index after the ':'] or undefined when the line is not `key: …`. */
  key(s: string, p: number): [string, number] | undefined {
    const c = s[p];
    if (c === '"' || c === "'") {
      const [k, after] = quoted(s, p);
      if (s[after] !== ':' || (after + 1 < s.length && s[after + 1] !== ' ')) return undefined;
      if (k === '<<' || k === '__proto__') bail();
      return [k, after + 1];
    }
    if (!plainStartOk(s, p)) return undefined;
    for (let k = p; k < s.length; k++) {
      const ch = s[k];
      if (ch === ':' && (k + 1 === s.length || s[k + 1] === ' ')) return [stringKey(s.slice(p, k).trimEnd()), k + 1];
      if (ch === '#' && s[k - 1] === ' ') return undefined;
    }
    return undefined;
  }

  /**
   * Where a nested collection ends when comment lines follow its last value: the library keeps
   * the whole group of trailing comments (and the blank lines and indentation up to the next
   * token) in the collection if any of them is indented at least as deep as its items;
   * otherwise the group moves to the parent. Collections at column 0 never keep them.
   */
  commentEnd(from: number, col: number, end: number): number {
    if (col === 0) return end;
    let keep = false;
    let j = from;
    for (; j < this.lines.length; j++) {
      const k = this.kinds[j];
      if (k === 2) break;
      if (k === 1 && this.indents[j]! >= col) keep = true;
    }
    if (!keep) return end;
    if (j >= this.lines.length) return this.lastLine;
    return this.indents[j]! > 0 ? j : j - 1;
  }

  /** A collection whose first line is `i` (a map or a sequence at that line's indentation). */
  block(i: number): { value: unknown; node: LineNode; next: number } {
    const col = this.indents[i]!;
    if (this.isSeqItem(i)) return this.seq(i, col);
    if (!this.key(this.lines[i]!, col)) bail();
    return this.map(i, col);
  }

  map(first: number, col: number): { value: unknown; node: LineNode; next: number } {
    const obj: Record<string, unknown> = {};
    const kids = new Map<string, LineNode>();
    const node: LineNode = { line: first, end: first, map: kids };
    let i = first;
    let next: number;
    for (;;) {
      const s = this.lines[i]!;
      const k = this.key(s, col);
      if (!k) bail();
      const [name, after] = k;
      if (kids.has(name)) bail(); // duplicate keys are an error the library reports
      const v = this.value(i, after, col, true);
      obj[name] = v.value;
      kids.set(name, v.node);
      node.end = v.node.end;
      next = v.next;
      const j = this.nextContent(next);
      if (j < 0 || this.indents[j]! < col) break;
      if (this.indents[j]! > col || this.isSeqItem(j)) bail();
      i = j;
    }
    node.end = this.commentEnd(next, col, node.end);
    return { value: obj, node, next };
  }

  seq(first: number, col: number): { value: unknown; node: LineNode; next: number } {
    const arr: unknown[] = [];
    const kids: LineNode[] = [];
    const node: LineNode = { line: first, end: first, seq: kids };
    let i = first;
    let next: number;
    for (;;) {
      const s = this.lines[i]!;
      let p = col + 1;
      while (s[p] === ' ') p++;
      let v: { value: unknown; node: LineNode; next: number };
      if (p >= s.length || s[p] === '#') {
        if (p < s.length) bail(); // `- # note`, as above
        const j = this.nextContent(i + 1);
        if (j >= 0 && this.indents[j]! > col) v = this.block(j);
        else {
          this.emptyValueAt(i);
          v = { value: null, node: { line: i, end: i }, next: i + 1 };
        }
      } else if (s[p] === '-' && (p + 1 === s.length || s[p + 1] === ' ')) bail();
      else if (this.key(s, p)) v = this.map(i, p);
      else v = this.value(i, p, col, false);
      arr.push(v.value);
      kids.push(v.node);
      node.end = v.node.end;
      next = v.next;
      const j = this.nextContent(next);
      if (j < 0 || this.indents[j]! < col) break;
      if (this.indents[j]! > col) bail();
      if (!this.isSeqItem(j)) break; // a compact sequence under a key ends at the next key
      i = j;
    }
    node.end = this.commentEnd(next, col, node.end);
    return { value: arr, node, next };
  }

  /**
   * The value after `key:` (or `- `) on line i from column p; `col` is the owner's indentation.
   * `inMap`: a sequence at the key's own indentation is the key's value (compact style).
   */
  value(i: number, p: number, col: number, inMap: boolean): { value: unknown; node: LineNode; next: number } {
    const s = this.lines[i]!;
    while (s[p] === ' ') p++;
    if (p >= s.length || s[p] === '#') {
      if (p < s.length) bail(); // `key: # note`: the library's node range for that is its own business
      const j = this.nextContent(i + 1);
      if (j >= 0 && (this.indents[j]! > col || (inMap && this.indents[j] === col && this.isSeqItem(j)))) return this.block(j);
      this.emptyValueAt(i);
      return { value: null, node: { line: i, end: i }, next: i + 1 };
    }
    const c = s[p]!;
    if (c === '|') return this.literal(i, p, col);
    let value: unknown;
    let after: number;
    if (c === '"' || c === "'") [value, after] = quoted(s, p);
    else if (c === '[' || c === '{') {
      const f = this.flow(s, p, i);
      value = f.value;
      after = f.end;
      restIsComment(s, after);
      this.noContinuation(i, col);
      return { value, node: f.node, next: i + 1 };
    } else {
      if (!plainStartOk(s, p)) bail();
      let end = s.length;
      const hash = s.indexOf(' #', p);
      if (hash >= 0) end = hash;
      const text = s.slice(p, end).trimEnd();
      if (text.includes(': ') || text.endsWith(':')) bail();
      value = resolvePlain(text);
      after = end;
    }
    restIsComment(s, after);
    this.noContinuation(i, col);
    return { value, node: { line: i, end: i }, next: i + 1 };
  }

  /**
   * An empty (null) value on line i: remember it (a document ending there ends there), and
   * give up when comment lines follow, since where the library ends that null node depends on
   * their indentation in ways not worth copying (evidence lines would drift).
   */
  emptyValueAt(i: number): void {
    this.lastEmpty = i;
    for (let j = i + 1; j < this.lines.length && this.kinds[j] !== 2; j++) if (this.kinds[j] === 1) bail();
  }

  /** A deeper line after a one-line value would continue it (multi-line scalar) or be an error. */
  noContinuation(i: number, col: number): void {
    for (let j = i + 1; j < this.lines.length; j++) {
      if (this.kinds[j] === 0) continue;
      if (this.indents[j]! > col) bail();
      return;
    }
  }

  /** `|` or `|-` block literal (clip or strip chomping, auto-detected indentation). */
  literal(i: number, p: number, col: number): { value: unknown; node: LineNode; next: number } {
    const s = this.lines[i]!;
    let h = p + 1;
    const strip = s[h] === '-';
    if (strip) h++;
    restIsComment(s, h);
    if (h < s.length && s[h] !== ' ') bail();
    const lines = this.lines;
    let first = i + 1;
    let maxBlank = 0;
    while (first < lines.length && this.kinds[first] === 0) {
      maxBlank = Math.max(maxBlank, lines[first]!.length);
      first++;
    }
    if (first >= lines.length) bail();
    const m = this.indents[first]!;
    if (m <= col || maxBlank > m) bail();
    let last = first;
    for (let j = first; j < lines.length; j++) {
      const l = lines[j]!;
      if (this.kinds[j] === 0) {
        if (l.length > m) bail();
        continue;
      }
      if (this.indents[j]! < m) break;
      last = j;
    }
    // The text must end with a line break after the literal (else clip keeps none).
    if (last + 1 >= lines.length) bail();
    const parts: string[] = [];
    for (let j = i + 1; j <= last; j++) parts.push(lines[j]!.length > m ? lines[j]!.slice(m) : '');
    const body = parts.join('\n');
    return { value: strip ? body : `${body}\n`, node: { line: i, end: last }, next: last + 1 };
  }

  /** A flow collection that opens and closes on line `line`. */
  flow(s: string, p: number, line: number): { value: unknown; node: LineNode; end: number } {
    const open = s[p];
    p++;
    const skip = () => {
      while (s[p] === ' ') p++;
    };
    skip();
    /** After an item: true at the closing bracket; past a `,` another item must follow. */
    const closed = (close: string): boolean => {
      skip();
      if (s[p] === close) return true;
      if (s[p] !== ',') bail();
      p++;
      skip();
      if (s[p] === close) bail();
      return false;
    };
    if (open === '[') {
      const arr: unknown[] = [];
      const kids: LineNode[] = [];
      if (s[p] === ']') return { value: arr, node: { line, end: line, seq: kids }, end: p + 1 };
      for (;;) {
        const item = this.flowItem(s, p, line, false);
        arr.push(item.value);
        kids.push(item.node);
        p = item.end;
        if (closed(']')) return { value: arr, node: { line, end: line, seq: kids }, end: p + 1 };
      }
    }
    const obj: Record<string, unknown> = {};
    const kids = new Map<string, LineNode>();
    if (s[p] === '}') return { value: obj, node: { line, end: line, map: kids }, end: p + 1 };
    for (;;) {
      const k = this.flowItem(s, p, line, true);
      if (typeof k.value !== 'string' || k.value === '<<' || k.value === '__proto__' || kids.has(k.value)) bail();
      p = k.end;
      skip();
      if (s[p] !== ':' || s[p + 1] !== ' ') bail();
      p += 2;
      skip();
      if (s[p] === ',' || s[p] === '}') bail();
      const v = this.flowItem(s, p, line, false);
      obj[k.value] = v.value;
      kids.set(k.value, v.node);
      p = v.end;
      if (closed('}')) return { value: obj, node: { line, end: line, map: kids }, end: p + 1 };
    }
  }

  flowItem(s: string, p: number, line: number, isKey: boolean): { value: unknown; node: LineNode; end: number } {
    const c = s[p];
    if (c === '[' || c === '{') {
      if (isKey) bail();
      return this.flow(s, p, line);
    }
    if (c === '"' || c === "'") {
      const [v, end] = quoted(s, p);
      return { value: v, node: { line, end: line }, end };
    }
    if (p >= s.length || !plainStartOk(s, p)) bail();
    let k = p;
    for (; k < s.length; k++) {
      const ch = s[k]!;
      if (FLOW_STOP.has(ch)) break;
      if (ch === ':' && (k + 1 === s.length || s[k + 1] === ' ' || FLOW_STOP.has(s[k + 1]!))) break;
      if (ch === '#' && s[k - 1] === ' ') bail();
    }
    if (s[k] === ':' && !isKey) bail();
    const text = s.slice(p, k).trimEnd();
    if (!text) bail();
    return { value: isKey ? stringKey(text) : resolvePlain(text), node: { line, end: line }, end: k };
  }
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
    const root = ps.block(first);
    if (ps.nextContent(root.next) >= 0) return undefined;
    if (startLine < 0) startLine = first;
    // A document ending in an empty value ends there for the library, not at the trailing blanks.
    if (ps.lastEmpty >= 0 && ps.nextContent(ps.lastEmpty + 1) < 0 && ps.lastLine > ps.lastEmpty) return undefined;
    // The document runs to the end of the chunk (trailing comments and blank lines included).
    const endLine = Math.max(startLine, ps.lastLine);
    return [{ value: root.value, root: root.node, startLine, endLine }];
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** The node at `path`, or its deepest existing ancestor (the library's `getIn` key rules). */
export function lineNodeAt(root: LineNode, path: readonly (string | number)[]): LineNode {
  let node = root;
  for (const p of path) {
    let next: LineNode | undefined;
    if (node.map) next = typeof p === 'string' ? node.map.get(p) : undefined;
    else if (node.seq) {
      const idx = typeof p === 'string' && p ? Number(p) : p;
      next = typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 ? node.seq[idx] : undefined;
    }
    if (!next) break;
    node = next;
  }
  return node;
}
