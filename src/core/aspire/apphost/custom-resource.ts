/**
 * `builder.AddResource(new SomeResource("name", …))`: a resource type the App Host defines itself
 * (or a library's type used directly). Its behaviour lives in C# this tool does not run, so it
 * cannot be modelled; when its name is a constant it is kept as a placeholder (references to
 * it stay visible and `check` reports them), and either way the warning names the type and line.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import { newResource, PLACEHOLDER_SOURCE, type AppModel } from './state';
import type { MethodCall } from './syntax';
import { REPORTED, type Evaluator, type Value } from './values';

/** Custom containers read in this run; those the chain gave no image are placeholders at the end. */
const CUSTOM_CONTAINERS = new WeakMap<Resource, { file: string | undefined; line: number }>();

/** After the run: a custom container without an image cannot be deployed; it becomes a placeholder. */
export function finishCustomContainers(model: AppModel): void {
  const entry = model.file;
  for (const r of model.resources.values()) {
    const where = CUSTOM_CONTAINERS.get(r);
    if (!where || r.image) continue;
    r.kind = 'unknown';
    r.sourceType = PLACEHOLDER_SOURCE;
    model.file = where.file;
    model.warn(
      'placeholder',
      `Line ${where.line}: "${r.name}" is a custom container resource whose image is set in code this tool does ` +
        'not run; it is kept as a placeholder and not deployed.',
      where.line,
      r.name,
      'AddResource',
    );
  }
  model.file = entry;
}

export function addResource(ev: Evaluator, c: MethodCall): Value {
  const arg = c.args[0]?.value;
  const v = arg ? ev.value(arg) : undefined;
  const type = v?.t === 'instance' ? v.type : undefined;
  const construct = `${ev.model.construct('AddResource')}(${type ?? '…'})`;
  if (
    v?.t === 'instance' &&
    v.name !== undefined &&
    /\bContainerResource\b/.test(ev.model.classBases.get(v.type) ?? '')
  ) {
    // Declared in the files read as a ContainerResource: a container, its image set by the chain
    // (`.WithImage(…)`), as Aspire publishes it. What the type's own code adds is not run.
    const r = newResource(v.name, 'container', 'container.v0');
    const added = ev.model.add(r, c.at, construct);
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: builder.${construct} is read as a container (${v.type} derives from ContainerResource); ` +
        'what its own code adds (callbacks, event subscriptions) is not modelled.',
      c.at,
      added.name,
      construct,
    );
    CUSTOM_CONTAINERS.set(added, { file: ev.model.file, line: c.line });
    return { t: 'resource', name: added.name };
  }
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
