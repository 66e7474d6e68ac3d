/**
 * Kubernetes YAML → documents with source positions, parsed as YAML 1.1 (what kubectl reads:
 * `yes`/`on` are booleans there) and never throwing for user input.
 *
 * Incremental: a file is split into chunks at `---` lines and each chunk's parse is cached by
 * its text, so after a one-document edit only that document is parsed again. Line numbers
 * are stored relative to the chunk and shifted by the chunk's position in the file, so moving
 * a chunk (an edit above it) costs nothing either. Ordinary Kubernetes documents are read by
 * ./fast-parse.ts (the library's values and lines, much faster); anything else by the library.
 */
import { isNode, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic } from '../model/diagnostics';
import { fastParseChunk, lineNodeAt, type LineNode } from './fast-parse';
import { LineIndex } from '../json/line-index';
import { MAX_YAML_DEPTH, tooDeepAt } from './nesting-depth';

export interface SourceFile {
  path: string;
  text: string;
}

/** A diagnostic about a file (bad YAML, alias bomb, oversized input). */
export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface LineRange {
  line: number;
  endLine: number;
}

/** One YAML document of a bundle file. */
export interface YamlDoc {
  file: string;
  /** 0-based position among the file's documents. */
  index: number;
  /** Plain JS value (toJS); undefined for empty documents. */
  value: unknown;
  startLine: number;
  endLine: number;
  /** Line range of the node at `path`, or of its deepest existing ancestor. */
  rangeOf(path: readonly (string | number)[]): LineRange;
}

export interface ParsedBundle {
  docs: YamlDoc[];
  diagnostics: FileDiagnostic[];
}

/** Guard rails: beyond these the input is reported, not parsed (a browser tab must not hang). */
export const MAX_FILE_CHARS = 8_000_000;
export const MAX_ALIAS_COUNT = 200;

/** One document of a chunk; lines are 0-based and relative to the chunk. */
interface ChunkDoc {
  value: unknown;
  startLine: number;
  endLine: number;
  /** The fast path's line nodes: lineNodeAt finds a path's lines without allocating. */
  root?: LineNode;
  /** The library's lines (0-based, chunk-relative) of the node at `path`, when there is no `root`. */
  nodeAt?: (path: readonly (string | number)[]) => { line: number; end: number };
  /** The YamlDoc last made from this document, handed out again while its place is the same. */
  lastDoc?: YamlDoc;
}

interface ParsedChunk {
  docs: ChunkDoc[];
  /** Errors with a 0-based chunk line. */
  errors: { message: string; line: number; code: string }[];
  lastUsed: number;
}

/** Cache of parsed chunks keyed by chunk text; entries unused for two parses are dropped. */
export class YamlCache {
  readonly chunks = new Map<string, ParsedChunk>();
  /** false: always use the `yaml` library (tests compare the fast path against it). */
  readonly fastPath: boolean;
  constructor(opts: { fastPath?: boolean } = {}) {
    this.fastPath = opts.fastPath ?? true;
  }
  generation = 0;
  hits = 0;
  misses = 0;

  evict(): void {
    for (const [k, v] of this.chunks) if (v.lastUsed < this.generation - 1) this.chunks.delete(k);
  }
}

/**
 * Split at document-start lines. A `---` at column 0 always starts a new document in YAML
 * (it cannot occur inside a block scalar), so the split is exact; directives (`%YAML`) bind to
 * the following document, so files with directives stay one chunk.
 */
export function splitChunks(text: string): { text: string; lineOffset: number }[] {
  if (/^%/m.test(text)) return [{ text, lineOffset: 0 }];
  const out: { text: string; lineOffset: number }[] = [];
  const re = /^---(?=[ \t\r]|$)/gm;
  let start = 0;
  let line = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > start) {
      const chunk = text.slice(start, m.index);
      out.push({ text: chunk, lineOffset: line });
      line += countNewlines(chunk);
      start = m.index;
    }
    if (m.index === re.lastIndex) re.lastIndex++;
  }
  out.push({ text: text.slice(start), lineOffset: line });
  return out;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The fast subset parser when it applies (almost every bundle), else the `yaml` library. The
 * fast path bounds its own nesting (MAX_FAST_DEPTH, below MAX_YAML_DEPTH), so the depth
 * pre-scan, a second pass over every character, runs only before the library, whose recursion
 * it guards: measured at about 3 % of a cold 300-document check.
 */
function parseChunk(text: string, fastPath: boolean): ParsedChunk {
  const fast = fastPath ? fastParseChunk(text) : undefined;
  if (fast) {
    const docs = fast.map((d): ChunkDoc => ({
      value: d.value,
      startLine: d.startLine,
      endLine: d.endLine,
      root: d.root,
    }));
    return { docs, errors: [], lastUsed: 0 };
  }
  const deep = tooDeepAt(text);
  if (deep >= 0)
    return {
      docs: [],
      errors: [
        {
          message: `nested more than ${MAX_YAML_DEPTH} levels deep (no Kubernetes object is); not read`,
          line: deep,
          code: 'yaml-too-deep',
        },
      ],
      lastUsed: 0,
    };
  return parseChunkWithLibrary(text);
}

function parseChunkWithLibrary(text: string): ParsedChunk {
  const errors: { message: string; offset: number; code: string }[] = [];
  const docs: ChunkDoc[] = [];
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line - 1;
  let parsed: Document[];
  try {
    // logLevel 'error': the library's own warnings go to process.emitWarning (raw stderr in the
    // CLI) and quote the input, a collection key holding escape sequences included.
    parsed = parseAllDocuments(text, {
      version: '1.1',
      prettyErrors: false,
      logLevel: 'error',
    }) as unknown as Document[];
    if (!Array.isArray(parsed)) parsed = [];
  } catch (e) {
    errors.push({ message: (e as Error).message, offset: 0, code: 'yaml-syntax' });
    parsed = [];
  }
  for (const doc of parsed) {
    for (const err of doc.errors)
      errors.push({ message: err.message.split('\n')[0]!, offset: err.pos[0], code: 'yaml-syntax' });
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws ReferenceError for alias bombs (billion laughs) and unresolved aliases.
      errors.push({ message: (e as Error).message, offset: doc.range?.[0] ?? 0, code: 'yaml-alias' });
      continue;
    }
    const r = doc.range ?? [0, 0, 0];
    const nodeLines = (path: readonly (string | number)[]) => {
      const nr = nodeAt(doc, path)?.range ?? r;
      return { line: lineOf(nr[0]), end: lineOf(Math.max(nr[0], (nr[2] ?? nr[1]) - 1)) };
    };
    docs.push({ value, startLine: lineOf(r[0]), endLine: lineOf(Math.max(r[0], r[2] - 1)), nodeAt: nodeLines });
  }
  return {
    docs,
    errors: errors.map((e) => ({ message: e.message, line: lineOf(e.offset), code: e.code })),
    lastUsed: 0,
  };
}

function nodeAt(
  doc: Document,
  path: readonly (string | number)[],
): { range?: [number, number, number] | null } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node)) return node as { range?: [number, number, number] | null };
  }
  return undefined;
}

/**
 * A Helm (Go template) file is not YAML until rendered, and the parser's complaint about it
 * ("Implicit keys need to be on a single line") does not say so; name the likely cause.
 */
function templateHint(text: string): string {
  return /\{\{-?\s*[-.$A-Za-z(/]/.test(text)
    ? ' (this looks like an unrendered Helm template: run `helm template` and check its output)'
    : '';
}

/**
 * The text with every character kubectl's YAML parser (go-yaml) takes as a line break written
 * as LF: NEL (U+0085), LS (U+2028), PS (U+2029) and a CR not followed by LF. The `yaml` library
 * reads them as ordinary characters, so a comment holding one hid what followed it from this
 * checker while kubectl applied it (issue 15). One character for one, so offsets stay valid.
 */
export function withKubectlLineBreaks(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text) ? text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n') : text;
}

/** Parse every file; reuse cached chunks. Never throws. */
export function parseBundle(files: readonly SourceFile[], cache: YamlCache = new YamlCache()): ParsedBundle {
  cache.generation++;
  const docs: YamlDoc[] = [];
  const diagnostics: FileDiagnostic[] = [];
  for (const f of files) {
    if (f.text.length > MAX_FILE_CHARS) {
      diagnostics.push({
        file: f.path,
        severity: 'error',
        code: 'yaml-too-large',
        message: `${f.path}: ${f.text.length} characters is more than the ${MAX_FILE_CHARS} this checker reads.`,
        line: 1,
      });
      continue;
    }
    let index = 0;
    for (const chunk of splitChunks(withKubectlLineBreaks(f.text))) {
      let parsed = cache.chunks.get(chunk.text);
      if (parsed) cache.hits++;
      else {
        cache.misses++;
        parsed = parseChunk(chunk.text, cache.fastPath);
        cache.chunks.set(chunk.text, parsed);
      }
      parsed.lastUsed = cache.generation;
      const off = chunk.lineOffset + 1;
      const hint = parsed.errors.length > 0 ? templateHint(chunk.text) : '';
      for (const e of parsed.errors) {
        const l = off + e.line;
        diagnostics.push({
          file: f.path,
          severity: 'error',
          code: e.code,
          message: `${f.path}:${l}: ${e.message}${hint}`,
          line: l,
        });
      }
      for (const d of parsed.docs) {
        if (d.value === null || d.value === undefined) {
          index++;
          continue;
        }
        // The same chunk in the same place gives the same YamlDoc object, so what later stages
        // keep per document (the bundle index's entries, the rule memo's ids) is found again.
        const last = d.lastDoc;
        if (last && last.file === f.path && last.index === index && last.startLine === off + d.startLine) {
          docs.push(last);
          index++;
          continue;
        }
        const doc = new PlacedDoc(f.path, index++, d, off);
        d.lastDoc = doc;
        docs.push(doc);
      }
    }
  }
  cache.evict();
  return { docs, diagnostics };
}

/** A chunk's document at its place in a file: line numbers shifted by the chunk's offset. */
class PlacedDoc implements YamlDoc {
  readonly value: unknown;
  readonly startLine: number;
  readonly endLine: number;
  constructor(
    readonly file: string,
    readonly index: number,
    private readonly chunkDoc: ChunkDoc,
    private readonly offset: number,
  ) {
    this.value = chunkDoc.value;
    this.startLine = offset + chunkDoc.startLine;
    this.endLine = offset + chunkDoc.endLine;
  }

  rangeOf(path: readonly (string | number)[]): LineRange {
    const d = this.chunkDoc;
    const n = d.root ? lineNodeAt(d.root, path) : d.nodeAt!(path);
    return { line: this.offset + n.line, endLine: this.offset + n.end };
  }
}
