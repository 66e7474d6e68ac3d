/**
 * Rebuild the reference graph from expressions (the manifest has no edge list, §0.1), and
 * report expressions that point nowhere. Literal braces (`/api/{**catch-all}`, JSON text) are
 * not Aspire's grammar and stay literal without a word.
 */
import type { Diagnostic } from '../../model/diagnostics';
import { diag } from '../../model/diagnostics';
import { parseTemplate, type Expression } from '../../model/template';
import type { Reference, ReferenceKind, Resource } from '../../model/topology';
import { templateFields } from './template-fields';
import type { FieldPath } from '../../json/scope';

/** Strongest first: one (from, to) pair keeps the strongest kind seen. */
const STRENGTH: Record<ReferenceKind, number> = {
  'connection-string': 4,
  'service-discovery': 3,
  'endpoint-property': 2,
  parameter: 1,
  'wait-only': 0,
};

export function referenceKindOf(e: Expression): ReferenceKind {
  switch (e.path.kind) {
    case 'connectionString':
      return 'connection-string';
    case 'binding':
      return e.path.property === 'url' ? 'service-discovery' : 'endpoint-property';
    case 'containerImage':
    case 'containerPort':
      return 'endpoint-property';
    default:
      return 'parameter';
  }
}

const WORKLOAD_KINDS: ReadonlySet<Resource['kind']> = new Set(['project', 'container', 'dockerfile', 'executable']);
const VALUE_KINDS: ReadonlySet<Resource['kind']> = new Set(['parameter', 'connection-string', 'value', 'database']);

/** Why an expression cannot be resolved against its (existing) target, if it cannot. */
function pathProblem(e: Expression, target: Resource): string | undefined {
  // Cloud and unknown resources have outputs and fields we do not model: trust them.
  if (target.kind === 'cloud' || target.kind === 'unknown') return undefined;
  const p = e.path;
  if (p.kind === 'binding') {
    if (VALUE_KINDS.has(target.kind)) return `"${target.name}" is a ${target.kind} and has no endpoints`;
    if (!target.endpoints.some((ep) => ep.name === p.endpoint)) {
      const names = target.endpoints.map((ep) => ep.name);
      return (
        `"${target.name}" has no binding ` +
        `"${p.endpoint}"${names.length ? ` (it has ${names.join(', ')})` : ' (it has no bindings)'}`
      );
    }
    return undefined;
  }
  if (p.kind === 'connectionString' && target.connectionString === undefined)
    return `"${target.name}" has no connection string`;
  if ((p.kind === 'value' || p.kind === 'inputs.value') && WORKLOAD_KINDS.has(target.kind))
    return `"${target.name}" is a ${target.kind}, not a parameter or value`;
  return undefined;
}

function fieldText(path: FieldPath): string {
  return path.join('.');
}

export interface ReferenceResult {
  references: Reference[];
  diagnostics: Diagnostic[];
}

export function deriveReferences(
  resources: readonly Resource[],
  byName: ReadonlyMap<string, Resource>,
  position: (resource: string, path: FieldPath) => { line: number; column: number } | undefined,
): ReferenceResult {
  const edges = new Map<string, Reference>();
  const diagnostics: Diagnostic[] = [];
  for (const r of resources) {
    for (const f of templateFields(r)) {
      if (!f.text.includes('{')) continue;
      for (const part of parseTemplate(f.text)) {
        if (typeof part === 'string') continue;
        const target = byName.get(part.resource);
        const where = { resource: r.name, field: fieldText(f.path), ...(position(r.name, f.path) ?? {}) };
        if (!target) {
          diagnostics.push(
            diag(
              'warning',
              'dangling-reference',
              `Resource "${r.name}": ${fieldText(f.path)} refers to ${part.text}, but there is no resource ` +
                `"${part.resource}" in the manifest; the text is kept as is.`,
              where,
            ),
          );
          continue;
        }
        const problem = pathProblem(part, target);
        if (problem) {
          diagnostics.push(
            diag(
              'warning',
              'dangling-reference',
              `Resource "${r.name}": ${fieldText(f.path)} refers to ${part.text}, but ${problem}.`,
              where,
            ),
          );
        }
        if (target === r) continue; // own HTTP_PORTS, own password in own connection string
        if (r.kind === 'database' && r.parent === target.name) continue; // the parent link carries it
        const kind = referenceKindOf(part);
        const key = `${r.name}\u0000${target.name}`;
        const existing = edges.get(key);
        if (!existing) edges.set(key, { from: r.name, to: target.name, kind, waitFor: 'none' });
        else if (STRENGTH[kind] > STRENGTH[existing.kind]) existing.kind = kind;
      }
    }
  }
  return { references: [...edges.values()], diagnostics };
}
