/**
 * Offline strict validation of Kubernetes objects, in Node and in the browser.
 *
 * No apiserver runs here (see shared/reference/k8s-validation.md §6.4), so we combine layers
 * that each catch what the others miss:
 *  1. Our strict schema (./schema/k8s-strict.schema.json, built by scripts/build-k8s-schema.ts
 *     from kubernetes-types, shipped as precompiled, self-contained ajv code): types, required
 *     fields (and a required metadata), unknown fields and typos (`additionalProperties: false`),
 *     quantity and int-or-string shapes, apiVersion/kind pairs.
 *  2. The API facts the TypeScript types cannot carry (./api-rules.ts): whole-number fields and
 *     the fixed sets of `+enum` fields (restartPolicy, probe scheme, protocol, …).
 *  3. The apiserver's name rules that no schema encodes (object, container, volume and port
 *     names), because Aspire's own publisher got exactly these wrong.
 * Nothing here needs a package at run time: the shipped validator is generated code.
 *
 * Never throws for user input: every problem is returned as an issue.
 */
import { apiRuleIssues } from './api-rules';
import { nameRuleIssues } from './name-rules';
// Precompiled from ./schema/k8s-strict.schema.json (runtime compile costs 0.25–10 s).
import strictValidate, { type SchemaError } from './schema/k8s-strict.validate';

export interface ValidationIssue {
  /** Index of the object in the input array. */
  index: number;
  /** JSON pointer inside the object, e.g. "/spec/template/spec/containers/0/ports/0/name". */
  path: string;
  message: string;
}

/** kind → apiVersion. The kinds the generator emits. */
const API_VERSIONS: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
  Service: 'v1',
  Secret: 'v1',
  ConfigMap: 'v1',
  PersistentVolumeClaim: 'v1',
  Namespace: 'v1',
  Ingress: 'networking.k8s.io/v1',
  ServiceAccount: 'v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
};

/** The kinds `validateObjects` checks strictly; anything else is reported as unsupported. */
export const VALIDATED_KINDS: readonly string[] = Object.keys(API_VERSIONS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ajv error → one readable sentence; unknown and missing fields name the key. */
function describe(e: SchemaError): { path: string; message: string } {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    return { path: e.instancePath, message: `unknown field "${String(params.additionalProperty)}"` };
  }
  if (e.keyword === 'required') {
    return { path: e.instancePath, message: `missing required field "${String(params.missingProperty)}"` };
  }
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return {
      path: e.instancePath,
      message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
    };
  }
  return { path: e.instancePath, message: e.message ?? e.keyword };
}

/**
 * A quantity or int-or-string that fits neither side fails as several errors (pattern or type
 * per side, then anyOf). Keep one readable message per path instead.
 */
function collapseAnyOf(errors: readonly SchemaError[]): SchemaError[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const out = errors.filter((e) => !anyOfPaths.has(e.instancePath));
  for (const p of anyOfPaths) {
    const quantity = errors.some((e) => e.instancePath === p && e.keyword === 'pattern');
    out.push({
      instancePath: p,
      schemaPath: '',
      keyword: 'type',
      params: {},
      message: quantity ? 'must be a quantity (string or number)' : 'has the wrong type',
    });
  }
  return out;
}

function validateOne(obj: unknown, index: number): ValidationIssue[] {
  if (!isRecord(obj)) return [{ index, path: '', message: 'a Kubernetes object must be a mapping' }];
  const kind = obj.kind;
  if (typeof kind !== 'string') return [{ index, path: '/kind', message: 'missing required field "kind"' }];
  const apiVersion = Object.hasOwn(API_VERSIONS, kind) ? API_VERSIONS[kind] : undefined;
  if (apiVersion === undefined) {
    return [
      {
        index,
        path: '/kind',
        message: `kind "${kind}" is not one of the kinds validated strictly (${VALIDATED_KINDS.join(', ')})`,
      },
    ];
  }
  if (obj.apiVersion !== apiVersion) {
    return [
      {
        index,
        path: '/apiVersion',
        message: `${kind} must have apiVersion "${apiVersion}", not ${JSON.stringify(obj.apiVersion)}`,
      },
    ];
  }

  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ index, path, message });
  };

  // Layer 2 first: where it says "must be integer", the schema's "must be number" says less.
  const api = apiRuleIssues(kind, obj);
  const wholeNumbers = new Set(api.filter((i) => i.message === 'must be integer').map((i) => i.path));
  // Layer 1: types, required, unknown fields, shapes.
  if (!strictValidate(obj)) {
    for (const e of collapseAnyOf(strictValidate.errors ?? [])) {
      if (e.keyword === 'type' && wholeNumbers.has(e.instancePath)) continue;
      // The kind dispatch (if/then) adds one summary error per object; the real ones follow it.
      if (e.keyword === 'if') continue;
      const d = describe(e);
      add(d.path, d.message);
    }
  }
  for (const i of api) add(i.path, i.message);
  // Layer 3: apiserver name rules.
  for (const n of nameRuleIssues(kind, obj)) add(n.path, n.message);
  return issues;
}

/**
 * Validate parsed Kubernetes objects (e.g. from `parseAllDocuments(text, {version: '1.1'})`).
 * Returns one issue per problem with the object's index and a JSON pointer; empty means valid.
 */
export function validateObjects(objs: readonly unknown[]): ValidationIssue[] {
  return objs.flatMap((o, i) => validateOne(o, i));
}
