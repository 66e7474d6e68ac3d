/**
 * What import could not read is a row, from the CLI end: `check` on a manifest with a resource
 * type this tool does not know and on an App Host with calls it does not model lists each as an
 * unknown row with its file and line. Unknown rows leave the exit code at 0; `--fail-on
 * unknown` makes them fail the job, so a half-read input cannot pass a strict gate.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-unmodelled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
/** The bundle convert writes for an input: check compares the input with it. */
async function converted(input: string): Promise<string> {
  const run = await runCli(['convert', input, '--stdout', '--quiet']);
  expect(run.code).toBe(0);
  return file(`${input.split('/').pop()}.yaml`, run.stdout);
}
interface Row {
  rule: string;
  resource: string;
  status: string;
  /** The row's first evidence (the JSON report carries one place per row). */
  evidence?: { file: string; line: number };
}
const unknownRows = (json: string) =>
  (JSON.parse(json) as { rows: Row[] }).rows.filter((r) => r.rule === 'unmodelled' && r.status === 'unknown');

describe('check lists what import could not read', () => {
  it('a manifest resource of an unknown type: unknown on it, with the manifest line', async () => {
    const manifest = 'fixtures/manifests/aspirate-upstream-head-with-unsupported-resource.json';
    const bundle = await converted(manifest);
    const run = await runCli(['check', manifest, bundle, '--json']);
    expect(run.code).toBe(0);
    const sandwich = unknownRows(run.stdout).find((r) => r.resource === 'sandwich');
    // Line 25: its "type" field, the part not understood.
    expect(sandwich?.evidence).toEqual({ file: manifest, line: 25 });
    const strict = await runCli(['check', manifest, bundle, '--fail-on', 'unknown']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`${manifest}:25`);
  });

  it('App Host calls it does not model: a loop, a custom method, AddResource(new T), an integration', async () => {
    const program = file(
      'Program.cs',
      [
        'var builder = DistributedApplication.CreateBuilder(args);',
        'var names = Config.GetServiceNames();',
        'foreach (var n in names) { builder.AddProject<Projects.Api>(n); }',
        'var api = builder.AddProject<Projects.Api>("api");',
        'api.WithMyCustomStuff("x");',
        'var thing = builder.AddResource(new MyThing("thing"));',
        'var q = builder.AddFancyQueue("queue");',
        'api.WithReference(q);',
        'var again = builder.AddProject<Projects.Api>("api");',
        'builder.Build().Run();',
      ].join('\n'),
    );
    const bundle = await converted(program);
    const run = await runCli(['check', program, bundle, '--json']);
    expect(run.code).toBe(0);
    const lines = unknownRows(run.stdout).map((r) => `${r.resource}@${r.evidence?.line}`);
    // The loop (the resources it would add are not in the design), the method, the custom
    // resource, the integration, and the second "api" (ignored: Aspire refuses a duplicate name).
    expect(lines).toEqual(expect.arrayContaining(['api@5', 'thing@6', 'queue@7', 'api@9']));
    expect(lines.filter((l) => l.endsWith('@2') || l.endsWith('@3')).length).toBeGreaterThanOrEqual(1);
    expect((await runCli(['check', program, bundle, '--fail-on', 'unknown'])).code).toBe(1);
  });

  it('an apphost.ts with the same kinds of calls: each an unknown row with its line', async () => {
    const program = file(
      'apphost.ts',
      [
        "import { createBuilder } from './.modules/aspire.js';",
        'const builder = await createBuilder();',
        'const names = await loadNames();',
        "for (const n of names) { await builder.addProject(n, '../api/api.csproj'); }",
        "const api = await builder.addProject('api', '../api/api.csproj');",
        "await api.withMyCustomStuff('x');",
        "const q = await builder.addFancyQueue('queue');",
        'await api.withReference(q);',
        'await builder.build().run();',
      ].join('\n'),
    );
    const bundle = await converted(program);
    const run = await runCli(['check', program, bundle, '--json']);
    expect(run.code).toBe(0);
    const lines = unknownRows(run.stdout).map((r) => `${r.resource}@${r.evidence?.line}`);
    expect(lines).toEqual(expect.arrayContaining(['api@6', 'queue@7']));
    expect(lines.filter((l) => l.endsWith('@3') || l.endsWith('@4')).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown --fail-on level', async () => {
    const run = await runCli(['check', 'fixtures/parity/travel-design.json', '-', '--fail-on', 'never']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fail, warn or unknown');
  });
});
