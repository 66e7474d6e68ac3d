/** `AddParameter` and `AddConnectionString`: the builder calls that declare values given at deploy time. */
import type { ParameterSpec } from '../../model/topology';
import type { MethodCall } from './syntax';
import { GENERATED_PASSWORD_LENGTH } from '../../model/integrations/apphost-view';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';
import { created, nameArg } from './builder-arguments';

export function addParameter(ev: Evaluator, c: MethodCall): Value {
  // Overloads: (name, secret = false) and (name, value, publishValueAsDefault = false, secret = false).
  const second = c.args.filter((x) => x.name === undefined)[1];
  const valueOverload =
    c.args.some((x) => x.name === 'value') || (second !== undefined && ev.bool(second.value) === undefined);
  const params = valueOverload ? ['name', 'value', 'publishValueAsDefault', 'secret'] : ['name', 'secret'];
  const a = nameArg(ev, c, params);
  if (!a) return REPORTED;
  const secretNode = a.args.get('secret');
  const spec: ParameterSpec = { secret: secretNode ? ev.bool(secretNode) === true : false };
  const valueNode = a.args.get('value');
  const publishNode = a.args.get('publishValueAsDefault');
  if (valueNode) {
    const generated = generateDefault(ev, valueNode);
    const v = generated === undefined ? ev.str(valueNode) : undefined;
    if (generated !== undefined) spec.default = { kind: 'generate', minLength: generated };
    // Only a published constant default reaches the manifest; the same rule here.
    else if (v !== undefined && publishNode && ev.bool(publishNode) === true)
      spec.default = { kind: 'value', value: v };
  }
  const r = newResource(a.name, 'parameter', 'parameter.v0');
  r.parameter = spec;
  return created(ev, r, c);
}

/** `new GenerateParameterDefault { MinLength = n }` → n (22 when not set). */
function generateDefault(ev: Evaluator, node: Parameters<Evaluator['str']>[0]): number | undefined {
  if (node.type !== 'object_creation_expression') return undefined;
  if (node.childForFieldName('type')?.text !== 'GenerateParameterDefault') return undefined;
  const init = node.namedChildren.find((n) => n?.type === 'initializer_expression');
  for (const a of init?.namedChildren ?? []) {
    if (a?.type !== 'assignment_expression') continue;
    if (a.childForFieldName('left')?.text === 'MinLength') {
      const right = a.childForFieldName('right');
      const v = right ? ev.int(right) : undefined;
      if (v !== undefined) return v;
    }
  }
  return GENERATED_PASSWORD_LENGTH;
}

/**
 * `AddParameterFromConfiguration(name, configurationKey, secret)`: a parameter whose value is read
 * from another configuration key; deployed like any parameter (its value is given at deploy time).
 */
export function addParameterFromConfiguration(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'configurationKey', 'secret']);
  if (!a) return REPORTED;
  const secretNode = a.args.get('secret');
  const r = newResource(a.name, 'parameter', 'parameter.v0');
  r.parameter = { secret: secretNode ? ev.bool(secretNode) === true : false };
  return created(ev, r, c);
}

export function addConnectionString(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'environmentVariableName']);
  if (!a) return REPORTED;
  const r = newResource(a.name, 'connection-string', 'parameter.v0');
  // The manifest writes AddConnectionString as a secret parameter whose value is the string.
  r.connectionString = `{${a.name}.value}`;
  r.parameter = { secret: true };
  // AddConnectionString(name, ReferenceExpression) builds the string in the App Host: its parts
  // are not read, so the design keeps it as a secret value supplied at deploy time. Said, not silent.
  const second = a.args.get('environmentVariableName');
  if (second && ev.str(second) === undefined)
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: AddConnectionString("${a.name}", …) composes the connection string in the App Host; its ` +
        `parts are not read, so "${a.name}" is kept as a secret value you supply at deploy time.`,
      c.at,
      a.name,
      c.method,
    );
  return created(ev, r, c);
}
