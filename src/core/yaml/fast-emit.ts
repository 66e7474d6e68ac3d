/**
 * A fast path for emitting Kubernetes objects as YAML 1.1, byte-for-byte what the `yaml`
 * library writes with emit.ts's options (fast-emit.test.ts compares both on the whole
 * corpus). Building the library's node tree for every object was most of the time of a
 * conversion; plain data needs no tree. Anything unusual (multi-line or escaped strings,
 * special numbers, non-plain objects) returns undefined and emit.ts uses the library.
 */
import { Document } from 'yaml';
import { hasUnsafeChar } from '../model/safe-text';

const GIVE_UP: unique symbol = Symbol('give-up');

function giveUp(): never {
  throw GIVE_UP;
}

// The library quotes a string when a YAML 1.1 tag other than str would read it (`yes`, `1.0`, `0x1F`).
const SCHEMA = new Document(null, { version: '1.1' }).schema;
const TYPED = SCHEMA.tags
  .filter((t) => t.default === true && t.tag !== 'tag:yaml.org,2002:str' && 'test' in t && t.test)
  .map((t) => (t as unknown as { test: RegExp }).test);
/** The library's "cannot be plain" test (stringifyString.js plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOC_MARKER = /^(%|---|\.\.\.)/m;
// eslint-disable-next-line no-control-regex -- the library's own test for characters that force double quotes
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Only these first characters can make a 1.1 tag test match (see fast-parse.ts). */
const MAYBE_TYPED = /^[-+.~0-9yYnNtTfFoO]|^$/;

const strings = new Map<string, string>();

/** A one-line string as the library writes it (plain, or quoted like its quotedString). */
function str(value: string): string {
  const hit = strings.get(value);
  if (hit !== undefined) return hit;
  if (value.includes('\n') || CONTROL.test(value) || hasUnsafeChar(value, '\t') || DOC_MARKER.test(value)) giveUp();
  let out = value;
  if (NOT_PLAIN.test(value) || (MAYBE_TYPED.test(value) && TYPED.some((t) => t.test(value)))) {
    const hasDouble = value.includes('"');
    if (hasDouble && !value.includes("'")) out = `'${value}'`;
    else {
      out = JSON.stringify(value);
      if (out.includes('\\')) giveUp(); // escapes: the library rewrites some of them
    }
  }
  if (strings.size > 20_000) strings.clear();
  strings.set(value, out);
  return out;
}

function key(k: string): string {
  if (k === '' || k.length > 1000) giveUp(); // explicit `? ` keys
  return str(k);
}

function isPlainObject(x: object): x is Record<string, unknown> {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

function scalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v) || Object.is(v, -0)) giveUp();
      return JSON.stringify(v);
    case 'object':
      return undefined;
    default:
      return giveUp();
  }
}

/**
 * Objects met in the current document: the library writes a second reference to the same
 * object as an alias (`*a1`), so a shared object sends the document to the library.
 */
let seen = new Set<object>();

function isEmptyCollection(v: object): string | undefined {
  if (seen.has(v)) giveUp();
  seen.add(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (!isPlainObject(v)) giveUp();
  for (const k in v) if (v[k] !== undefined) return undefined;
  return '{}';
}

/** Lines of a block map at `indent`; the first line starts with `first` instead (a `- ` item). */
function map(obj: Record<string, unknown>, indent: string, out: string[], first = indent): void {
  let lead = first;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    const s = scalar(v);
    const head = `${lead}${key(k)}:`;
    lead = indent;
    if (s !== undefined) {
      out.push(`${head} ${s}`);
      continue;
    }
    const empty = isEmptyCollection(v as object);
    if (empty !== undefined) out.push(`${head} ${empty}`);
    else {
      out.push(head);
      if (Array.isArray(v)) seq(v, `${indent}  `, out);
      else map(v as Record<string, unknown>, `${indent}  `, out);
    }
  }
}

/** Sequence items at `indent` (indentSeq: items sit two spaces under their key). */
function seq(arr: readonly unknown[], indent: string, out: string[]): void {
  for (const v of arr) {
    if (v === undefined) giveUp();
    const s = scalar(v);
    if (s !== undefined) {
      out.push(`${indent}- ${s}`);
      continue;
    }
    const empty = isEmptyCollection(v as object);
    if (empty !== undefined) out.push(`${indent}- ${empty}`);
    else if (Array.isArray(v))
      giveUp(); // a sequence directly in a sequence
    else map(v as Record<string, unknown>, `${indent}  `, out, `${indent}- `);
  }
}

/**
 * The YAML text of one object with an optional comment above it, or undefined when the
 * object needs something only the library does.
 */
export function fastYamlDocument(object: unknown, comment?: string): string | undefined {
  if (object === null || typeof object !== 'object' || Array.isArray(object) || !isPlainObject(object))
    return undefined;
  seen = new Set();
  try {
    if (isEmptyCollection(object) !== undefined) return undefined;
    const out: string[] = [];
    map(object, '', out);
    let head = '';
    if (comment)
      head = `${comment
        .split('\n')
        .map((l) => (l === '' ? '#' : `# ${l}`))
        .join('\n')}\n\n`;
    return `${head}${out.join('\n')}\n`;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  } finally {
    seen.clear();
  }
}
