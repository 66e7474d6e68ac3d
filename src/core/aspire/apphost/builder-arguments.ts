/** What every `builder.AddX(...)` call shares: its constant resource name, and adding what it created. */
import type { Resource } from '../../model/topology';
import { bindArguments, type MethodCall } from './syntax';
import type { Evaluator, Value } from './values';

/** The resource name argument (first), or a warning when it is not a constant string. */
export function nameArg(
  ev: Evaluator,
  c: MethodCall,
  params: string[],
): { name: string; args: ReturnType<typeof bindArguments> } | undefined {
  const args = bindArguments(c.args, params);
  const nameNode = args.get(params[0]!);
  const name = nameNode ? ev.str(nameNode) : undefined;
  if (name === undefined) {
    ev.model.warn(
      'unresolved-name',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a constant resource name; this resource is skipped.`,
      c.at,
      undefined,
      c.method,
    );
    return undefined;
  }
  return { name, args };
}

/**
 * A further argument the resource cannot exist without (an image, a directory), or a warning that
 * names it and says the resource is skipped when it is not a constant string.
 */
export function requiredArg(
  ev: Evaluator,
  c: MethodCall,
  a: { name: string; args: ReturnType<typeof bindArguments> },
  param: string,
  what: string,
): string | undefined {
  const node = a.args.get(param);
  const value = node ? ev.str(node) : undefined;
  if (value === undefined)
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: ${c.method} needs a constant ${what}; "${a.name}" is skipped.`,
      c.at,
      a.name,
      c.method,
    );
  return value;
}

export function created(ev: Evaluator, r: Resource, c: MethodCall): Value {
  return { t: 'resource', name: ev.model.add(r, c.at, c.method).name };
}
