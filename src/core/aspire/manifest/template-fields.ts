/**
 * Every string of a resource that can hold `{resource.path}` expressions, with its field path:
 * env values, args, connection string, build args, an annotated string's value and the
 * params of cloud resources. (A parameter's own `value` is always "{self.inputs.value}".)
 */
import type { Resource } from '../../model/topology';
import { isJsonObject, own } from '../../json/json-parse';
import type { FieldPath } from '../../json/scope';

export interface TemplateField {
  path: FieldPath;
  text: string;
}

/** Strings nested anywhere in a JSON value (iterative: input depth is already bounded, but stay safe). */
function nestedStrings(root: unknown, base: FieldPath, out: TemplateField[]): void {
  const stack: [unknown, FieldPath][] = [[root, base]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else if (isJsonObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([own(v, keys[i]!), [...path, keys[i]!]]);
    }
  }
}

export function templateFields(r: Resource): TemplateField[] {
  const out: TemplateField[] = [];
  for (const e of r.env) out.push({ path: ['env', e.name], text: e.value });
  r.args.forEach((a, i) => out.push({ path: ['args', i], text: a }));
  if (r.connectionString !== undefined) out.push({ path: ['connectionString'], text: r.connectionString });
  if (r.build?.args)
    for (const k of Object.keys(r.build.args))
      out.push({
        path: r.sourceType === 'dockerfile.v0' ? ['buildArgs', k] : ['build', 'args', k],
        text: r.build.args[k]!,
      });
  if (r.raw !== undefined && isJsonObject(r.raw)) {
    if (r.sourceType === 'annotated.string') {
      const v = own(r.raw, 'value');
      if (typeof v === 'string') out.push({ path: ['value'], text: v });
    }
    if (r.kind === 'cloud') nestedStrings(own(r.raw, 'params'), ['params'], out);
  }
  return out;
}
