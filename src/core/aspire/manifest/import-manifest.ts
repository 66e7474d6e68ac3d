/**
 * `aspire-manifest.json` text → Topology + diagnostics. Never throws for any input: problems
 * with the whole file are errors (with line and column), problems with one resource or field
 * are warnings naming the resource and the field, and the rest still imports.
 */
import { aspireNameProblem, assignK8sNames } from '../../model/names';
import { diag, type Diagnostic } from '../../model/diagnostics';
import type { Resource, Topology, Unmodelled } from '../../model/topology';
import { appNameFrom } from './app-name';
import { detectDatabaseChildren } from './database-children';
import { typeName } from '../../json/fields';
import { isJsonObject, own, parseJson, type JsonParseResult, type JsonValue } from '../../json/json-parse';
import { MANIFEST_LIMITS } from './limits';
import { readResource } from './read-resource';
import { deriveReferences } from './references';
import { foldTlsConditionals } from './tls-conditionals';
import { DiagnosticSink } from '../../json/scope';

export interface ImportOptions {
  fileName?: string;
  appName?: string;
}

export interface ImportResult {
  topology: Topology;
  diagnostics: Diagnostic[];
}

/** Parse manifest text (BOM accepted) with the manifest limits; syntax problems become one error. */
export function parseManifestJson(text: string, fileName?: string): JsonParseResult & { diagnostics: Diagnostic[] } {
  const parsed = parseJson(typeof text === 'string' ? text : '', MANIFEST_LIMITS);
  const diagnostics: Diagnostic[] = [];
  if (!parsed.ok) {
    const e = parsed.error;
    const file = fileName ? `${fileName}: ` : '';
    const what =
      e.code === 'json-syntax' ? `Invalid JSON at line ${e.line}, column ${e.column}: ${e.message}` : e.message;
    diagnostics.push(diag('error', e.code, `${file}${what}`, { line: e.line, column: e.column }));
  } else {
    for (const d of parsed.duplicates) {
      diagnostics.push(
        diag(
          'warning',
          'duplicate-key',
          `Key "${d.key}" appears more than once${d.pointer ? ` in ${d.pointer}` : ''}; the last one is used.`,
          { line: d.line, column: d.column },
        ),
      );
    }
  }
  return { ...parsed, diagnostics };
}

export function importManifest(text: string, options: ImportOptions = {}): ImportResult {
  const parsed = parseManifestJson(text, options.fileName);
  if (!parsed.ok)
    return {
      topology: { name: options.appName ?? appNameFrom(options.fileName), resources: [], references: [] },
      diagnostics: parsed.diagnostics,
    };
  return importManifestValue(parsed, options);
}

/** Import an already parsed manifest (import-any parses once and dispatches). */
export function importManifestValue(
  parsed: Extract<JsonParseResult, { ok: true }> & { diagnostics: Diagnostic[] },
  options: ImportOptions = {},
): ImportResult {
  const name = options.appName ?? appNameFrom(options.fileName);
  const topology: Topology = { name, resources: [], references: [] };
  const root: JsonValue = parsed.value;
  let key = 'resources';
  const pre: Diagnostic[] = [...parsed.diagnostics];
  const fail = (message: string): ImportResult => ({
    topology,
    diagnostics: [...pre, diag('error', 'not-a-manifest', message, { line: 1, column: 1 })],
  });
  if (!isJsonObject(root))
    return fail(
      `This is not an Aspire manifest: the top level should be an object with "resources", but it is ` +
        `${typeName(root)}.`,
    );
  let map = own(root, 'resources');
  if (map === undefined && own(root, 'components') !== undefined) {
    key = 'components';
    map = own(root, 'components');
    pre.push(
      diag(
        'warning',
        'legacy-manifest',
        'This manifest uses the 2023 preview key "components" instead of "resources"; it was read as resources. ' +
          'Regenerate it with Aspire 8 or later.',
        { field: 'components' },
      ),
    );
  }
  if (map === undefined)
    return fail(
      'This is not an Aspire manifest: it has no "resources" object. Generate one with `dotnet run --publisher ' +
        'manifest --output-path aspire-manifest.json` (or `aspire publish`).',
    );
  if (!isJsonObject(map)) return fail(`"${key}" should be an object of resources by name, but it is ${typeName(map)}.`);

  const sink = new DiagnosticSink(parsed.positions, (r) => `/${key}/${r.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  for (const d of pre) sink.add(d);
  for (const resourceName of Object.keys(map)) {
    const scope = sink.scope(resourceName);
    const problem = aspireNameProblem(resourceName);
    if (problem)
      scope.report(
        'info',
        'aspire-name',
        `Resource name "${resourceName}" breaks Aspire's naming rules (${problem}); it is imported anyway.`,
      );
    const resource = readResource(resourceName, own(map, resourceName), scope);
    if (resource) topology.resources.push(resource);
  }

  topology.resources = foldTlsConditionals(topology.resources);
  const byName = new Map<string, Resource>(topology.resources.map((r) => [r.name, r]));
  detectDatabaseChildren(topology.resources, byName);
  const position = (resource: string, path: readonly (string | number)[]) =>
    parsed.positions.at(
      `/${key}/${[resource, ...path].map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    );
  const refs = deriveReferences(topology.resources, byName, position);
  topology.references = refs.references;
  for (const d of refs.diagnostics) sink.add(d);
  for (const d of assignK8sNames(topology.resources.map((r) => r.name)).diagnostics) sink.add(d);
  const unmodelled = unmodelledOf(sink.diagnostics, byName, options.fileName);
  if (unmodelled.length) topology.unmodelled = unmodelled;
  return { topology, diagnostics: sink.diagnostics };
}

/**
 * Each warning is something the manifest says that import did not take in as written (a type
 * it does not know, a field it skipped, a value it could not read): an unmodelled entry, so the
 * parity table shows it as an unknown row on its resource, with the manifest's line.
 */
function unmodelledOf(
  diagnostics: readonly Diagnostic[],
  byName: ReadonlyMap<string, Resource>,
  file: string | undefined,
): Unmodelled[] {
  return diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => {
      const r = d.resource !== undefined ? byName.get(d.resource) : undefined;
      return {
        ...(r ? { resource: r.name } : {}),
        construct: r && /type|cloud|error/.test(d.code) ? r.sourceType : d.field ? `${d.code} (${d.field})` : d.code,
        message: d.message,
        ...(file ? { file } : {}),
        ...(d.line !== undefined ? { line: d.line } : {}),
        ...(d.column !== undefined ? { column: d.column } : {}),
      };
    });
}
