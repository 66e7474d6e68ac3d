/**
 * exportAppHostTs: Topology → an idiomatic `apphost.ts`. The C# exporter decides what to say
 * (defaults from the one integration catalogue, a call only for a difference, comments for what
 * App Host code cannot say); this spells each call the TypeScript App Host way: camelCase
 * methods, optional parameters in a trailing options object, arrays for argument lists,
 * `refExpr` for reference expressions, `await` on each statement. A call with no TypeScript
 * spelling (an endpoint callback) becomes a `// Not expressible` comment and a diagnostic.
 */
import { diag } from '../../model/diagnostics';
import type { Topology } from '../../model/topology';
import { conventionalProjectPath } from '../../model/integrations/apphost-view';
import { exportAppHostWithDiagnostics, type AppHostExport } from '../apphost/export';
import { parseCall, splitTopLevel, tsValue, type ParsedCall } from './calls';

/** How many leading arguments stay positional in TypeScript; the rest go into the options object by these names. */
const SHAPES: Record<string, { keep: number; names: string[] }> = {
  WithHttpHealthCheck: { keep: 0, names: ['path', 'statusCode', 'endpointName'] },
  WithDataVolume: { keep: 0, names: ['name', 'isReadOnly'] },
  WithDataBindMount: { keep: 1, names: ['source', 'isReadOnly'] },
  WithImage: { keep: 1, names: ['image', 'tag'] },
  WithReference: { keep: 1, names: ['source', 'connectionName'] },
  AddDatabase: { keep: 1, names: ['name', 'databaseName'] },
  WithHttpProbe: { keep: 1, names: ['probeType', 'path'] },
  WithBindMount: { keep: 2, names: ['source', 'target', 'isReadOnly'] },
  AddContainer: { keep: 1, names: ['name', 'image', 'tag'] },
  AddDockerfile: { keep: 2, names: ['name', 'contextPath', 'dockerfilePath', 'stage'] },
  AddParameter: { keep: 1, names: ['name', 'value', 'publishValueAsDefault', 'secret'] },
};

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

class TsWriter {
  readonly problems: string[] = [];

  /** One call in TypeScript, or undefined (with the reason recorded) when it has none. */
  call(text: string): string | undefined {
    const c = parseCall(text);
    if (!c) return this.fail(text);
    if (c.method === 'AddProject') return this.project(c);
    if (c.method === 'WithArgs' || c.method === 'AddExecutable') return this.argList(c);
    if (c.method === 'WithVolume' && c.args.length >= 2 && !c.args[0]!.name) {
      // TypeScript: withVolume(target, { name, isReadOnly }).
      const [name, target, ...rest] = c.args;
      return this.render('withVolume', [target!.value], [
        { name: 'name', value: name!.value },
        ...rest.filter((a) => a.name),
      ] as { name: string; value: string }[]);
    }
    const shape = SHAPES[c.method];
    const positional = c.args.filter((a) => !a.name).map((a) => a.value);
    const named = c.args.filter((a): a is { name: string; value: string } => a.name !== undefined);
    if (shape && positional.length > shape.keep) {
      named.unshift(...positional.slice(shape.keep).map((value, i) => ({ name: shape.names[shape.keep + i]!, value })));
      positional.length = shape.keep;
    }
    return this.render(camel(c.method), positional, named, text);
  }

  private fail(text: string): undefined {
    this.problems.push(`${text.replace(/\s+/g, ' ').slice(0, 80)} has no TypeScript App Host spelling here`);
    return undefined;
  }

  private render(
    method: string,
    positional: string[],
    named: { name: string; value: string }[],
    original = method,
  ): string | undefined {
    const pos = positional.map(tsValue);
    const opts = named.map((n) => ({ name: n.name, value: tsValue(n.value) }));
    if (pos.some((p) => p === undefined) || opts.some((o) => o.value === undefined)) return this.fail(original);
    const all = [...(pos as string[])];
    if (opts.length) all.push(`{ ${opts.map((o) => `${o.name}: ${o.value!}`).join(', ')} }`);
    return `${method}(${all.join(', ')})`;
  }

  private project(c: ParsedCall): string | undefined {
    const positional = c.args.filter((a) => !a.name).map((a) => a.value);
    const path = c.typeArg
      ? JSON.stringify(conventionalProjectPath(c.typeArg.replace(/^Projects\./, '')))
      : positional[1];
    if (positional[0] === undefined || path === undefined)
      return this.fail(`AddProject(${c.args.map((a) => a.value).join(', ')})`);
    // addProject(name, projectPath, launchProfileName): no launch profile (a worker) is null.
    const worker = c.args.some((a) => a.name === 'launchProfileName' && a.value === 'null');
    return `addProject(${tsValue(positional[0])}, ${path}, ${worker ? 'null' : '"https"'})`;
  }

  /**
   * `WithArgs(a, b)` → `withArgs([a, b])`; `AddExecutable(n, cmd, dir, a, b)` → `addExecutable(n, cmd, dir, [a, b])`.
   */
  private argList(c: ParsedCall): string | undefined {
    const head = c.method === 'AddExecutable' ? 3 : 0;
    const values = c.args.map((a) => tsValue(a.value));
    if (values.some((v) => v === undefined)) return this.fail(c.method);
    const fixed = values.slice(0, head) as string[];
    return `${camel(c.method)}(${[...fixed, `[${values.slice(head).join(', ')}]`].join(', ')})`;
  }
}

/** Split `recv.A(…)` at its top-level dots: the receiver and each call. */
function chainParts(statement: string): string[] {
  return splitTopLevel(statement.replace(/\s*\n\s*/g, ' '), '.');
}

export function exportAppHostTsWithDiagnostics(topology: Topology): AppHostExport {
  const cs = exportAppHostWithDiagnostics(topology);
  const w = new TsWriter();
  const out: string[] = [];
  let uses = { refExpr: false, ProbeType: false, EndpointProperty: false, ProtocolType: false };
  // Statements end with ';' at the end of a line; comments and blank lines pass through.
  const statements: string[] = [];
  let current = '';
  for (const line of cs.code.split('\n')) {
    if (current === '' && (line.startsWith('//') || line.trim() === '')) {
      statements.push(line);
      continue;
    }
    current += (current ? '\n' : '') + line;
    if (/;\s*$/.test(line)) {
      statements.push(current);
      current = '';
    }
  }
  for (const s of statements) {
    if (s.startsWith('//') || s.trim() === '') {
      out.push(s);
      continue;
    }
    if (s.startsWith('var builder = DistributedApplication.CreateBuilder')) {
      out.push('const builder = await createBuilder();');
      continue;
    }
    if (s.startsWith('builder.Build().Run()')) {
      out.push('await builder.build().run();');
      continue;
    }
    const decl = /^var ([A-Za-z_]\w*) = ([\s\S]*);$/.exec(s);
    const body = decl ? decl[2]! : s.replace(/;$/, '');
    const [receiver, ...calls] = chainParts(body);
    const lines: string[] = [];
    const lost: string[] = [];
    for (const [i, call] of calls.entries()) {
      const t = w.call(call);
      if (t === undefined) lost.push(call);
      else lines.push(i === 0 ? `${receiver}.${t}` : `    .${t}`);
    }
    for (const l of lost) out.push(`// Not expressible in TypeScript: ${l.replace(/\s+/g, ' ')}`);
    if (lines.length === 0) continue;
    const text = `${decl ? `const ${decl[1]} = ` : ''}await ${lines.join('\n')};`;
    uses = {
      refExpr: uses.refExpr || text.includes('refExpr`'),
      ProbeType: uses.ProbeType || text.includes('ProbeType.'),
      EndpointProperty: uses.EndpointProperty || text.includes('EndpointProperty.'),
      ProtocolType: uses.ProtocolType || text.includes('ProtocolType.'),
    };
    out.push(text);
  }
  const imports = [
    'createBuilder',
    ...Object.entries(uses)
      .filter(([, used]) => used)
      .map(([k]) => k),
  ].sort((a, b) => a.localeCompare(b));

  const code = `${out.join('\n').replace(/^(\/\/ App Host for [^\n]*\n(?:\/\/[^\n]*\n)*)/, `$1\nimport { ${imports.join(', ')} } from './.modules/aspire.js';\n`)}`;
  const diagnostics = [...cs.diagnostics, ...w.problems.map((p) => diag('warning', 'apphost-not-expressible', p))];
  return {
    code: code.endsWith('\n') ? code : `${code}\n`,
    diagnostics,
    expressed: w.problems.length ? [] : cs.expressed,
  };
}

export function exportAppHostTs(topology: Topology): string {
  return exportAppHostTsWithDiagnostics(topology).code;
}
