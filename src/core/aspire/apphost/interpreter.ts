/**
 * Runs App Host code the way `aspire publish` would, against an AppModel: top-level statements
 * or Main, local variables, class constants, fluent calls, the user's own helper and extension
 * methods (this file and sibling files), `if`/`switch` decided by publish mode and constants,
 * and loops with constant bounds, unrolled. What cannot be decided is kept as alternatives or
 * reported with its line and column, never dropped in silence.
 */
import type { Node } from 'web-tree-sitter';
import { constantFields } from './class-constants';
import { classMethods } from './methods';
import { reportSyntaxErrors } from './syntax-errors';
import { definedSymbols } from './preprocessor';
import { lineOf } from './syntax';
import type { AppModel } from './state';
import { StatementRunner } from './statement-runner';

export { Returned, type Completion } from './statement-runner';

/** One parsed file of the App Host project. */
export interface SourceFile {
  name?: string;
  root: Node;
}

export class Interpreter extends StatementRunner {
  /** Whether a `Main` method or top-level statements were seen (for the "nothing found" hint). */
  entryFound = false;

  constructor(model: AppModel) {
    super(model);
  }

  run(files: readonly SourceFile[]): void {
    for (const f of files) {
      this.model.file = f.name;
      reportSyntaxErrors(this.model, f.root);
      for (const m of classMethods(f.root, f.name)) this.declareMethod(m);
      for (const k of f.root.descendantsOfType('class_declaration')) {
        const name = k?.childForFieldName('name')?.text;
        const bases = k?.namedChildren.find((x) => x?.type === 'base_list')?.text;
        if (name && bases) this.model.classBases.set(name, bases);
      }
    }
    for (const f of files) {
      this.model.file = f.name;
      this.declareConstants(f.root);
    }
    for (const f of files) {
      this.model.file = f.name;
      this.symbols = definedSymbols(f.root);
      this.members(f.root.namedChildren);
    }
  }

  /**
   * Class constants are known before any statement runs, by simple name (code inside the
   * class, e.g. Main) and qualified (`Names.Api` from top-level statements). Only plain values.
   */
  private declareConstants(root: Node): void {
    for (const { className, field, init } of constantFields(root)) {
      const v = this.value(init);
      if (v.t !== 'string' && v.t !== 'int' && v.t !== 'bool' && v.t !== 'array') continue;
      if (!this.scope.has(field)) this.scope.declare(field, v);
      this.qualified.set(`${className}.${field}`, v);
    }
  }

  /** Compilation-unit and namespace members: top-level statements, classes with Main. */
  private members(all: (Node | null)[]): void {
    // Statements under a top-level `#if` are not wrapped in global_statement nodes.
    const nodes = this.preprocessed(all);
    const top = nodes.filter((n) => n.type === 'global_statement' || n.type.endsWith('_statement'));
    if (top.length) {
      this.entryFound = true;
      this.block(
        top.flatMap((g) =>
          g.type === 'global_statement' ? g.namedChildren.filter((s): s is Node => s !== null) : [g],
        ),
        false,
      );
    }
    for (const n of nodes) {
      if (n?.type === 'namespace_declaration') {
        const body = n.childForFieldName('body');
        if (body) this.members(body.namedChildren);
      } else if (
        n?.type === 'class_declaration' ||
        n?.type === 'struct_declaration' ||
        n?.type === 'record_declaration'
      ) {
        this.classDeclaration(n);
      }
    }
  }

  private classDeclaration(n: Node): void {
    for (const m of n.childForFieldName('body')?.namedChildren ?? []) {
      if (m?.type === 'method_declaration' && m.childForFieldName('name')?.text === 'Main') {
        this.entryFound = true;
        const block = m.childForFieldName('body');
        if (block) this.statement(block);
        else
          this.model.warn(
            'unsupported-statement',
            `Line ${lineOf(m)}: an expression-bodied Main is not read.`,
            m,
            undefined,
            'Main',
          );
      } else if (m?.type === 'class_declaration') {
        this.classDeclaration(m);
      }
    }
  }
}
