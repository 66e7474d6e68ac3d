/**
 * Offline strict validation of Kubernetes objects, in Node and in the browser.
 *
 * No apiserver runs here (see shared/reference/k8s-validation.md §6.4), so we combine layers
 * that each catch what the others miss:
 *  1. kubernetes-models' per-kind validators (OpenAPI-derived): types, required fields,
 *     enums (restartPolicy, probe scheme, protocol), quantity and int-or-string formats.
 *  2. Our strict schema (./schema/k8s-strict.schema.json, built by scripts/build-k8s-schema.ts
 *     from kubernetes-types, shipped as precompiled ajv code): unknown fields and typos (`additionalProperties: false`), a
 *     required metadata, and apiVersion/kind pairs.
 *  3. The apiserver's name rules that neither schema encodes (object, container, volume and
 *     port names), because Aspire's own publisher got exactly these wrong.
 *
 * Never throws for user input: every problem is returned as an issue.
 */
import type { ErrorObject } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
// Precompiled from ./schema/k8s-strict.schema.json (runtime compile costs 0.25–10 s).
import strictValidate from './schema/k8s-strict.validate';
import { nameRuleIssues } from './name-rules';

export interface ValidationIssue {
  /** Index of the object in the input array. */
  index: number;
  /** JSON pointer inside the object, e.g. "/spec/template/spec/containers/0/ports/0/name". */
  path: string;
  message: string;
}

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** kind → [apiVersion, kubernetes-models class]. The kinds the generator emits. */
const MODELS: Record<string, [string, ModelClass]> = {
  Deployment: ['apps/v1', Deployment as unknown as ModelClass],
  StatefulSet: ['apps/v1', StatefulSet as unknown as ModelClass],
  Job: ['batch/v1', Job as unknown as ModelClass],
  Service: ['v1', Service as unknown as ModelClass],
  Secret: ['v1', Secret as unknown as ModelClass],
  ConfigMap: ['v1', ConfigMap as unknown as ModelClass],
  PersistentVolumeClaim: ['v1', PersistentVolumeClaim as unknown as ModelClass],
  Namespace: ['v1', Namespace as unknown as ModelClass],
  Ingress: ['networking.k8s.io/v1', Ingress as unknown as ModelClass],
};

/** The kinds `validateObjects` checks strictly; anything else is reported as unsupported. */
export const VALIDATED_KINDS: readonly string[] = Object.keys(MODELS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ajv error → one readable sentence; unknown and missing fields name the key. */
function describe(e: ErrorObject): { path: string; message: string } {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    return { path: e.instancePath, message: `unknown field "${String(params.additionalProperty)}"` };
  }
  if (e.keyword === 'required') {
    return { path: e.instancePath, message: `missing required field "${String(params.missingProperty)}"` };
  }
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { path: e.instancePath, message: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path: e.instancePath, message: e.message ?? e.keyword };
}

function modelErrors(model: ModelClass, obj: Record<string, unknown>): ErrorObject[] {
  try {
    new model(obj).validate();
    return [];
  } catch (err) {
    const errors = isRecord(err) && Array.isArray(err.errors) ? (err.errors as ErrorObject[]) : undefined;
    if (errors) return errors;
    return [{ instancePath: '', schemaPath: '', keyword: 'exception', params: {}, message: String(err) }];
  }
}

/**
 * kubernetes-models reports a failed quantity or int-or-string as three errors (string format,
 * number type, oneOf). Keep one readable message per path instead.
 */
function collapseOneOf(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (!oneOfPaths.has(e.instancePath)) {
      out.push(e);
    } else if (e.keyword === 'format') {
      out.push({ ...e, message: `must be a ${String((e.params as Record<string, unknown>).format)} (string or number)` });
    }
  }
  // A oneOf with no format error (e.g. a boolean where int-or-string belongs) still needs one line.
  for (const p of oneOfPaths) {
    if (!out.some((e) => e.instancePath === p)) {
      out.push({ instancePath: p, schemaPath: '', keyword: 'type', params: {}, message: 'has the wrong type' });
    }
  }
  return out;
}

function validateOne(obj: unknown, index: number): ValidationIssue[] {
  if (!isRecord(obj)) return [{ index, path: '', message: 'a Kubernetes object must be a mapping' }];
  const kind = obj.kind;
  if (typeof kind !== 'string') return [{ index, path: '/kind', message: 'missing required field "kind"' }];
  const entry = MODELS[kind];
  if (!entry) {
    return [{ index, path: '/kind', message: `kind "${kind}" is not one of the kinds validated strictly (${VALIDATED_KINDS.join(', ')})` }];
  }
  const [apiVersion, model] = entry;
  if (obj.apiVersion !== apiVersion) {
    return [{ index, path: '/apiVersion', message: `${kind} must have apiVersion "${apiVersion}", not ${JSON.stringify(obj.apiVersion)}` }];
  }

  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ index, path, message });
  };

  // Layer 1: types, enums, formats, required.
  for (const e of collapseOneOf(modelErrors(model, obj))) {
    const d = describe(e);
    add(d.path, d.message);
  }
  // Layer 2: only what layer 1 cannot see — unknown fields and our extra required fields. Its
  // type errors duplicate layer 1 with worse wording (number instead of integer), so skip them.
  if (!strictValidate(obj)) {
    for (const e of strictValidate.errors ?? []) {
      if (e.keyword !== 'additionalProperties' && e.keyword !== 'required') continue;
      const d = describe(e);
      add(d.path, d.message);
    }
  }
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
