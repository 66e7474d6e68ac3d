/**
 * C#'s switch expression (`var env = target switch { "k8s" => …, _ => … }`). A constant subject
 * matched by constant patterns picks its arm, as the program would. Otherwise the arm cannot be
 * known before the App Host runs: every arm is read (what they declare is kept, the first wins
 * a name clash), and the value used is named in a warning, as for an undecidable ternary.
 * Before, the whole expression evaluated to nothing, and the declarations in its arms were lost
 * without a diagnostic.
 */
import type { Node } from 'web-tree-sitter';
import { UNKNOWN, type Value } from './values';

type Alternatives = (condition: Node, first: () => Value, second: () => Value, ternary: boolean) => Value;

const isConstant = (v: Value): v is Extract<Value, { t: 'string' | 'int' | 'bool' }> =>
  v.t === 'string' || v.t === 'int' || v.t === 'bool';

export function switchExpression(n: Node, value: (n: Node) => Value, alternatives: Alternatives): Value {
  const subject = n.namedChild(0);
  const arms = n.namedChildren.filter((c): c is Node => c?.type === 'switch_expression_arm');
  const result = (arm: Node) => {
    const e = arm.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').at(-1);
    return e ? value(e) : UNKNOWN;
  };
  if (!subject || !arms.length) return UNKNOWN;
  const v = value(subject);
  if (isConstant(v)) {
    for (const arm of arms) {
      const [pattern, second] = arm.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      if (!pattern || second?.type === 'when_clause') break; // a guard: not decided here
      if (pattern.type === 'discard') return result(arm);
      if (pattern.type !== 'constant_pattern') break;
      const p = pattern.namedChild(0) ? value(pattern.namedChild(0)!) : UNKNOWN;
      if (!isConstant(p)) break;
      if (p.value === v.value) return result(arm);
    }
  }
  const [first, ...rest] = arms;
  return alternatives(
    subject,
    () => result(first!),
    () => rest.map(result).find((x) => x.t !== 'unknown') ?? UNKNOWN,
    true,
  );
}
