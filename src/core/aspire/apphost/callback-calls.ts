/**
 * The callback forms real App Hosts use, read statement by statement:
 * - `WithEnvironment(context => { context.EnvironmentVariables["NAME"] = value; })`
 * - `WithArgs(context => { context.Args.Add(value); })`
 * Each value is read as in the argument form (a constant, a parameter, an endpoint, an
 * expression); any other statement is reported and ignored, as before.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import { lineOf, type MethodCall } from './syntax';
import type { Evaluator } from './values';

/** The expressions a lambda's body runs: each statement's expression, or the expression body. */
function bodyExpressions(lambda: Node): Node[] {
  const body = lambda.childForFieldName('body');
  if (!body) return [];
  if (body.type !== 'block') return [body];
  return body.namedChildren
    .filter((s): s is Node => s !== null && s.type !== 'comment')
    .map((s) => (s.type === 'expression_statement' ? (s.namedChild(0) ?? s) : s));
}

/** The single argument of `x[arg]` or `f(arg)`. */
function onlyArgument(list: Node | null): Node | undefined {
  const args = list?.namedChildren.filter((a): a is Node => a !== null && a.type === 'argument') ?? [];
  return args.length === 1 ? (args[0]!.namedChild(args[0]!.namedChildCount - 1) ?? undefined) : undefined;
}

const ignored = (ev: Evaluator, r: Resource, c: MethodCall, s: Node) =>
  ev.model.warn(
    'unsupported-call',
    `Line ${lineOf(s)}: "${s.text.slice(0, 80)}" inside ${c.method} is not understood; ignored.`,
    lineOf(s),
    r.name,
    c.method,
  );

export function environmentCallback(ev: Evaluator, r: Resource, c: MethodCall, lambda: Node): void {
  for (const s of bodyExpressions(lambda)) {
    const left = s.type === 'assignment_expression' ? s.childForFieldName('left') : null;
    const right = s.childForFieldName('right');
    const target = left?.type === 'element_access_expression' ? left.childForFieldName('expression') : null;
    const keyNode = left ? onlyArgument(left.childForFieldName('subscript') ?? left.namedChild(1)) : undefined;
    if (!right || !keyNode || !target?.text.endsWith('.EnvironmentVariables')) {
      ignored(ev, r, c, s);
      continue;
    }
    const name = ev.str(keyNode);
    const value = ev.template(right);
    if (name === undefined || value === undefined) {
      ev.model.warn(
        'unresolved-argument',
        `Line ${lineOf(s)}: ${s.text.slice(0, 80)} is not a constant or a resource value; ignored.`,
        lineOf(s),
        r.name,
        c.method,
      );
      continue;
    }
    ev.model.setEnv(r, { name, value });
    ev.model.referencesFromTemplate(r.name, value);
  }
}

export function argsCallback(ev: Evaluator, r: Resource, c: MethodCall, lambda: Node): void {
  for (const s of bodyExpressions(lambda)) {
    const fn = s.type === 'invocation_expression' ? s.childForFieldName('function') : null;
    const arg = fn ? onlyArgument(s.childForFieldName('arguments')) : undefined;
    if (!arg || !fn?.text.endsWith('.Args.Add')) {
      ignored(ev, r, c, s);
      continue;
    }
    const t = ev.template(arg);
    if (t === undefined) {
      ev.model.warn(
        'unresolved-argument',
        `Line ${lineOf(s)}: the argument ${arg.text} is not a constant; ignored.`,
        lineOf(s),
        r.name,
        c.method,
      );
      continue;
    }
    r.args.push(t);
    ev.model.referencesFromTemplate(r.name, t);
  }
}
