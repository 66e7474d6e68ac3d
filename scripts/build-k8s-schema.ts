/**
 * Build the strict Kubernetes JSON schema (`additionalProperties: false` everywhere) for the
 * kinds we emit, from `kubernetes-types` (Kubernetes 1.30 OpenAPI types) with
 * ts-json-schema-generator. No npm package ships such a schema and the upstream OpenAPI is not
 * reachable offline, so we generate it at dev time and commit the result.
 *
 *   npx tsx scripts/build-k8s-schema.ts          # writes both files
 *   npx tsx scripts/build-k8s-schema.ts --check  # exits 1 if the committed files are stale
 *
 * Outputs (src/core/kube/schema/):
 *   k8s-strict.schema.json            descriptions stripped (small): for tools and editors
 *   k8s-strict.described.schema.json  with upstream descriptions: for editor hovers (Monaco)
 *   k8s-strict.validate.js            ajv standalone code compiled from the stripped schema.
 *     Compiling this schema at run time costs 0.25 s on an idle machine and over 10 s on our
 *     shared CI cores, so the validator ships precompiled (self-contained ESM, no imports).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {
  createFormatter,
  createParser,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
} from 'ts-json-schema-generator';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts', 'k8s-schema-entry.ts');
const outDir = join(root, 'src', 'core', 'kube', 'schema');

/** kind → generated definition name in scripts/k8s-schema-entry.ts. Order is the schema's. */
export const STRICT_KINDS = [
  'Deployment',
  'StatefulSet',
  'Job',
  'Service',
  'Secret',
  'ConfigMap',
  'PersistentVolumeClaim',
  'Namespace',
  'Ingress',
  // The RBAC of init containers that wait through the API (WaitForCompletion → kubectl wait).
  'ServiceAccount',
  'Role',
  'RoleBinding',
] as const;

/** Kubernetes' own quantity grammar (resource.Quantity), as kubectl reports it. */
const QUANTITY_PATTERN = '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+|[numkKMGTPE]|[KMGTPE]i)?$';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drop `description` keywords (not properties that happen to be called "description"). */
function stripDescriptions(node: Json, underProperties = false): Json {
  if (Array.isArray(node)) return node.map((n) => stripDescriptions(n));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (!underProperties && (k === 'description' || k === 'markdownDescription')) continue;
    out[k] = stripDescriptions(v, k === 'properties' || k === 'definitions');
  }
  return out;
}

function generate(): JsonObject {
  // Our own Program so the generator needs no tsconfig file: bundler resolution finds
  // kubernetes-types' `.d.ts` subpaths the same way the app does.
  const program = ts.createProgram([entry], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
  });
  // One generator per kind: ts-json-schema-generator 2.4 (the last release that runs on Node 20)
  // takes one root type at a time; the kinds share their definitions, so they merge by name.
  const merged: JsonObject = { definitions: {} };
  for (const kind of STRICT_KINDS) {
    const config: CompletedConfig = {
      ...DEFAULT_CONFIG,
      path: entry,
      type: `K${kind}`,
      expose: 'export',
      topRef: true,
      jsDoc: 'extended',
      additionalProperties: false,
      skipTypeCheck: true,
      sortProps: true,
      encodeRefs: false,
    };
    const generator = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config);
    const one = generator.createSchema(`K${kind}`) as unknown as JsonObject;
    Object.assign(merged.definitions as JsonObject, one.definitions as JsonObject);
    for (const [k, v] of Object.entries(one)) if (k !== 'definitions' && k !== '$ref' && !(k in merged)) merged[k] = v;
  }
  const generated = merged;
  const definitions = generated.definitions;
  if (!isObject(definitions)) throw new Error('ts-json-schema-generator returned no definitions');

  // kubernetes-types says `type Quantity = string`, but `cpu: 1` and `storage: 1e9` are legal.
  if (!isObject(definitions.Quantity)) throw new Error('no Quantity definition to patch');
  definitions.Quantity = {
    description: String(definitions.Quantity.description ?? 'A Kubernetes quantity, e.g. 100m, 512Mi, 1.'),
    anyOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number' }],
  };

  // One top-level schema that dispatches on `kind`, so errors are reported per kind instead of
  // as an anyOf over nine alternatives.
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated by scripts/build-k8s-schema.ts from kubernetes-types@1.30.0; do not edit. Strict: unknown fields ' +
      'are errors.',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: { kind: { enum: [...STRICT_KINDS] } },
    allOf: STRICT_KINDS.map((k) => ({
      if: { properties: { kind: { const: k } }, required: ['kind'] },
      then: { $ref: `#/definitions/K${k}` },
    })),
    definitions,
  };
}

/** Precompile the schema into standalone ESM (allErrors: the validator lists every unknown field). */
function standalone(schema: Json): string {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, lines: false } });
  const validate = ajv.compile(schema as object);
  const code = standaloneCode(ajv, validate);
  if (/\brequire\(|\bimport\s/.test(code)) throw new Error('standalone validator is not self-contained');
  return (
    `/* eslint-disable */\n// Generated by scripts/build-k8s-schema.ts from k8s-strict.schema.json; do not ` +
    `edit.\n${code}\n`
  );
}

function main(): void {
  const check = process.argv.includes('--check');
  const described = generate();
  const stripped = stripDescriptions(described);
  const files: [string, string][] = [
    ['k8s-strict.described.schema.json', `${JSON.stringify(described, null, 1)}\n`],
    ['k8s-strict.schema.json', `${JSON.stringify(stripped)}\n`],
    ['k8s-strict.validate.js', standalone(stripped)],
  ];
  let stale = false;
  for (const [name, text] of files) {
    const path = join(outDir, name);
    if (check) {
      let current: string;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== text) {
        console.error(`stale: ${path}`);
        stale = true;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path} (${text.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}

main();
