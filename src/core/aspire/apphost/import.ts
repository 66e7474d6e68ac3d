/**
 * importAppHost: App Host C# (`Program.cs`, `AppHost.cs`, a file-based `apphost.cs`, plus the
 * sibling `.cs` files of the project when given) → Topology + diagnostics. Never throws for
 * user input: syntax errors, unknown calls and undecidable control flow become warnings that
 * name the file, line and column (and `Topology.unmodelled` entries), and everything else
 * still imports. An App Host that would deploy nothing is an error that says why.
 */
import { diag, type Diagnostic } from '../../model/diagnostics';
import type { Topology } from '../../model/topology';
import { finishCustomContainers } from './custom-resource';
import { projectTypesFrom, readDirectives } from './directives';
import { Interpreter, type SourceFile } from './interpreter';
import { PARSE_BUDGET_MS, type CSharpParser } from './parser';
import { AppModel } from './state';

export interface AppHostImport {
  topology: Topology;
  diagnostics: Diagnostic[];
}

export interface AppHostSource {
  /** The file name as the user gave it (diagnostics name it). */
  name?: string;
  text: string;
}

export interface AppHostImportOptions {
  /** Application name for the topology (default "app"). */
  name?: string;
  /** The entry file's name, e.g. "apphost.cs". */
  fileName?: string;
  /** Sibling `.cs` files of the App Host project: helper and extension methods are read from them. */
  siblings?: readonly AppHostSource[];
  /** The language the user wrote ('ts': apphost.ts lowered to C#); constructs are named in it. */
  language?: 'cs' | 'ts';
  /** What a front end (the TypeScript lowering) already knows it could not read. */
  lost?: readonly { code?: string; construct: string; message: string; line: number; column: number }[];
}

/** Why nothing would be deployed, in one sentence the user can act on. */
export function emptyReason(model: AppModel, hint: string): string {
  const lost = model.unmodelled.filter((u) => u.construct !== 'syntax');
  const syntax = model.diagnostics.find((d) => d.code === 'syntax-error');
  const placeholders = [...model.resources.values()].filter((r) => r.kind === 'unknown').map((r) => r.name);
  const parts = [`No deployable resource was found (${hint}).`];
  if (placeholders.length) parts.push(`Declarations that were not understood: ${placeholders.slice(0, 5).join(', ')}.`);
  if (lost.length)
    parts.push(
      `${lost.length} construct${lost.length === 1 ? ' was' : 's were'} not modelled (first: ${lost[0]!.message})`,
    );
  if (syntax) parts.push(`The file has syntax errors (first: ${syntax.message}), which may hide them.`);
  return parts.join(' ');
}

export function importAppHost(parser: CSharpParser, text: string, options: AppHostImportOptions = {}): AppHostImport {
  const model = new AppModel();
  model.file = options.fileName;
  model.language = options.language ?? 'cs';
  for (const l of options.lost ?? [])
    model.warn(
      l.code ?? 'unsupported-statement',
      l.message,
      { startPosition: { row: l.line - 1, column: l.column - 1 } },
      undefined,
      l.construct,
    );
  const sources = [
    { ...(options.fileName !== undefined ? { name: options.fileName } : {}), text },
    ...(options.siblings ?? []),
  ];
  const trees: { delete(): void }[] = [];
  try {
    const files: SourceFile[] = [];
    for (const src of sources) {
      const d = readDirectives(src.text);
      for (const [type, path] of projectTypesFrom(d.projects)) model.projectPaths.set(type, path);
      const tree = parser.parse(d.text);
      if (!tree) {
        model.diagnostics.push(
          diag(
            'error',
            'parse-failed',
            `${src.name ?? 'The App Host'}: the C# parser gave up (more than ${PARSE_BUDGET_MS / 1000} s: the file ` +
              `is too large or too damaged to read).`,
          ),
        );
        continue;
      }
      trees.push(tree);
      files.push({ ...(src.name !== undefined ? { name: src.name } : {}), root: tree.rootNode });
    }
    new Interpreter(model).run(files);
    model.file = options.fileName;
    finishCustomContainers(model);
    if (!model.hasDeployable()) {
      // An error, not a warning: importing nothing would replace the user's design with an
      // empty one (the app) or write an empty bundle with success (the CLI). The warnings
      // stay in the list, so the user still sees which calls were ignored.
      const syntax = model.diagnostics.find((d) => d.code === 'syntax-error');
      model.diagnostics.push(
        diag(
          'error',
          'empty-apphost',
          emptyReason(
            model,
            'expected DistributedApplication.CreateBuilder(args) and builder.AddX(…) calls, at top level, in Main ' +
              'or in methods they call',
          ),
          syntax?.line !== undefined ? { line: syntax.line } : {},
        ),
      );
    }
  } catch (e) {
    // A bug in the interpreter must not lose the user's work: report it and keep what was read.
    model.diagnostics.push(
      diag('error', 'internal-error', `App Host import stopped early: ${e instanceof Error ? e.message : String(e)}`),
    );
  } finally {
    for (const t of trees) t.delete(); // trees live in WebAssembly memory; free them now, not at GC
  }
  return { topology: model.topology(options.name ?? 'app'), diagnostics: model.diagnostics };
}
