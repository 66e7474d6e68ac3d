/**
 * The red team's view of a generated bundle: its YAML documents as plain objects, edited copy on
 * write (only the files a breakage touches are written again, the rest keep the generator's text),
 * and the reachability and discovery pairs the good bundle proves, each with the consumer's
 * workload and the server's Service the breakages aim at.
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { Resource, Topology } from '../model/topology';
import type { SourceFile } from '../yaml/parse';
import type { ParityRow } from './types';

export type Obj = Record<string, unknown>;
export const obj = (x: unknown): Obj => (x !== null && typeof x === 'object' ? (x as Obj) : {});
export const list = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);

export interface Base {
  label: string;
  topology: Topology;
  files: SourceFile[];
  docs: Map<string, Obj[]>;
}

export function baseOf(label: string, topology: Topology, files: SourceFile[]): Base {
  const docs = new Map<string, Obj[]>();
  for (const f of files)
    docs.set(
      f.path,
      parseAllDocuments(f.text)
        .map((d) => d.toJS() as unknown)
        .filter((d): d is Obj => d !== null && typeof d === 'object'),
    );
  return { label, topology, files, docs };
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** One breakage's copy of a bundle. */
export class Draft {
  private readonly edited = new Map<string, Obj[]>();
  constructor(readonly base: Base) {}

  private docsOf(path: string): Obj[] {
    let d = this.edited.get(path);
    if (!d) this.edited.set(path, (d = structuredClone(this.base.docs.get(path) ?? [])));
    return d;
  }

  /** The document of that kind and name, ready to edit (its file is written again). */
  find(kind: string | ((k: string) => boolean), name: string): Obj | undefined {
    const is = typeof kind === 'string' ? (k: string) => k === kind : kind;
    for (const [path, docs] of this.base.docs) {
      const i = docs.findIndex((d) => is(String(d.kind)) && obj(d.metadata).name === name);
      if (i >= 0) return this.docsOf(path)[i];
    }
    return undefined;
  }

  workload(name: string): Obj | undefined {
    return this.find((k) => WORKLOADS.has(k), name);
  }

  remove(kind: string, name: string): boolean {
    for (const [path, docs] of this.base.docs) {
      const i = docs.findIndex((d) => d.kind === kind && obj(d.metadata).name === name);
      if (i >= 0) {
        this.docsOf(path).splice(i, 1);
        return true;
      }
    }
    return false;
  }

  /** A new object, in a file of its own (as a reviewer's patch would add it). */
  add(doc: Obj): void {
    this.docsOf(`redteam-${this.edited.size}.yaml`).push(doc);
  }

  /** Every document, for edits that touch the whole bundle (a namespace for all). */
  everyDoc(): Obj[] {
    return [...this.base.docs.keys()].flatMap((p) => this.docsOf(p));
  }

  files(): SourceFile[] {
    const out = this.base.files.map((f) => {
      const d = this.edited.get(f.path);
      return d ? { path: f.path, text: d.map((x) => stringify(x)).join('---\n') } : f;
    });
    for (const [path, d] of this.edited)
      if (!this.base.docs.has(path)) out.push({ path, text: d.map((x) => stringify(x)).join('---\n') });
    return out;
  }
}

/** A pair the good bundle proves: consumer → server over a connection value or a services__ URL. */
export interface Pair {
  rule: 'reachability' | 'discovery';
  rowId: string;
  consumer: Resource;
  target: Resource;
  server: Resource;
  /** Kubernetes names of the consumer's workload and the server's Service. */
  workload: string;
  service: string;
  /** The env key the consumer reads the value from. */
  key: string;
  /** The Service port the value should name. */
  port: number;
}

export function containerOf(w: Obj | undefined): Obj | undefined {
  const spec = obj(obj(obj(w).spec).template).spec;
  return list(obj(spec).containers)[0];
}

/** Replace (or add) the consumer's env entry `name`, keeping its place among the others. */
export function setEnv(c: Obj, entry: Obj, before?: Obj[]): void {
  const env = list(c.env);
  const at = env.findIndex((e) => e.name === entry.name);
  if (at >= 0) env.splice(at, 1, entry);
  else env.push(entry);
  if (before) env.splice(at >= 0 ? at : env.length - 1, 0, ...before);
  c.env = env;
}

export function pairsOf(base: Base, rows: ParityRow[], keyOf: (p: Omit<Pair, 'key'>) => string | undefined): Pair[] {
  const byName = new Map(base.topology.resources.map((r) => [r.name, r]));
  const draft = new Draft(base);
  const out: Pair[] = [];
  for (const r of rows) {
    if ((r.rule !== 'reachability' && r.rule !== 'discovery') || r.status !== 'pass') continue;
    const consumer = byName.get(r.resource);
    const target = byName.get(r.id.slice(r.rule.length + r.resource.length + 2));
    if (!consumer || !target) continue;
    const server = target.kind === 'database' && target.parent ? (byName.get(target.parent) ?? target) : target;
    const service = server.name.toLowerCase();
    const svc = draft.find('Service', service);
    const ports = list(obj(svc?.spec).ports);
    const http = ports.find((p) => String(p.name).startsWith('http')) ?? ports[0];
    const tcp = ports.find((p) => !String(p.name).startsWith('http')) ?? ports[0];
    const port = Number((r.rule === 'discovery' ? http : tcp)?.port);
    if (!svc || !port) continue;
    const p = {
      rule: r.rule as Pair['rule'],
      rowId: r.id,
      consumer,
      target,
      server,
      workload: consumer.name.toLowerCase(),
      service,
      port,
    };
    const key = keyOf(p);
    if (key) out.push({ ...p, key });
  }
  return out;
}
