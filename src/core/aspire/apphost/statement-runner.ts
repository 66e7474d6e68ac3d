/**
 * Running statements of App Host code: blocks, declarations, expression statements, `if` (both
 * branches when publish mode does not decide), loops and switches (./control-flow.ts), and calls
 * of the user's own helper methods.
 */
import type { Node } from 'web-tree-sitter';
import { Calls } from './calls';
import { assign, increment } from './assignments';
import { forLoop, foreachLoop, switchStatement } from './control-flow';
import { readMethod, type UserMethod } from './methods';
import { INERT_DIRECTIVES, keptNodes, type BranchChoice } from './preprocessor';
import { Scope } from './scope';
import { bindArguments, lineOf, type MethodCall } from './syntax';
import { describeValue, REPORTED, sameValue, UNKNOWN, type Value } from './values';

/** A `return` leaving the method (or the top-level program). */
export class Returned {
  constructor(readonly value: Value) {}
}
export type Completion = Returned | 'break' | 'continue' | undefined;

const NOT_RUN: Record<string, string> = {
  while_statement: 'a while loop',
  do_statement: 'a do loop',
  goto_statement: 'a goto',
  labeled_statement: 'a label',
};

/** Nested helper calls deeper than this are reported (recursion would never end). */
const MAX_CALL_DEPTH = 32;

export abstract class StatementRunner extends Calls {
  private depth = 0;
  /** Compilation symbols the file being read `#define`s (the standard ones are known to preprocessor.ts). */
  protected symbols: ReadonlySet<string> = new Set();

  /** The nodes the compiler keeps from a list with `#if` directives; choices resting on a guess are reported. */
  protected preprocessed(nodes: readonly (Node | null)[]): Node[] {
    const choices: BranchChoice[] = [];
    const kept = keptNodes(nodes, this.symbols, choices);
    for (const c of choices)
      this.model.warn(
        'undecidable-condition',
        `Line ${c.line}: this #if depends on ${c.assumed.join(', ')}, which the project file may define; read as ` +
          `undefined, so ${c.kept === 'no branch' ? 'no branch' : `the ${c.kept} branch`} is imported and ` +
          'the others are not.',
        c.at,
        undefined,
        '#if',
      );
    return kept;
  }

  /** Statements of one block: local functions are hoisted (C# lets code call them before their declaration). */
  block(statements: readonly Node[], newScope = true): Completion {
    const outer = this.scope;
    if (newScope) this.scope = new Scope(outer);
    try {
      for (const s of statements) {
        if (s.type === 'local_function_statement') {
          const m = readMethod(s, this.model.file, this.scope);
          if (m) this.declareMethod(m);
        }
      }
      for (const s of statements) {
        const done = this.statement(s);
        if (done) return done;
      }
      return undefined;
    } finally {
      this.scope = outer;
    }
  }

  statement(s: Node): Completion {
    switch (s.type) {
      case 'block':
        return this.block(s.namedChildren.filter((c): c is Node => c !== null));
      case 'local_declaration_statement':
        this.declaration(s);
        return undefined;
      case 'expression_statement': {
        const e = s.namedChildren.find((c) => c && c.type !== 'comment');
        if (e) this.expressionStatement(e);
        return undefined;
      }
      case 'return_statement': {
        const e = s.namedChildren.find((c) => c && c.type !== 'comment');
        return new Returned(e ? this.value(e) : { t: 'null' });
      }
      case 'break_statement':
        return 'break';
      case 'continue_statement':
        return 'continue';
      case 'if_statement':
        return this.ifStatement(s);
      case 'for_statement':
        return forLoop(this, s);
      case 'foreach_statement':
        return foreachLoop(this, s);
      case 'switch_statement':
        return switchStatement(this, s);
      case 'try_statement':
      case 'using_statement':
      case 'lock_statement':
      case 'checked_statement':
      case 'unsafe_statement': {
        // Publish runs the body; a catch runs only on failure, a finally adds nothing to the model.
        const body = s.namedChildren.find((c) => c?.type === 'block');
        return body ? this.statement(body) : undefined;
      }
      case 'preproc_if':
        return this.block(this.preprocessed([s]), false);
      case 'comment':
      case 'empty_statement':
      case 'local_function_statement':
        return undefined;
      default: {
        if (INERT_DIRECTIVES.has(s.type)) return undefined;
        const what = NOT_RUN[s.type] ?? `a ${s.type.replace(/_/g, ' ')}`;
        this.model.warn(
          'unsupported-statement',
          `Line ${lineOf(s)}: ${what} is not interpreted (how often it runs is unknown); its contents are ` +
            `not imported.`,
          s,
          undefined,
          s.type.replace(/_statement$/, ''),
        );
        return undefined;
      }
    }
  }

  private ifStatement(s: Node): Completion {
    const cond = s.childForFieldName('condition');
    const yes = s.childForFieldName('consequence');
    const no = s.childForFieldName('alternative');
    const c = cond ? this.value(cond) : UNKNOWN;
    if (c.t === 'bool') {
      const branch = c.value ? yes : no;
      return branch ? this.statement(branch) : undefined;
    }
    let done: Completion = undefined;
    this.alternatives(
      cond ?? s,
      () => {
        done = yes ? this.statement(yes) : undefined;
        return UNKNOWN;
      },
      () => {
        if (no) this.statement(no);
        return UNKNOWN;
      },
    );
    return done;
  }

  /**
   * Both sides of a condition publish mode does not decide: the first wins where they clash.
   * A ternary has one value, so the choice made is named in the warning (the user can check it);
   * an `if` keeps both branches' declarations.
   */
  protected alternatives(condition: Node, first: () => Value, second: () => Value, ternary = false): Value {
    const line = lineOf(condition);
    const text = condition.text.replace(/\s+/g, ' ').slice(0, 60);
    const where = `Line ${line}: the condition "${text}" cannot be decided for a deployment`;
    if (!ternary)
      this.model.warn(
        'undecidable-condition',
        `${where}; both branches are read, and where they declare the same resource the first is kept.`,
        condition,
        undefined,
        'if',
      );
    const before = this.model.alternative;
    const a = first();
    this.model.alternative = { line };
    let b: Value;
    try {
      b = second();
    } finally {
      this.model.alternative = before;
    }
    const chosen = a.t === 'unknown' ? b : a;
    if (ternary && !sameValue(a, b)) {
      const other = chosen === a ? b : a;
      this.model.warn(
        'undecidable-condition',
        `${where}; the ${chosen === a ? 'first' : 'second'} alternative, ${describeValue(chosen)}, is used, ` +
          `not ${describeValue(other)}.`,
        condition,
        chosen.t === 'resource' ? chosen.name : undefined,
        '?:',
      );
    }
    return chosen;
  }

  private declaration(s: Node): void {
    const decl = s.namedChildren.find((c) => c?.type === 'variable_declaration');
    for (const d of decl?.namedChildren ?? []) {
      if (d?.type !== 'variable_declarator') continue;
      const nameNode = d.childForFieldName('name') ?? d.namedChildren.find((c) => c?.type === 'identifier') ?? null;
      const init = d.namedChildren.filter((c) => c && c.type !== 'comment' && c.id !== nameNode?.id).at(-1);
      if (nameNode) this.scope.declare(nameNode.text, init ? this.value(init) : UNKNOWN);
    }
  }

  private expressionStatement(e: Node): void {
    if (e.type === 'assignment_expression' && this.assignment(e)) return;
    if (e.type === 'postfix_unary_expression' || e.type === 'prefix_unary_expression') {
      if (this.increment(e)) return;
    }
    const v = this.value(e);
    if (v.t === 'unknown' && !v.reported) {
      this.model.warn(
        'unsupported-statement',
        `Line ${lineOf(e)}: "${e.text.replace(/\s+/g, ' ').slice(0, 60)}" is not understood; ignored.`,
        e,
        undefined,
        e.type,
      );
    }
  }

  assignment(e: Node): boolean {
    return assign(this, e);
  }

  increment(e: Node): boolean {
    return increment(this, e);
  }

  protected invoke(m: UserMethod, self: Value | undefined, c: MethodCall): Value {
    if (this.depth >= MAX_CALL_DEPTH) {
      this.model.warn(
        'unsupported-call',
        `Line ${c.line}: ${m.name} calls itself more than ${MAX_CALL_DEPTH} levels deep; not followed further.`,
        c.at,
        undefined,
        m.name,
      );
      return REPORTED;
    }
    const names = m.params.map((p) => p.name);
    const bound = bindArguments(c.args, m.extension ? names.slice(1) : names);
    const scope = new Scope(m.closure ?? this.globalScope());
    if (m.extension && self) scope.declare(names[0]!, self);
    for (const p of m.params.slice(m.extension ? 1 : 0)) {
      const arg = bound.get(p.name) ?? p.fallback;
      scope.declare(p.name, arg ? this.value(arg) : UNKNOWN);
    }
    const [outerScope, outerFile] = [this.scope, this.model.file];
    this.scope = scope;
    this.depth++;
    if (m.file !== undefined) this.model.file = m.file;
    try {
      if (!m.body) return UNKNOWN;
      if (m.body.type !== 'block') return this.value(m.body);
      const done = this.statement(m.body);
      return done instanceof Returned ? done.value : { t: 'null' };
    } finally {
      this.depth--;
      this.scope = outerScope;
      this.model.file = outerFile;
    }
  }

  private globalScope(): Scope {
    let s = this.scope;
    while (s.parent) s = s.parent;
    return s;
  }
}
