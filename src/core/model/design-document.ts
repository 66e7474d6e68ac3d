/**
 * The saved design document: a topology plus what only the designer knows (node positions,
 * deploy settings, hand-edited YAML files). `serializeDesign` writes stable, pretty JSON;
 * `parseDesign` reads untrusted text defensively and never throws.
 */
import { readObject, readString, wrongType } from '../json/fields';
import { isJsonObject, own, parseJson, type JsonLimits } from '../json/json-parse';
import { DiagnosticSink, type Scope } from '../json/scope';
import { diag, type Diagnostic } from './diagnostics';
import { readTopology } from './design-topology';
import { validateImportedNames } from './names';
import type { DeploySettings } from './settings';
import { RESOURCE_KEYS, type Resource, type Topology } from './topology';

export const DESIGN_FORMAT = 'aspire-parity-design';
export const DESIGN_VERSION = 1;

export interface DesignDocument {
  format: typeof DESIGN_FORMAT;
  version: typeof DESIGN_VERSION;
  topology: Topology;
  /** Canvas positions by resource name. */
  positions?: Record<string, { x: number; y: number }>;
  settings?: Partial<DeploySettings>;
  /** Edited bundle files by path (the user's YAML, kept verbatim). */
  edits?: Record<string, string>;
}

export interface ParseDesignResult {
  document?: DesignDocument;
  diagnostics: Diagnostic[];
}

/** Designs carry edited YAML files, so allow more than a manifest; nesting stays bounded. */
// Depth: a saved design holds an imported manifest's unmodelled JSON four levels down
// (topology → resources → [i] → raw), so it allows the manifest's 64 plus that.
export const DESIGN_LIMITS: JsonLimits = { maxChars: 20_000_000, maxDepth: 72, positionDepth: 7 };

/**
 * Migrations from older versions, keyed by the version they upgrade *from*. Each takes the
 * raw JSON object of version n and returns the object of version n + 1.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/** Resource keys in reading order; anything else (a newer writer's fields) follows, sorted. */
const RESOURCE_KEY_ORDER: readonly string[] = RESOURCE_KEYS;

/** Nested objects with sorted keys, so the order properties were set in never changes the bytes. */
function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (v === null || typeof v !== 'object') return v;
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(v).sort()) out[k] = sortedDeep((v as Record<string, unknown>)[k]);
  return out;
}

function canonicalResource(r: Resource): Record<string, unknown> {
  const src = r as unknown as Record<string, unknown>;
  const keys = Object.keys(src);
  const ordered = [
    ...RESOURCE_KEY_ORDER.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !RESOURCE_KEY_ORDER.includes(k)).sort(),
  ];
  const out = Object.create(null) as Record<string, unknown>;
  // raw is the user's original JSON: kept exactly as it was.
  for (const k of ordered) out[k] = k === 'raw' ? src[k] : sortedDeep(src[k]);
  return out;
}

function canonicalTopology(t: Topology): unknown {
  return {
    name: t.name,
    resources: t.resources.map(canonicalResource),
    references: t.references.map((r) => ({ from: r.from, to: r.to, kind: r.kind, waitFor: r.waitFor })),
    ...(t.unmodelled?.length ? { unmodelled: t.unmodelled.map((u) => sortedDeep(u)) } : {}),
  };
}

export function serializeDesign(
  doc: Omit<DesignDocument, 'format' | 'version'> & Partial<Pick<DesignDocument, 'format' | 'version'>>,
): string {
  const full = { format: DESIGN_FORMAT, version: DESIGN_VERSION, ...doc };
  // Same document → same bytes: resources and references keep their (the user's) order, the
  // maps (positions, edits) are sorted by key.
  const body = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    topology: canonicalTopology(full.topology),
    ...(full.positions ? { positions: sortKeys(full.positions) } : {}),
    ...(full.settings ? { settings: sortedDeep(full.settings) } : {}),
    ...(full.edits ? { edits: sortKeys(full.edits) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function sortKeys<T>(rec: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const k of Object.keys(rec).sort()) out[k] = rec[k]!;
  return out;
}

function readPositions(v: unknown, scope: Scope): Record<string, { x: number; y: number }> | undefined {
  const o = readObject(v, scope, ['positions']);
  if (!o) return undefined;
  const out = Object.create(null) as Record<string, { x: number; y: number }>;
  for (const name of Object.keys(o)) {
    const p = readObject(own(o, name), scope, ['positions', name]);
    if (!p) continue;
    const x = own(p, 'x');
    const y = own(p, 'y');
    if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y)) {
      wrongType(scope, ['positions', name], 'an object with finite numbers x and y', p);
      continue;
    }
    out[name] = { x, y };
  }
  return out;
}

function readEdits(v: unknown, scope: Scope): Record<string, string> | undefined {
  const o = readObject(v, scope, ['edits']);
  if (!o) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const path of Object.keys(o)) {
    const text = readString(own(o, path), scope, ['edits', path]);
    if (text !== undefined) out[path] = text;
  }
  return out;
}

const SETTINGS_STRINGS = [
  'namespace',
  'registry',
  'tag',
  'otlpEndpoint',
  'ingressClass',
  'ingressHost',
  'storageSize',
  'storageClass',
] as const;

function readDeploySettings(v: unknown, scope: Scope): Partial<DeploySettings> | undefined {
  const o = readObject(v, scope, ['settings']);
  if (!o) return undefined;
  const out: Partial<DeploySettings> = {};
  for (const key of SETTINGS_STRINGS) {
    const s = readString(own(o, key), scope, ['settings', key]);
    if (s !== undefined) out[key] = s;
  }
  const exposure = own(o, 'exposure');
  if (exposure === 'ingress' || exposure === 'loadbalancer') out.exposure = exposure;
  else if (exposure !== undefined) wrongType(scope, ['settings', 'exposure'], '"ingress" or "loadbalancer"', exposure);
  const dc = readObject(own(o, 'defaultCompute'), scope, ['settings', 'defaultCompute']);
  if (dc) {
    const req = readObject(own(dc, 'requests'), scope, ['settings', 'defaultCompute', 'requests']);
    const lim = readObject(own(dc, 'limits'), scope, ['settings', 'defaultCompute', 'limits']);
    const cpu = req && readString(own(req, 'cpu'), scope, ['settings', 'defaultCompute', 'requests', 'cpu']);
    const memory = req && readString(own(req, 'memory'), scope, ['settings', 'defaultCompute', 'requests', 'memory']);
    const limMemory = lim && readString(own(lim, 'memory'), scope, ['settings', 'defaultCompute', 'limits', 'memory']);
    const limCpu = lim && readString(own(lim, 'cpu'), scope, ['settings', 'defaultCompute', 'limits', 'cpu']);
    if (cpu !== undefined && memory !== undefined && limMemory !== undefined) {
      out.defaultCompute = {
        requests: { cpu, memory },
        limits: { memory: limMemory, ...(limCpu !== undefined ? { cpu: limCpu } : {}) },
      };
    } else {
      scope.report(
        'warning',
        'incomplete-settings',
        'settings.defaultCompute needs requests.cpu, requests.memory and limits.memory; the defaults are used instead.',
        ['settings', 'defaultCompute'],
      );
    }
  }
  return out;
}

/** True when parsed JSON declares itself a design document (used by importAny). */
export function looksLikeDesign(v: unknown): boolean {
  return isJsonObject(v) && own(v, 'format') === DESIGN_FORMAT;
}

/** Read a design document from an already parsed JSON value. */
export function readDesignValue(value: unknown, sink: DiagnosticSink): DesignDocument | undefined {
  const scope = sink.scope(undefined, '');
  if (!isJsonObject(value)) {
    scope.report('error', 'not-a-design', 'This is not a design document: the top level should be an object.');
    return undefined;
  }
  let doc = value as Record<string, unknown>;
  if (own(doc, 'format') !== DESIGN_FORMAT) {
    scope.report('error', 'not-a-design', `This is not a design document: "format" should be "${DESIGN_FORMAT}".`, [
      'format',
    ]);
    return undefined;
  }
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    scope.report(
      'error',
      'design-version',
      `"version" should be a whole number from 1, but it is ${JSON.stringify(version) ?? 'missing'}.`,
      ['version'],
    );
    return undefined;
  }
  if (version > DESIGN_VERSION) {
    scope.report(
      'error',
      'design-version',
      `This design was saved by a newer version of Aspire Parity (format version ${version}; this one reads up to ` +
        `${DESIGN_VERSION}). Update the app to open it.`,
      ['version'],
    );
    return undefined;
  }
  for (let v = version; v < DESIGN_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) {
      scope.report('error', 'design-version', `No migration from design format version ${v}.`, ['version']);
      return undefined;
    }
    doc = migrate(doc);
  }
  const topology = readTopology(own(doc, 'topology'), sink, '/topology');
  if (!topology) {
    scope.report('error', 'not-a-design', 'The design has no usable "topology".', ['topology']);
    return undefined;
  }
  const nameProblems = validateImportedNames(topology);
  for (const d of nameProblems)
    scope.report(
      d.severity,
      d.code,
      d.message,
      d.resource !== undefined ? ['topology', 'resources'] : ['topology', 'name'],
    );
  if (nameProblems.some((d) => d.severity === 'error')) return undefined;
  const positions = own(doc, 'positions') !== undefined ? readPositions(own(doc, 'positions'), scope) : undefined;
  const settings = own(doc, 'settings') !== undefined ? readDeploySettings(own(doc, 'settings'), scope) : undefined;
  const edits = own(doc, 'edits') !== undefined ? readEdits(own(doc, 'edits'), scope) : undefined;
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    topology,
    ...(positions ? { positions } : {}),
    ...(settings ? { settings } : {}),
    ...(edits ? { edits } : {}),
  };
}

export function parseDesign(text: string): ParseDesignResult {
  const parsed = parseJson(typeof text === 'string' ? text : '', DESIGN_LIMITS);
  if (!parsed.ok) {
    const e = parsed.error;
    const message =
      e.code === 'json-syntax' ? `Invalid JSON at line ${e.line}, column ${e.column}: ${e.message}` : e.message;
    return { diagnostics: [diag('error', e.code, message, { line: e.line, column: e.column })] };
  }
  const sink = new DiagnosticSink(parsed.positions);
  const document = readDesignValue(parsed.value, sink);
  return { ...(document ? { document } : {}), diagnostics: sink.diagnostics };
}
