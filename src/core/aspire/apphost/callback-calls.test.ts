/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
/** WithEnvironment and WithArgs callbacks are read statement by statement (oracle: callbacks, args). */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology';
import { programRunner } from './test-support';

const run = programRunner();
const res = (t: Topology, name: string) => t.resources.find((r) => r.name === name)!;

describe('callbacks', () => {
  it('WithEnvironment(context => …): each assignment is an env var, references included', () => {
    const { topology, diagnostics } =
      run(`var kv = builder.AddContainer("kv", "kv").WithEndpoint(targetPort: 6000, name: "tcp", scheme: "tcp");
var key = builder.AddParameter("key", secret: true);
builder.AddContainer("app", "app").WithEnvironment(context =>
{
    context.EnvironmentVariables["FLAGS"] = "a,b";
    context.EnvironmentVariables["KV"] = kv.GetEndpoint("tcp");
    context.EnvironmentVariables["KEY"] = key;
    Console.WriteLine("not an env var");
});`);
    expect(res(topology, 'app').env).toEqual([
      { name: 'FLAGS', value: 'a,b' },
      { name: 'KV', value: '{kv.bindings.tcp.url}' },
      { name: 'KEY', value: '{key.value}' },
    ]);
    expect(topology.references.map((r) => `${r.from}->${r.to}`).sort()).toEqual(['app->key', 'app->kv']);
    // What is not an assignment to EnvironmentVariables is still reported, with its line.
    expect(diagnostics.filter((d) => d.code === 'unsupported-call')).toEqual([
      expect.objectContaining({ line: 9, resource: 'app' }),
    ]);
  });

  it('WithArgs(context => …): each Args.Add is an argument, after the literal ones', () => {
    const { topology } = run(`var up = builder.AddContainer("up", "up").WithHttpEndpoint(targetPort: 8080);
builder.AddContainer("proxy", "proxy").WithArgs("--listen", ":80").WithArgs(context => { context.Args.Add("--upstream"); context.Args.Add(up.GetEndpoint("http")); });`);
    expect(res(topology, 'proxy').args).toEqual(['--listen', ':80', '--upstream', '{up.bindings.http.url}']);
  });

  it('an expression-bodied callback is one statement', () => {
    const { topology } = run(
      'builder.AddContainer("app", "app").WithEnvironment(ctx => ctx.EnvironmentVariables["MODE"] = "prod");',
    );
    expect(res(topology, 'app').env).toEqual([{ name: 'MODE', value: 'prod' }]);
  });
});
