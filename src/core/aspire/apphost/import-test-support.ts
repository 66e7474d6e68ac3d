/** Shared helpers of the App Host import tests (import*.test.ts): run a body of statements, look up what it made. */
import type { Resource, Topology } from '../../model/topology';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';

export const HEAD = 'var builder = DistributedApplication.CreateBuilder(args);\n';
export function runWith(parser: CSharpParser, body: string) {
  return importAppHost(parser, `${HEAD}${body}\nbuilder.Build().Run();\n`);
}
export function res(t: Topology, name: string): Resource {
  const r = t.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}: ${t.resources.map((x) => x.name).join(', ')}`);
  return r;
}
export const env = (r: Resource) => Object.fromEntries(r.env.map((e) => [e.name, e.value]));
export const refs = (t: Topology) => t.references.map((r) => `${r.from}->${r.to} ${r.kind} ${r.waitFor}`);
