/**
 * Assignments the interpreter follows: `x = v`, compound `x += v` (numbers and text), `x ??= v`,
 * and `i++`/`--i` (loop counters).
 */
import type { Node } from 'web-tree-sitter';
import type { Expressions } from './expressions';
import { arithmetic } from './folding';
import { UNKNOWN, type Value } from './values';

/** `x = v`, `x += v`, `x ??= v`; false when the target is not a plain variable. */
export function assign(it: Expressions, e: Node): boolean {
  const left = e.childForFieldName('left');
  const right = e.childForFieldName('right');
  const op = e.childForFieldName('operator')?.text ?? e.children.find((c) => c && !c.isNamed)?.text ?? '=';
  if (left?.type !== 'identifier' || !right) return false;
  if (op === '=') it.scope.assign(left.text, it.value(right));
  else if (op === '??=') {
    const cur = it.scope.get(left.text);
    if (!cur || cur.t === 'null') it.scope.assign(left.text, it.value(right));
  } else {
    const cur = it.scope.get(left.text);
    const r = it.value(right);
    const o = op.slice(0, -1);
    if (cur?.t === 'int' && r.t === 'int') {
      const v = arithmetic(o, cur.value, r.value);
      it.scope.assign(left.text, v === undefined ? UNKNOWN : { t: 'int', value: v });
    } else if (o === '+' && (cur?.t === 'string' || cur?.t === 'template')) {
      const t = it.templateOf(r);
      it.scope.assign(
        left.text,
        t === undefined
          ? UNKNOWN
          : ({ t: cur.t === 'string' && r.t !== 'template' ? 'string' : 'template', value: cur.value + t } as Value),
      );
    } else it.scope.assign(left.text, UNKNOWN);
  }
  return true;
}

/** `i++`, `--i`. */
export function increment(it: Expressions, e: Node): boolean {
  const target = e.namedChild(0);
  const op = e.children.find((c) => c && !c.isNamed)?.text;
  if (target?.type !== 'identifier' || (op !== '++' && op !== '--')) return false;
  const cur = it.scope.get(target.text);
  it.scope.assign(target.text, cur?.t === 'int' ? { t: 'int', value: cur.value + (op === '++' ? 1 : -1) } : UNKNOWN);
  return true;
}
