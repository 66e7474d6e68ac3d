/**
 * Database-mode guards as template text: `if` conditions on `databases.<server>.mode`, and
 * lists whose items only some modes have. Adjacent items with the same guard share one
 * `{{- if }}`; a list whose items are all guarded guards its key too, so it is left out
 * (rather than rendered empty) when none applies.
 */
import { toYamlDocument } from '../../yaml/emit';
import type { Condition, Guard, Guarded } from './modes';
import { goString, valuesAt, type Tokens } from './tokens';

function conditionExpr(c: Condition): string {
  // Literal first: `eq "external" (index .Values.databases "pg").mode` reads the value last.
  return `eq ${goString(c.mode)} ${valuesAt('databases', c.server.key)}.mode`;
}

function allOf(exprs: string[]): string {
  return exprs.length === 1 ? exprs[0]! : `and ${exprs.map((e) => `(${e})`).join(' ')}`;
}

function anyOf(exprs: string[]): string {
  return exprs.length === 1 ? exprs[0]! : `or ${exprs.map((e) => `(${e})`).join(' ')}`;
}

/** A Go template condition for a guard; undefined when it always holds. */
export function guardExpr(guard: Guard | undefined): string | undefined {
  if (!guard) return undefined;
  if (guard.some((conj) => conj.length === 0)) return undefined;
  return anyOf(guard.map((conj) => allOf(conj.map(conditionExpr))));
}

/** Both conditions (either may be absent). */
export function andExpr(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? allOf([a, b]) : (a ?? b);
}

/**
 * A list value whose guarded items are wrapped in `{{- if }}` lines (line tokens), or, when
 * every item is guarded, a block token that also guards the key.
 */
export function guardedList(tokens: Tokens, items: Guarded<unknown>[]): unknown {
  const exprs = items.map((x) => guardExpr(x.guard));
  const distinct = exprs.filter((e, i) => exprs.indexOf(e) === i);
  // Every item under the same guard: the key's guard (below) says it once.
  const shared = distinct.length === 1 && distinct[0] !== undefined;
  const out: unknown[] = [];
  let open: string | undefined;
  for (const [i, { item }] of items.entries()) {
    const expr = shared ? undefined : exprs[i];
    if (expr !== open) {
      if (open) out.push(tokens.line('{{- end }}'));
      if (expr) out.push(tokens.line(`{{- if ${expr} }}`));
      open = expr;
    }
    out.push(item);
  }
  if (open) out.push(tokens.line('{{- end }}'));
  if (items.length === 0 || distinct.includes(undefined)) return out;
  // No item is unconditional: the key renders only when some item does.
  const any = anyOf(distinct as string[]);
  return tokens.block((indent, key) => {
    const body = toYamlDocument({ object: { [key]: out } }).replace(/\n$/, '');
    return [`${indent}{{- if ${any} }}`, ...body.split('\n').map((l) => `${indent}${l}`), `${indent}{{- end }}`].join(
      '\n',
    );
  });
}
