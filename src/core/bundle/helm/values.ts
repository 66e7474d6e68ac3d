/**
 * values.yaml, values.schema.json and ci/test-values.yaml grow together: every value the
 * templates read is declared here once, with its default, its JSON-schema type and a comment,
 * so keys in templates and in values.yaml cannot drift apart (Aspire's publisher let them).
 */
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { safeDocumentText } from '../../yaml/emit';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

export interface ValueSpec {
  value: Json;
  schema: Schema;
  comment?: string;
  /** Placeholder for ci/test-values.yaml (secret values that have no default). */
  testValue?: Json;
}

/**
 * Keys are resource names ("workloads.<name>"), and "constructor" is a valid one: read only
 * own properties, never what every object inherits from Object.prototype.
 */
function ownEntry<T>(obj: { [k: string]: T }, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isObjectNode(v: unknown): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null;
}

export class ValuesModel {
  private readonly root: { [k: string]: Json } = {};
  private readonly schemaRoot: Schema = { type: 'object', properties: {}, additionalProperties: false };
  private readonly comments: { path: string[]; text: string }[] = [];
  private readonly test: { [k: string]: Json } = {};

  /** Comment a map (section) key, e.g. ['workloads', 'web-api']. */
  section(path: string[], comment: string, schema: Schema = { type: 'object', additionalProperties: false }): void {
    let node = this.root;
    let sch = this.schemaRoot;
    for (const p of path) {
      const child = ownEntry(node, p);
      if (!isObjectNode(child)) node[p] = {};
      node = node[p] as { [k: string]: Json };
      const props = sch.properties as Schema;
      if (!ownEntry(props, p)) props[p] = { ...schema, properties: {} };
      sch = props[p] as Schema;
    }
    if (comment) this.comments.push({ path, text: comment });
  }

  set(path: string[], spec: ValueSpec): void {
    this.section(path.slice(0, -1), '');
    let node = this.root;
    let sch = this.schemaRoot;
    for (const p of path.slice(0, -1)) {
      node = node[p] as { [k: string]: Json };
      sch = (sch.properties as Schema)[p] as Schema;
    }
    const last = path[path.length - 1]!;
    node[last] = spec.value;
    (sch.properties as Schema)[last] = spec.schema;
    if (spec.comment) this.comments.push({ path, text: spec.comment });
    if (spec.testValue !== undefined) {
      let t = this.test;
      for (const p of path.slice(0, -1)) {
        if (!isObjectNode(ownEntry(t, p))) t[p] = {};
        t = t[p] as { [k: string]: Json };
      }
      t[last] = spec.testValue;
    }
  }

  has(path: string[]): boolean {
    let node: Json | undefined = this.root;
    for (const p of path) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
      node = ownEntry(node as { [k: string]: Json }, p);
      if (node === undefined) return false;
    }
    return true;
  }

  valuesYaml(header: string): string {
    const doc = new Document(this.root, { version: '1.1' });
    for (const c of this.comments) {
      const parent = c.path.length === 1 ? doc.contents : doc.getIn(c.path.slice(0, -1), true);
      if (!isMap(parent)) continue;
      const pair = (parent as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === c.path[c.path.length - 1]);
      if (pair && isScalar(pair.key))
        pair.key.commentBefore = c.text
          .split('\n')
          .map((l) => ` ${l}`)
          .join('\n');
    }
    doc.commentBefore = header
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
    return safeDocumentText(doc, { lineWidth: 0, minContentWidth: 0, indentSeq: true });
  }

  schemaJson(title: string): string {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title, ...this.schemaRoot };
    return `${JSON.stringify(schema, null, 2)}\n`;
  }

  testValuesYaml(header: string): string {
    const doc = new Document(this.test, { version: '1.1' });
    doc.commentBefore = header
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
    return safeDocumentText(doc, { lineWidth: 0, minContentWidth: 0, indentSeq: true });
  }
}

export const STRING: Schema = { type: 'string' };
export const BOOLEAN: Schema = { type: 'boolean' };
/** Parameter values end up quoted in a ConfigMap; `--set x=5` or `=true` is fine too. */
export const PARAMETER: Schema = { type: ['string', 'number', 'boolean'] };
export const DATABASE_MODE: Schema = { type: 'string', enum: ['inCluster', 'external'] };
export const REPLICAS: Schema = { type: 'integer', minimum: 0 };
const QUANTITY: Schema = { anyOf: [{ type: 'string' }, { type: 'number' }] };
const QUANTITIES: Schema = { type: 'object', additionalProperties: QUANTITY };
export const RESOURCES: Schema = {
  type: 'object',
  properties: { requests: QUANTITIES, limits: QUANTITIES },
  additionalProperties: false,
};
export const IMAGE: Schema = {
  type: 'object',
  properties: {
    registry: { type: 'string', description: 'Registry host and path; "" when the repository is already complete.' },
    repository: { type: 'string', minLength: 1 },
    tag: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    digest: { type: 'string', description: 'sha256:…; wins over tag when set.' },
  },
  required: ['repository'],
  additionalProperties: false,
};
