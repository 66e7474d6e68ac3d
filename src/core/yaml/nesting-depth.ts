/**
 * How deeply a YAML text nests, measured in one linear pass before anything parses it. Both
 * parsers recurse per level, and so do the rules that walk the values: 8 KB of `[[[[…` or
 * `- - - …` overflowed the stack ("Maximum call stack size exceeded", no file named). No
 * Kubernetes object comes near the limit (a CRD's openAPIV3Schema is a few dozen levels), so
 * deeper input is refused with its file and line instead of being parsed.
 */

export const MAX_YAML_DEPTH = 100;

/**
 * The 0-based line where nesting first exceeds `max`, or -1. Levels are counted from block
 * indentation (a stack of indents), `- ` items on one line and flow brackets (`[`, `{` where a
 * value starts, and any inside a flow collection, outside quotes and comments); block scalar
 * bodies (`|`, `>`) are text and are skipped. It may count a level more than a parser would,
 * never fewer, which at this limit only matters for input no cluster would accept anyway.
 */
export function tooDeepAt(text: string, max = MAX_YAML_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let scalarIndent = -1; // inside a block scalar: lines indented deeper than this are its text
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let p = start;
    while (p < end && text.charCodeAt(p) === 32) p++;
    const indent = p - start;
    const blank = p >= end || text[p] === '#' || text[p] === '\r';
    const next = end + 1;
    if (scalarIndent >= 0) {
      if (blank || indent > scalarIndent) {
        start = next;
        continue;
      }
      scalarIndent = -1;
    }
    if (blank) {
      start = next;
      continue;
    }
    if (indent === 0 && (text.startsWith('---', p) || text.startsWith('...', p))) {
      indents.length = 0;
      flow = 0;
      start = next;
      continue;
    }
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let depth = indents.length + flow;
    let valueStart = true; // a `[` or `{` here opens a flow collection
    let quote = '';
    let last = '';
    for (; p < end; p++) {
      const c = text[p]!;
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if (c === ' ') continue;
      if (c === '#' && (p === start || text[p - 1] === ' ')) break;
      // Whether a value may start right after this character (a structural one).
      let opens = false;
      if (valueStart && c === '-' && (p + 1 >= end || text[p + 1] === ' ')) {
        depth++;
        opens = true;
      } else if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
        depth++;
        opens = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        depth--;
      } else if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        quote = c;
      } else if ((c === ',' && flow > 0) || (c === ':' && (p + 1 >= end || text[p + 1] === ' ' || flow > 0)))
        opens = true;
      if (depth > max) return line;
      valueStart = opens;
      last = c;
    }
    if (
      flow === 0 &&
      (last === '|' || last === '>' || /[|>][-+0-9]*\s*(#.*)?$/.test(text.slice(Math.max(start, end - 12), end)))
    )
      scalarIndent = indent;
    start = next;
  }
  return -1;
}
