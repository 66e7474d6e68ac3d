/**
 * importAppHost: App Host `Program.cs` text → Topology + diagnostics. Never throws for user
 * input: syntax errors, unknown calls and control flow become warnings that name the line, and
 * everything else still imports.
 */
import { diag, type Diagnostic } from '../../model/diagnostics';
import type { Topology } from '../../model/topology';
import { Interpreter } from './interpreter';
import type { CSharpParser } from './parser';
import { AppModel } from './state';

export interface AppHostImport {
  topology: Topology;
  diagnostics: Diagnostic[];
}

export interface AppHostImportOptions {
  /** Application name for the topology (default "app"). */
  name?: string;
}

export function importAppHost(parser: CSharpParser, text: string, options: AppHostImportOptions = {}): AppHostImport {
  const model = new AppModel();
  const tree = parser.parse(text);
  if (!tree) {
    return { topology: model.topology(options.name ?? 'app'), diagnostics: [diag('error', 'parse-failed', 'The C# parser returned no tree.')] };
  }
  try {
    const interpreter = new Interpreter(model);
    interpreter.run(tree.rootNode);
    if (model.resources.size === 0) {
      // An error, not a warning: importing nothing would replace the user's design with an
      // empty one (the app) or write an empty bundle with success (the CLI).
      // The CLI shows only this error, so a syntax error that hid the calls must be named here.
      const syntax = model.diagnostics.find((d) => d.code === 'syntax-error');
      const cause = syntax ? ` The file has C# syntax errors (first: ${syntax.message}), which may hide them.` : '';
      model.diagnostics.push(diag('error', 'empty-apphost', `No App Host resources were found: expected DistributedApplication.CreateBuilder(args) and builder.AddX(…) calls, at top level or in Main.${cause}`, syntax?.line !== undefined ? { line: syntax.line } : {}));
    }
  } catch (e) {
    // A bug in the interpreter must not lose the user's work: report it and keep what was read.
    model.diagnostics.push(diag('error', 'internal-error', `App Host import stopped early: ${e instanceof Error ? e.message : String(e)}`));
  } finally {
    tree.delete(); // the tree lives in WebAssembly memory; free it now, not at GC
  }
  return { topology: model.topology(options.name ?? 'app'), diagnostics: model.diagnostics };
}
