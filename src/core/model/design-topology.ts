/**
 * Defensive reading of a Topology from untrusted JSON (a saved design document). Every field
 * is type-checked with the importer's validators; a bad field is reported (resource + field)
 * and dropped or defaulted, so the rest of the design still opens. Unknown extra fields are
 * kept untouched (a newer minor writer may add some).
 */
import { readInteger, readObject, readString, wrongType } from '../json/fields';
import { isJsonObject, own } from '../json/json-parse';
import type { DiagnosticSink } from '../json/scope';
import { readArray, readEnum } from './design-topology-readers';
import { readResourceValue } from './design-topology-resource';
import type { Reference, ReferenceKind, Resource, Topology, WaitMode, Unmodelled } from './topology';

const REFERENCE_KINDS: readonly ReferenceKind[] = [
  'connection-string',
  'service-discovery',
  'parameter',
  'endpoint-property',
  'wait-only',
];
const WAIT_MODES: readonly WaitMode[] = ['none', 'running', 'completion'];

/** Read and validate a topology object; returns undefined only when it is not an object at all. */
export function readTopology(v: unknown, sink: DiagnosticSink, basePointer: string): Topology | undefined {
  const doc = sink.scope(undefined, basePointer);
  if (!isJsonObject(v)) {
    wrongType(doc, [], 'a topology object', v);
    return undefined;
  }
  const t = v as Record<string, unknown>;
  const name = readString(own(t, 'name'), doc, ['name'], { required: true }) ?? 'app';
  const resources: Resource[] = [];
  const seen = new Set<string>();
  readArray(own(t, 'resources'), doc, ['resources']).forEach((item, i) => {
    const base = `${basePointer}/resources/${i}`;
    const o = readObject(item, sink.scope(undefined, base), []);
    if (!o) return;
    const rawName = own(o, 'name');
    if (typeof rawName !== 'string' || rawName === '') {
      wrongType(
        sink.scope(undefined, base),
        ['name'],
        'a non-empty resource name',
        rawName,
        'the resource was skipped',
      );
      return;
    }
    const scope = sink.scope(rawName, base);
    if (seen.has(rawName)) {
      scope.report(
        'error',
        'duplicate-resource',
        `Resource "${rawName}" appears more than once; only the first is kept.`,
        ['name'],
      );
      return;
    }
    seen.add(rawName);
    resources.push(readResourceValue(o, rawName, scope));
  });
  const references: Reference[] = [];
  readArray(own(t, 'references'), doc, ['references']).forEach((item, i) => {
    const scope = sink.scope(undefined, `${basePointer}/references/${i}`);
    const o = readObject(item, scope, []);
    if (!o) return;
    const from = readString(own(o, 'from'), scope, ['from'], { required: true });
    const to = readString(own(o, 'to'), scope, ['to'], { required: true });
    const kind = readEnum(own(o, 'kind'), REFERENCE_KINDS, scope, ['kind']) ?? 'connection-string';
    const waitFor = readEnum(own(o, 'waitFor'), WAIT_MODES, scope, ['waitFor']) ?? 'none';
    if (from === undefined || to === undefined) return;
    for (const end of [from, to]) {
      if (!seen.has(end)) {
        scope.report(
          'warning',
          'dangling-reference',
          `Reference ${from} → ${to} names "${end}", which is not a resource in this design; it was dropped.`,
        );
        return;
      }
    }
    references.push({ from, to, kind, waitFor });
  });
  for (const r of resources) {
    if (r.parent !== undefined && !seen.has(r.parent)) {
      sink
        .scope(r.name)
        .report(
          'warning',
          'dangling-parent',
          `Resource "${r.name}" names parent "${r.parent}", which is not a resource in this design.`,
        );
    }
  }
  // What import could not model travels with the design, so a check of a saved design (the one
  // a bundle carries) still shows it as unknown rows.
  const unmodelled: Unmodelled[] = [];
  readArray(own(t, 'unmodelled'), doc, ['unmodelled']).forEach((item, i) => {
    const scope = sink.scope(undefined, `${basePointer}/unmodelled/${i}`);
    const o = readObject(item, scope, []);
    if (!o) return;
    const construct = readString(own(o, 'construct'), scope, ['construct'], { required: true });
    const message = readString(own(o, 'message'), scope, ['message'], { required: true });
    if (construct === undefined || message === undefined) return;
    const resource = readString(own(o, 'resource'), scope, ['resource']);
    const file = readString(own(o, 'file'), scope, ['file']);
    const line = readInteger(own(o, 'line'), scope, ['line'], 1, 10_000_000);
    const column = readInteger(own(o, 'column'), scope, ['column'], 1, 10_000_000);
    unmodelled.push({
      construct,
      message,
      ...(resource !== undefined ? { resource } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  });
  return { name, resources, references, ...(unmodelled.length ? { unmodelled } : {}) };
}
