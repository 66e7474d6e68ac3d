/**
 * Property: nothing an App Host declares is dropped in silence. Random programs mix calls the
 * reader models, integrations and custom extensions it does not know, custom resource types,
 * dashboard-only and unknown fluent calls, and put them under the constructs real App Hosts
 * use (undecidable `if`, `#if`, ternaries, switch expressions, loops, local functions, helper
 * methods in a sibling file). Every `builder.AddX("name")` must end up imported (a resource or
 * a placeholder), named by a diagnostic, or covered by an unmodelled entry at the line of the
 * construct that hid it.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { importAppHostTs } from '../apphost-ts/import';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

/** One declaration: the C# expression for a name. */
const DECLARATIONS: ((n: string) => string)[] = [
  (n) => `builder.AddRedis("${n}")`,
  (n) => `builder.AddPostgres("${n}-srv").AddDatabase("${n}")`,
  (n) => `builder.AddProject<Projects.P_${n.replace(/-/g, '_')}>("${n}")`,
  (n) => `builder.AddContainer("${n}", "example/${n}", "1.0")`,
  (n) => `builder.AddNpmApp("${n}", "../web")`,
  (n) => `builder.AddSurrealDbServer("${n}")`, // an integration the catalogue does not know
  (n) => `builder.AddMyCompanyThing("${n}", 42)`, // a custom extension declared nowhere
  (n) => `builder.AddResource(new TalkingClock("${n}"))`,
  (n) => `builder.AddDockerComposeEnvironment("${n}")`,
];

const FLUENT = ['', '.WithIconName("x")', '.WithHttpCommand("/reset", "Reset")', '.WithSomethingUnknown(1)'];

/** A construct wrapping statements; `line` is where an unmodelled entry for it may point. */
type Wrap = (inner: string, name: string) => string;
const WRAPS: Wrap[] = [
  (s) => `${s};`,
  (s) => `if (builder.Configuration["F"] == "1") { ${s}; }`,
  (s) => `#if SOME_SYMBOL\n${s};\n#endif`,
  (s) => `#if !SOME_SYMBOL\n${s};\n#endif`,
  (s) => `var v_${Math.abs(s.length)} = builder.Configuration["F"] == "1" ? ${s} : null;`,
  (s) => `var w_${Math.abs(s.length)} = builder.Configuration["F"] switch { "a" => ${s}, _ => null };`,
  (s) => `for (var i = 0; i < 1; i++) { ${s}; }`,
  (s, n) => `void Declare_${n.replace(/-/g, '_')}() { ${s}; }\nDeclare_${n.replace(/-/g, '_')}();`,
  (s) => `while (builder.Configuration["Loop"] == "1") { ${s}; break; }`,
  (s) => `builder.AddFromHelper_${Math.abs(s.length)}(); // helper: ${s}`,
];

interface Item {
  decl: number;
  fluent: number;
  wrap: number;
}

const item = fc.record({
  decl: fc.nat(DECLARATIONS.length - 1),
  fluent: fc.nat(FLUENT.length - 1),
  wrap: fc.nat(WRAPS.length - 1),
});

function program(items: Item[]): { text: string; sibling: string; names: { name: string; line: number }[] } {
  const lines = ['var builder = DistributedApplication.CreateBuilder(args);'];
  const helpers: string[] = [];
  const names: { name: string; line: number }[] = [];
  items.forEach((it, i) => {
    const name = `r${i}`;
    const expr = `${DECLARATIONS[it.decl]!(name)}${FLUENT[it.fluent]!}`;
    const line = lines.length + 1;
    const wrapped = WRAPS[it.wrap]!(expr, name);
    if (wrapped.startsWith('builder.AddFromHelper_')) {
      // The declaration lives in an extension method of a sibling file.
      const method = wrapped.slice('builder.'.length, wrapped.indexOf('('));
      helpers.push(`  public static void ${method}(this IDistributedApplicationBuilder builder) { ${expr}; }`);
      lines.push(`builder.${method}();`);
    } else lines.push(...wrapped.split('\n'));
    names.push({ name, line });
  });
  lines.push('builder.Build().Run();');
  const sibling = `public static class Helpers\n{\n${helpers.join('\n')}\n}\n`;
  return { text: `${lines.join('\n')}\n`, sibling, names };
}

describe('nothing an App Host declares is dropped in silence', () => {
  it('every builder.AddX("name") is imported, named by a diagnostic, or under an unmodelled construct', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
        const { text, sibling, names } = program(items);
        const { topology, diagnostics } = importAppHost(parser, text, {
          fileName: 'AppHost.cs',
          siblings: [{ name: 'Helpers.cs', text: sibling }],
        });
        const resources = new Set(topology.resources.map((r) => r.name));
        const unmodelled = topology.unmodelled ?? [];
        for (const { name, line } of names) {
          const surfaced =
            resources.has(name) ||
            unmodelled.some((u) => u.resource === name || u.message.includes(`"${name}"`)) ||
            diagnostics.some((d) => d.message.includes(`"${name}"`)) ||
            unmodelled.some((u) => u.file === 'AppHost.cs' && u.line === line);
          if (!surfaced) expect.fail(`"${name}" (line ${line}) vanished without a trace in:\n${text}`);
        }
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('apphost.ts: the same property over TypeScript declarations and control flow', () => {
    const decls: ((n: string) => string)[] = [
      (n) => `builder.addRedis("${n}")`,
      (n) => `builder.addProject("${n}", "../${n}/${n}.csproj", "http")`,
      (n) => `builder.addViteApp("${n}", "./web")`,
      (n) => `builder.addSurrealDbServer("${n}")`,
      (n) => `builder.addDockerComposeEnvironment("${n}")`,
    ];
    const wraps: ((s: string, i: number) => string)[] = [
      (s) => `await ${s};`,
      (s) => `if (process.env.FLAG === "1") { await ${s}; }`,
      (s, i) => `const v${i} = process.env.FLAG === "1" ? await ${s} : undefined;`,
      (s) => `for (let i = 0; i < 1; i++) { await ${s}; }`,
      (s) => `await ${s}.withSomethingUnknown(1).withCommand("x", "X", async () => ({ success: true }));`,
      (s, i) => `async function declare${i}() { await ${s}; }\nawait declare${i}();`,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.nat(decls.length - 1), w: fc.nat(wraps.length - 1) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (items) => {
          const lines = [
            "import { createBuilder } from './.modules/aspire.js';",
            'const builder = await createBuilder();',
          ];
          const names: { name: string; line: number }[] = [];
          items.forEach((it, i) => {
            names.push({ name: `r${i}`, line: lines.length + 1 });
            lines.push(...wraps[it.w]!(decls[it.d]!(`r${i}`), i).split('\n'));
          });
          lines.push('await builder.build().run();');
          const text = `${lines.join('\n')}\n`;
          const { topology, diagnostics } = importAppHostTs(ts, parser, text, { fileName: 'apphost.ts' });
          const resources = new Set(topology.resources.map((r) => r.name));
          for (const { name, line } of names) {
            const surfaced =
              resources.has(name) ||
              diagnostics.some((d) => d.message.includes(`"${name}"`)) ||
              (topology.unmodelled ?? []).some((u) => u.resource === name || u.line === line);
            if (!surfaced) expect.fail(`"${name}" (line ${line}) vanished without a trace in:\n${text}`);
          }
        },
      ),
      { numRuns: 40, seed: 23 },
    );
  });
});
