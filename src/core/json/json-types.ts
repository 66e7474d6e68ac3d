/** The values, limits and results of the JSON parser (./json-parse.ts), and safe lookups on its objects. */
import type { JsonPositions } from './json-positions';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** Objects have no prototype: every key, including `__proto__`, is an own data property. */
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface JsonLimits {
  /** Maximum input length in characters. */
  maxChars: number;
  /** Maximum nesting of arrays/objects. */
  maxDepth: number;
  /** Record value offsets for JSON pointers up to this depth (keeps memory bounded). */
  positionDepth: number;
}

export interface JsonSyntaxError {
  code: 'json-syntax' | 'json-too-large' | 'json-too-deep';
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface DuplicateKey {
  pointer: string;
  key: string;
  line: number;
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: JsonValue; positions: JsonPositions; duplicates: DuplicateKey[]; hadBom: boolean }
  | { ok: false; error: JsonSyntaxError };
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own-property lookup that ignores anything inherited (safe for any object). */
export function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}
