/** `WithEnvironment` and `WithArgs`: the calls that set a resource's environment and command-line arguments. */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import type { MethodCall } from './syntax';
import type { Evaluator } from './values';
import { argsCallback, environmentCallback } from './callback-calls';
import { isExternalService } from './external-service';

export function withEnvironment(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const nameNode = args.get('name');
  const valueNode = args.get('value');
  if (!nameNode || !valueNode) {
    const lambda = c.args[0]?.value;
    if (c.args.length === 1 && lambda?.type === 'lambda_expression') environmentCallback(ev, r, c, lambda);
    else
      ev.model.warn(
        'unsupported-call',
        `Line ${c.line}: WithEnvironment with a callback is not understood; ignored.`,
        c.at,
        r.name,
        c.method,
      );
    return;
  }
  const name = ev.str(nameNode);
  // WithEnvironment(name, externalService) writes the service's URL (Aspire's overload for it).
  const target = ev.value(valueNode);
  const external = target.t === 'resource' ? ev.model.resources.get(target.name) : undefined;
  const value = external && isExternalService(external) ? (external.raw as { url: string }).url : ev.templateOf(target);
  if (name === undefined || value === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithEnvironment(${nameNode.text}, ${valueNode.text}) is not a constant or a resource ` +
        `value; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  ev.model.setEnv(r, { name, value });
  ev.model.referencesFromTemplate(r.name, value);
}

export function withArgs(ev: Evaluator, r: Resource, c: MethodCall): void {
  for (const a of c.args) {
    // TypeScript passes one array: withArgs(["--port", "80"]).
    const list = ev.value(a.value);
    if (list.t === 'array') {
      for (const item of list.items) {
        const t = ev.templateOf(item);
        if (t === undefined)
          ev.model.warn(
            'unresolved-argument',
            `Line ${c.line}: an argument in ${a.value.text.slice(0, 40)} is not a constant; ignored.`,
            c.at,
            r.name,
            c.method,
          );
        else {
          r.args.push(t);
          ev.model.referencesFromTemplate(r.name, t);
        }
      }
      continue;
    }
    if (a.value.type === 'lambda_expression') {
      argsCallback(ev, r, c, a.value);
      continue;
    }
    const t = ev.template(a.value);
    if (t === undefined) {
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: the argument ${a.value.text} is not a constant; ignored.`,
        c.at,
        r.name,
        c.method,
      );
      continue;
    }
    r.args.push(t);
    ev.model.referencesFromTemplate(r.name, t);
  }
}
