/**
 * Loops and switches, run as publish would run them: `for` with constant bounds and `foreach`
 * over constant collections are unrolled (each iteration in its own scope), up to a limit that
 * keeps a hostile or accidental `for (;;)` from hanging the import; a `switch` on a constant
 * runs its matching section. Anything else is reported with its line and column.
 */
import type { Node } from 'web-tree-sitter';
import { Returned, type Completion, type StatementRunner } from './statement-runner';
import { Scope } from './scope';
import { lineOf } from './syntax';
import type { Value } from './values';

/** More iterations than any App Host declares resources in; past it, the loop stops and says so. */
export const MAX_ITERATIONS = 256;

function limitReached(it: StatementRunner, s: Node, what: string): void {
  it.model.warn(
    'loop-limit',
    `Line ${lineOf(s)}: this ${what} runs more than ${MAX_ITERATIONS} times; only the first ${MAX_ITERATIONS} ` +
      `iterations are imported.`,
    s,
    undefined,
    what.split(' ')[0],
  );
}

function notConstant(it: StatementRunner, s: Node, what: string, why: string): void {
  it.model.warn(
    'unsupported-statement',
    `Line ${lineOf(s)}: this ${what} ${why}; its contents are not imported.`,
    s,
    undefined,
    what.split(' ')[0],
  );
}

/** Run one iteration's body; true when the loop must stop (break or return). */
function iteration(it: StatementRunner, body: Node, setup: (scope: Scope) => void): { stop: boolean; done?: Returned } {
  const outer = it.scope;
  it.scope = new Scope(outer);
  try {
    setup(it.scope);
    const done: Completion = it.statement(body);
    if (done instanceof Returned) return { stop: true, done };
    return { stop: done === 'break' };
  } finally {
    it.scope = outer;
  }
}

export function forLoop(it: StatementRunner, s: Node): Completion {
  const body = s.childForFieldName('body') ?? s.namedChildren.at(-1);
  const cond = s.childForFieldName('condition');
  if (!body) return undefined;
  const outer = it.scope;
  it.scope = new Scope(outer);
  try {
    // Initialisers: `int i = 0` (a declaration) or `i = 0` (assignments).
    for (const c of s.namedChildren) {
      if (!c || c === body || c === cond) continue;
      if (c.type === 'variable_declaration') {
        for (const d of c.namedChildren) {
          if (d?.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name') ?? d.namedChild(0);
          const init = d.namedChildren.at(-1);
          if (name)
            it.scope.declare(
              name.text,
              init && init.id !== name.id ? it.value(init) : { t: 'unknown', reported: false },
            );
        }
        break;
      }
    }
    const updates = s.namedChildren.filter(
      (c): c is Node =>
        c !== null &&
        c !== body &&
        c !== cond &&
        c.type !== 'variable_declaration' &&
        c.startIndex > (cond?.endIndex ?? 0),
    );
    for (let n = 0; ; n++) {
      const c: Value = cond ? it.value(cond) : { t: 'unknown', reported: false };
      if (c.t !== 'bool') {
        notConstant(
          it,
          s,
          'for loop',
          n === 0
            ? `has a condition (${cond?.text ?? 'none'}) that is not a constant`
            : 'stops on a condition that is not a constant',
        );
        return undefined;
      }
      if (!c.value) return undefined;
      if (n >= MAX_ITERATIONS) {
        limitReached(it, s, 'for loop');
        return undefined;
      }
      const r = iteration(it, body, () => undefined);
      if (r.done) return r.done;
      if (r.stop) return undefined;
      for (const u of updates) {
        if (u.type === 'assignment_expression') it.assignment(u);
        else if (!it.increment(u)) it.value(u);
      }
    }
  } finally {
    it.scope = outer;
  }
}

/** Bind the loop variable: `var x`, or a deconstruction `var (a, b)` over tuples. */
function bindLoopVariable(scope: Scope, pattern: Node, item: Value): void {
  if (pattern.type === 'identifier') {
    scope.declare(pattern.text, item);
    return;
  }
  const names = pattern.namedChildren.filter(
    (c): c is Node => c !== null && (c.type === 'identifier' || c.type === 'declaration_expression'),
  );
  names.forEach((n, i) => {
    const id = n.type === 'identifier' ? n : (n.namedChildren.filter((c) => c?.type === 'identifier').at(-1) ?? n);
    scope.declare(
      id.text,
      item.t === 'array' ? (item.items[i] ?? { t: 'unknown', reported: false }) : { t: 'unknown', reported: false },
    );
  });
}

export function foreachLoop(it: StatementRunner, s: Node): Completion {
  const body = s.childForFieldName('body') ?? s.namedChildren.at(-1);
  const left =
    s.childForFieldName('left') ?? s.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'tuple_pattern');
  const right = s.childForFieldName('right');
  if (!body || !left || !right) return undefined;
  const collection = it.value(right);
  if (collection.t !== 'array') {
    notConstant(
      it,
      s,
      'foreach loop',
      `goes over ${right.text.replace(/\s+/g, ' ').slice(0, 40)}, which is not a constant collection`,
    );
    return undefined;
  }
  for (const [n, item] of collection.items.entries()) {
    if (n >= MAX_ITERATIONS) {
      limitReached(it, s, 'foreach loop');
      return undefined;
    }
    const r = iteration(it, body, (scope) => bindLoopVariable(scope, left, item));
    if (r.done) return r.done;
    if (r.stop) return undefined;
  }
  return undefined;
}

export function switchStatement(it: StatementRunner, s: Node): Completion {
  const subject = s.childForFieldName('value') ?? s.namedChildren.find((c) => c?.type !== 'switch_body');
  const body = s.namedChildren.find((c) => c?.type === 'switch_body');
  const v = subject ? it.value(subject) : undefined;
  if (!body || !v || (v.t !== 'string' && v.t !== 'int' && v.t !== 'bool')) {
    notConstant(it, s, 'switch', 'switches on a value that is not a constant');
    return undefined;
  }
  const sections = body.namedChildren.filter((c): c is Node => c?.type === 'switch_section');
  const matches = (section: Node) =>
    section.namedChildren.some((label) => {
      if (!label) return false;
      if (label.type === 'default_switch_label' || label.text.startsWith('default')) return true;
      if (label.type !== 'case_switch_label' && label.type !== 'constant_pattern' && !label.text.startsWith('case'))
        return false;
      const e = label.namedChildren.find((c) => c !== null && c.type !== 'comment');
      const cv = e ? it.value(e.type === 'constant_pattern' ? (e.namedChild(0) ?? e) : e) : undefined;
      return cv !== undefined && (cv.t === 'string' || cv.t === 'int' || cv.t === 'bool') && cv.value === v.value;
    });
  const explicit = sections.find(
    (sec) => matches(sec) && !sec.namedChildren.some((l) => l?.text.startsWith('default')),
  );
  const chosen = explicit ?? sections.find((sec) => sec.namedChildren.some((l) => l?.text.startsWith('default')));
  if (!chosen) return undefined;
  const statements = chosen.namedChildren.filter(
    (c): c is Node =>
      c !== null && !/label|pattern/.test(c.type) && !c.text.startsWith('case') && !c.text.startsWith('default'),
  );
  const done = it.block(statements);
  return done === 'break' ? undefined : done;
}
