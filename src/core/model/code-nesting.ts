/**
 * How deeply App Host code nests brackets, found in one linear pass before any parser runs:
 * the TypeScript compiler overflows the stack on about 1,600 nested `[` (fuzz seed 17, case
 * #4407, a 3 KB file), and every reader here walks its tree recursively. Strings and comments
 * are skipped, so braces inside a literal do not count. Real App Hosts nest a few dozen levels.
 */
export const MAX_CODE_DEPTH = 256;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** The 1-based line where nesting first passes `max`, or undefined. */
export function codeTooDeepAt(text: string, max = MAX_CODE_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) if (text[i++] === '\n') line++;
      i++;
    } else if (c === '"' || c === "'" || c === '`') {
      // To the closing quote (a line break ends all but a template literal: a damaged file).
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') {
          line++;
          if (c !== '`') break;
        }
      }
    } else if (OPEN.has(c)) {
      if (++depth > max) return line;
    } else if (CLOSE.has(c) && depth > 0) depth--;
  }
  return undefined;
}
