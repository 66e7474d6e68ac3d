/**
 * Block structure for the fast YAML path (fast-parse.ts): the lines of a chunk with their
 * indentation, block maps and sequences, `|` literals, and where each node's lines end.
 */
import type { LineNode, LineRef } from './fast-parse';
import { flow, MAX_FAST_DEPTH } from './fast-flow';
import { internKey } from './key-intern';
import { bail, plainStartOk, quoted, resolvePlain, restIsComment, stringKey } from './fast-scalars';

/** The block structure of one chunk: lines, indentation, maps, sequences, literals. */
export class Parser {
  /** Collections open around the one being read (bounded: see MAX_FAST_DEPTH). */
  depth = 0;

  readonly lines: string[];
  readonly indents: number[];
  /** 0 blank, 1 comment, 2 content (a `#` line inside a literal is content; literals read raw lines). */
  readonly kinds: Uint8Array;
  /** The line holding the text's last character. */
  readonly lastLine: number;
  /** The line of the latest empty (null) value. */
  lastEmpty = -1;
  /**
   * Out-parameters of block/map/seq/value/literal, which return the value itself: the line node
   * of what was read and the line after it. One wrapper object per YAML value was a good share
   * of a cold check's garbage (measured: scavenges per 300-document parse).
   */
  node: LineRef = 0;
  next = 0;

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

  /** The key read by the latest successful key() call. */
  keyName = '';

  /**
   * A block key at column p: the index after its ':' (the key itself in keyName), or -1 when the
   * line is not `key: …`. A field, not a returned pair: this runs once per key of the bundle.
   */
  key(s: string, p: number): number {
    const c = s.charCodeAt(p);
    if (c === 34 || c === 39) {
      const [k, after] = quoted(s, p);
      if (s.charCodeAt(after) !== 58 || (after + 1 < s.length && s.charCodeAt(after + 1) !== 32)) return -1;
      if (k === '<<' || k === '__proto__') bail();
      this.keyName = k;
      return after + 1;
    }
    if (!plainStartOk(s, p)) return -1;
    // The first `:` followed by a space or the line's end, unless a ` #` comment starts before it.
    let colon = s.indexOf(':', p);
    while (colon >= 0 && colon + 1 < s.length && s.charCodeAt(colon + 1) !== 32) colon = s.indexOf(':', colon + 1);
    if (colon < 0) return -1;
    const hash = s.indexOf(' #', p);
    if (hash >= 0 && hash < colon) return -1;
    let end = colon;
    while (end > p && s.charCodeAt(end - 1) === 32) end--;
    this.keyName = internKey(s, p, end, stringKey);
    return colon + 1;
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
  block(i: number): unknown {
    if (++this.depth > MAX_FAST_DEPTH) bail(); // a parser error ends the parse; no need to count down after one
    const col = this.indents[i]!;
    const r = this.isSeqItem(i) ? this.seq(i, col) : this.key(this.lines[i]!, col) >= 0 ? this.map(i, col) : bail();
    this.depth--;
    return r;
  }

  map(first: number, col: number): unknown {
    const obj: Record<string, unknown> = {};
    const kids: Record<string, LineRef> = {};
    const node: LineNode = { line: first, end: first, map: kids };
    let i = first;
    let next: number;
    for (;;) {
      const s = this.lines[i]!;
      const after = this.key(s, col);
      if (after < 0) bail();
      const name = this.keyName;
      if (Object.hasOwn(kids, name)) bail(); // duplicate keys are an error the library reports
      obj[name] = this.value(i, after, col, true);
      kids[name] = this.node;
      node.end = endOf(this.node);
      next = this.next;
      const j = this.nextContent(next);
      if (j < 0 || this.indents[j]! < col) break;
      if (this.indents[j]! > col || this.isSeqItem(j)) bail();
      i = j;
    }
    node.end = this.commentEnd(next, col, node.end);
    return this.out(obj, node, next);
  }

  seq(first: number, col: number): unknown {
    const arr: unknown[] = [];
    const kids: LineRef[] = [];
    const node: LineNode = { line: first, end: first, seq: kids };
    let i = first;
    let next: number;
    for (;;) {
      const s = this.lines[i]!;
      let p = col + 1;
      while (s[p] === ' ') p++;
      let v: unknown;
      if (p >= s.length || s[p] === '#') {
        if (p < s.length) bail(); // `- # note`, as above
        const j = this.nextContent(i + 1);
        if (j >= 0 && this.indents[j]! > col) v = this.block(j);
        else {
          this.emptyValueAt(i);
          v = this.out(null, i, i + 1);
        }
      } else if (s[p] === '-' && (p + 1 === s.length || s[p + 1] === ' ')) bail();
      else if (this.key(s, p) >= 0) v = this.map(i, p);
      else v = this.value(i, p, col, false);
      arr.push(v);
      kids.push(this.node);
      node.end = endOf(this.node);
      next = this.next;
      const j = this.nextContent(next);
      if (j < 0 || this.indents[j]! < col) break;
      if (this.indents[j]! > col) bail();
      if (!this.isSeqItem(j)) break; // a compact sequence under a key ends at the next key
      i = j;
    }
    node.end = this.commentEnd(next, col, node.end);
    return this.out(arr, node, next);
  }

  /**
   * The value after `key:` (or `- `) on line i from column p; `col` is the owner's indentation.
   * `inMap`: a sequence at the key's own indentation is the key's value (compact style).
   */
  value(i: number, p: number, col: number, inMap: boolean): unknown {
    const s = this.lines[i]!;
    while (s[p] === ' ') p++;
    if (p >= s.length || s[p] === '#') {
      if (p < s.length) bail(); // `key: # note`: the library's node range for that is its own business
      const j = this.nextContent(i + 1);
      if (j >= 0 && (this.indents[j]! > col || (inMap && this.indents[j] === col && this.isSeqItem(j))))
        return this.block(j);
      this.emptyValueAt(i);
      return this.out(null, i, i + 1);
    }
    const c = s[p]!;
    if (c === '|') return this.literal(i, p, col);
    let value: unknown;
    let after: number;
    if (c === '"' || c === "'") [value, after] = quoted(s, p);
    else if (c === '[' || c === '{') {
      const f = flow(s, p, i, this.depth);
      value = f.value;
      after = f.end;
      restIsComment(s, after);
      this.noContinuation(i, col);
      return this.out(value, f.node, i + 1);
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
    return this.out(value, i, i + 1);
  }

  /** Set the out-parameters and hand the value back. */
  out(value: unknown, node: LineRef, next: number): unknown {
    this.node = node;
    this.next = next;
    return value;
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
  literal(i: number, p: number, col: number): unknown {
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
    return this.out(strip ? body : `${body}\n`, { line: i, end: last }, last + 1);
  }
}

/** The last line of a node (a number is a one-line leaf: that line). */
function endOf(n: LineRef): number {
  return typeof n === 'number' ? n : n.end;
}
