/**
 * A small, iterative JSON parser for user files (manifests, design documents).
 *
 * Why not just JSON.parse: we need (1) line and column for syntax errors on every engine
 * (browsers and Node word their messages differently, and some omit the position), (2) a
 * nesting limit enforced *before* anything recurses (JSON.parse itself overflows the stack on
 * ~100k nested arrays), (3) duplicate-key detection, (4) the source offset of values so later
 * diagnostics can point at a field, and (5) objects with no prototype, so `__proto__` and
 * `constructor` keys are plain data and can pollute nothing.
 *
 * It never recurses and never throws: every failure is returned as a JsonSyntaxError.
 */
import { JsonPositions, pointerSegment } from './json-positions';
import { LineIndex } from './line-index';
import type { DuplicateKey, JsonLimits, JsonObject, JsonParseResult, JsonSyntaxError, JsonValue } from './json-types';

export type { DuplicateKey, JsonLimits, JsonObject, JsonParseResult, JsonSyntaxError, JsonValue } from './json-types';
export { isJsonObject, own } from './json-types';
export { JsonPositions, pointerSegment } from './json-positions';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

interface Frame {
  container: JsonObject | JsonValue[];
  pointer: string;
  /** Object frames: the key whose value is being parsed. */
  key?: string;
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the input';
  if (ch === '\n') return 'a line break';
  if (ch.trim() === '') return 'whitespace';
  return `'${ch}'`;
}

/** Parse JSON text. A leading UTF-8 BOM is accepted (Verify snapshots start with one). */
export function parseJson(input: string, limits: JsonLimits): JsonParseResult {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const text = hadBom ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const fail = (code: JsonSyntaxError['code'], message: string, offset: number): JsonParseResult => {
    const { line, column } = lines.position(offset);
    if (code === 'json-syntax' && offset >= text.length && text.length > 0 && !message.includes('truncated')) {
      message = `${message} The file looks truncated.`;
    }
    return { ok: false, error: { code, message, offset, line, column } };
  };
  if (text.length > limits.maxChars) {
    const mb = (limits.maxChars / 1_000_000).toFixed(0);
    return fail(
      'json-too-large',
      `The file is too large (${(text.length / 1_000_000).toFixed(1)} MB); the limit is ${mb} MB.`,
      0,
    );
  }

  const offsets = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;

  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  /** Read a string starting at the opening quote; returns undefined and sets `err` on failure. */
  let err: JsonParseResult | undefined;
  const readString = (): string | undefined => {
    const start = i;
    i++; // opening quote
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const body = text.slice(start + 1, i);
        i++;
        if (!escaped) return body;
        try {
          return JSON.parse(`"${body}"`) as string;
        } catch {
          err = fail('json-syntax', 'Invalid escape sequence in a string.', start);
          return undefined;
        }
      }
      if (c === 0x5c) {
        escaped = true;
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            err = fail('json-syntax', 'Invalid \\u escape in a string (expected 4 hex digits).', i);
            return undefined;
          }
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          err = fail('json-syntax', `Invalid escape sequence \\${next ?? ''} in a string.`, i);
          return undefined;
        }
        i += 2;
        continue;
      }
      if (c < 0x20) {
        err = fail('json-syntax', 'Unescaped control character (e.g. a line break) inside a string.', i);
        return undefined;
      }
      i++;
    }
    err = fail('json-syntax', 'Unterminated string: the input ends before the closing quote.', start);
    return undefined;
  };

  /** A property name and its ':' (`where` says what came before, for the message); undefined sets `err`. */
  const readKey = (where: string): string | undefined => {
    if (text[i] !== '"') {
      err = fail('json-syntax', `Expected a property name in double quotes${where} but found ${describe(text[i])}.`, i);
      return undefined;
    }
    const key = readString();
    if (key === undefined) return undefined;
    skipWs();
    if (text[i] !== ':') {
      err = fail('json-syntax', `Expected ':' after the property name "${key}" but found ${describe(text[i])}.`, i);
      return undefined;
    }
    i++;
    return key;
  };

  let root: JsonValue | undefined;

  /** Store a finished value into the current container (or as the root). */
  const place = (value: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (Array.isArray(top.container)) top.container.push(value);
    else {
      const key = top.key!;
      if (Object.prototype.hasOwnProperty.call(top.container, key)) {
        const at = offsets.get(`${top.pointer}/${pointerSegment(key)}`);
        const pos = lines.position(at ?? i);
        duplicates.push({ pointer: top.pointer, key, ...pos });
      }
      // The container has no prototype, so this is a plain own property even for "__proto__".
      top.container[key] = value;
    }
  };

  const childPointer = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (Array.isArray(top.container)) return `${top.pointer}/${top.container.length}`;
    return `${top.pointer}/${pointerSegment(top.key!)}`;
  };

  /** After a value: expect ',' or the closing bracket; pops finished containers. Returns true to read another value. */
  for (;;) {
    // ---- read one value ----
    skipWs();
    if (i >= n) {
      if (stack.length) return fail('json-syntax', 'Unexpected end of input: the file looks truncated.', i);
      // Blank (whitespace only): nothing was cut off, and there is no line to point at but the first.
      return fail('json-syntax', 'The file is empty.', 0);
    }
    const pointer = childPointer();
    if (stack.length < limits.positionDepth) offsets.set(pointer, i);
    const ch = text[i]!;
    if (ch === '{' || ch === '[') {
      if (stack.length >= limits.maxDepth) {
        return fail(
          'json-too-deep',
          `Nesting is deeper than ${limits.maxDepth} levels; the limit is ${limits.maxDepth}.`,
          i,
        );
      }
      i++;
      skipWs();
      if (ch === '{') {
        const obj = Object.create(null) as JsonObject;
        if (text[i] === '}') {
          i++;
          place(obj);
        } else {
          stack.push({ container: obj, pointer });
          const key = readKey('');
          if (key === undefined) return err!;
          stack[stack.length - 1]!.key = key;
          continue;
        }
      } else {
        const arr: JsonValue[] = [];
        if (text[i] === ']') {
          i++;
          place(arr);
        } else {
          stack.push({ container: arr, pointer });
          continue;
        }
      }
    } else if (ch === '"') {
      const s = readString();
      if (s === undefined) return err!;
      place(s);
    } else if (ch === 't' && text.startsWith('true', i)) {
      i += 4;
      place(true);
    } else if (ch === 'f' && text.startsWith('false', i)) {
      i += 5;
      place(false);
    } else if (ch === 'n' && text.startsWith('null', i)) {
      i += 4;
      place(null);
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || m[0] === '-')
        return fail(
          'json-syntax',
          `Unexpected ${describe(ch)}: expected a value (string, number, object, array, true, false or null).`,
          i,
        );
      i += m[0].length;
      place(Number(m[0]));
    }

    // ---- after a value: close finished containers, or continue with the next element ----
    for (;;) {
      skipWs();
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n) return fail('json-syntax', `Unexpected ${describe(text[i])} after the end of the JSON value.`, i);
        return { ok: true, value: root!, positions: new JsonPositions(offsets, lines), duplicates, hadBom };
      }
      const isArr = Array.isArray(top.container);
      const c = text[i];
      if (c === ',') {
        i++;
        if (!isArr) {
          skipWs();
          const key = readKey(" after ','");
          if (key === undefined) return err!;
          top.key = key;
        }
        break;
      }
      if ((isArr && c === ']') || (!isArr && c === '}')) {
        i++;
        stack.pop();
        place(top.container);
        continue;
      }
      if (c === undefined) return fail('json-syntax', 'Unexpected end of input: the file looks truncated.', i);
      return fail('json-syntax', `Expected ',' or '${isArr ? ']' : '}'}' but found ${describe(c)}.`, i);
    }
  }
}
