/**
 * Flow collections (`[a, b]`, `{k: v}`) on one line, for the fast YAML path (fast-parse.ts).
 * Nesting is bounded: past MAX_FAST_DEPTH the path gives up rather than recurse further.
 */
import type { LineNode } from './fast-parse';
import { bail, FLOW_STOP, plainStartOk, quoted, resolvePlain, stringKey } from './fast-scalars';

/**
 * Deeper than this (block and flow levels together), the fast path gives up; parse.ts then runs
 * the depth pre-scan, which refuses far deeper input, before the library reads it.
 */
export const MAX_FAST_DEPTH = 64;

/** A flow collection opening and closing on line `line`; `depth` counts the collections around it, block ones too. */
export function flow(s: string, p: number, line: number, depth = 0): { value: unknown; node: LineNode; end: number } {
  if (depth > MAX_FAST_DEPTH) bail(); // the library, behind parse.ts's depth limit, takes it
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
      const item = flowItem(s, p, line, false, depth);
      arr.push(item.value);
      kids.push(item.node);
      p = item.end;
      if (closed(']')) return { value: arr, node: { line, end: line, seq: kids }, end: p + 1 };
    }
  }
  const obj: Record<string, unknown> = {};
  const kids: Record<string, LineNode> = {};
  if (s[p] === '}') return { value: obj, node: { line, end: line, map: kids }, end: p + 1 };
  for (;;) {
    const k = flowItem(s, p, line, true, depth);
    if (typeof k.value !== 'string' || k.value === '<<' || k.value === '__proto__' || Object.hasOwn(kids, k.value))
      bail();
    p = k.end;
    skip();
    if (s[p] !== ':' || s[p + 1] !== ' ') bail();
    p += 2;
    skip();
    if (s[p] === ',' || s[p] === '}') bail();
    const v = flowItem(s, p, line, false, depth);
    obj[k.value] = v.value;
    kids[k.value] = v.node;
    p = v.end;
    if (closed('}')) return { value: obj, node: { line, end: line, map: kids }, end: p + 1 };
  }
}

function flowItem(
  s: string,
  p: number,
  line: number,
  isKey: boolean,
  depth: number,
): { value: unknown; node: LineNode; end: number } {
  const c = s[p];
  if (c === '[' || c === '{') {
    if (isKey) bail();
    return flow(s, p, line, depth + 1);
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
