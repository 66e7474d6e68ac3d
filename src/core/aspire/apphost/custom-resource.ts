/**
 * `builder.AddResource(new SomeResource("name", …))`: a resource type the App Host defines itself
 * (or a library's type used directly). Its behaviour lives in C# this tool does not run, so it
 * cannot be modelled; when its name is a constant it is kept as a placeholder (references to
 * it stay visible and `check` reports them), and either way the warning names the type and line.
 */
import type { Node } from 'web-tree-sitter';
import type { MethodCall } from './syntax';
import { REPORTED, type Evaluator, type Value } from './values';

export function addResource(ev: Evaluator, c: MethodCall): Value {
  const arg = c.args[0]?.value;
  const v = arg ? ev.value(arg) : undefined;
  const type = v?.t === 'instance' ? v.type : undefined;
  const construct = `${ev.model.construct('AddResource')}(${type ?? '…'})`;
  if (v?.t === 'instance' && v.name !== undefined) {
    const r = ev.model.placeholder(
      v.name,
      `Line ${c.line}: builder.${construct} declares a custom resource type, ${v.type}, whose behaviour is C# this ` +
        `tool does not run; "${v.name}" is kept as a placeholder and not deployed.`,
      c.at,
      construct,
    );
    return { t: 'resource', name: r.name };
  }
  const what = type
    ? `a custom resource type, ${type}, whose name is not a constant`
    : `"${(arg?.text ?? '').replace(/\s+/g, ' ').slice(0, 40)}", a resource object this tool cannot see into`;
  ev.model.warn(
    'unsupported-call',
    `Line ${c.line}: builder.${construct} adds ${what}; it is not imported.`,
    c.at,
    undefined,
    construct,
  );
  return REPORTED;
}

/** `new Type("name", …)` that is not a collection: the type and its first constant argument. */
export function instanceOf(n: Node, str: (n: Node) => string | undefined): Value {
  const type = n.childForFieldName('type')?.text.replace(/^global::/, '');
  if (!type) return { t: 'unknown', reported: false };
  const first = n.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument');
  const value = first?.namedChildren.at(-1);
  const name = value ? str(value) : undefined;
  return { t: 'instance', type, ...(name !== undefined ? { name } : {}) };
}
