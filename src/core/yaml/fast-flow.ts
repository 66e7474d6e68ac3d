/**
 * Flow collections (`[a, b]`, `{k: v}`) on one line, for the fast YAML path (fast-parse.ts).
 * Nesting is bounded: past MAX_FAST_DEPTH the path gives up rather than recurse further.
 */
import type { LineNode, LineRef } from './fast-parse';
import { bail, FLOW_STOP, plainStartOk, quoted, resolvePlain, stringKey } from './fast-scalars';

/**
 * Deeper than this (block and flow levels together), the fast path gives up; parse.ts then runs
 * the depth pre-scan, which refuses far deeper input, before the library reads it.
 */
export const MAX_FAST_DEPTH = 64;

/**
 * A flow collection opening and closing on line `line` at `p`; `depth` counts the collections
 * around it, block ones too. Returns its value, line node and the index after its closing bracket.
 */
export function flow(s: string, p: number, line: number, depth = 0): { value: unknown; node: LineNode; end: number } {
  const r = new FlowReader(s, p, line);
  const value = r.collection(depth);
  return { value, node: r.node as LineNode, end: r.p };
}

/**
 * One cursor over a line for a flow collection and the ones inside it: a reader object, not
 * closures over a mutable index per collection (those were ~10 % of a cold check's garbage).
 */
class FlowReader {
  /** The line node of the latest value read. */
  node: LineRef = 0;
  constructor(
    readonly s: string,
    public p: number,
    readonly line: number,
  ) {}

  skip(): void {
    while (this.s.charCodeAt(this.p) === 32) this.p++;
  }

  /** After an item: true at the closing bracket (consumed); past a `,` another item must follow. */
  closed(close: string): boolean {
    const s = this.s;
    this.skip();
    if (s[this.p] === close) {
      this.p++;
      return true;
    }
    if (s[this.p] !== ',') bail();
    this.p++;
    this.skip();
    if (s[this.p] === close) bail();
    return false;
  }

  /** The collection at p (`[` or `{`). */
  collection(depth: number): unknown {
    if (depth > MAX_FAST_DEPTH) bail(); // the library, behind parse.ts's depth limit, takes it
    const s = this.s;
    const line = this.line;
    const open = s[this.p];
    this.p++;
    this.skip();
    if (open === '[') {
      const arr: unknown[] = [];
      const kids: LineRef[] = [];
      const node: LineNode = { line, end: line, seq: kids };
      if (s[this.p] === ']') {
        this.p++;
        this.node = node;
        return arr;
      }
      for (;;) {
        arr.push(this.item(false, depth));
        kids.push(this.node);
        if (this.closed(']')) {
          this.node = node;
          return arr;
        }
      }
    }
    const obj: Record<string, unknown> = {};
    const kids: Record<string, LineRef> = {};
    const node: LineNode = { line, end: line, map: kids };
    if (s[this.p] === '}') {
      this.p++;
      this.node = node;
      return obj;
    }
    for (;;) {
      const k = this.item(true, depth);
      if (typeof k !== 'string' || k === '<<' || k === '__proto__' || Object.hasOwn(kids, k)) bail();
      this.skip();
      if (s[this.p] !== ':' || s[this.p + 1] !== ' ') bail();
      this.p += 2;
      this.skip();
      if (s[this.p] === ',' || s[this.p] === '}') bail();
      obj[k] = this.item(false, depth);
      kids[k] = this.node;
      if (this.closed('}')) {
        this.node = node;
        return obj;
      }
    }
  }

  /** One item (a key when `isKey`) at p; leaves p after it. */
  item(isKey: boolean, depth: number): unknown {
    const s = this.s;
    const p = this.p;
    const c = s[p];
    if (c === '[' || c === '{') {
      if (isKey) bail();
      return this.collection(depth + 1);
    }
    this.node = this.line;
    if (c === '"' || c === "'") {
      const [v, end] = quoted(s, p);
      this.p = end;
      return v;
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
    this.p = k;
    return isKey ? stringKey(text) : resolvePlain(text);
  }
}
