/** `WithReference` and `WaitFor*`: the calls that point one resource at another. */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import type { MethodCall } from './syntax';
import type { Handler } from './handler';
import { endpointEnv, referenceEnv } from './reference-env';
import type { Evaluator, Value } from './values';
import { externalServiceEnv, isExternalService } from './external-service';
import { referenceOrleans } from './orleans-calls';

/** Resolve a resource-builder argument, reporting anything that is not one. */
function target(ev: Evaluator, r: Resource, c: MethodCall, node: Node | undefined): Value | undefined {
  if (!node) {
    ev.model.warn(
      'missing-argument',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a resource.`,
      c.at,
      r.name,
      c.method,
    );
    return undefined;
  }
  const v = ev.value(node);
  if (v.t === 'resource' || v.t === 'endpoint' || v.t === 'orleans') return v;
  if (v.t === 'unknown' && node.type === 'identifier') {
    // A variable whose declaration was not understood: keep the relationship on a placeholder.
    const p = ev.model.placeholder(
      node.text,
      `Line ${c.line}: ${ev.model.construct(c.method)}(${node.text}) refers to "${node.text}", whose declaration ` +
        `was not understood; a placeholder keeps the relationship visible.`,
      c.at,
      c.method,
    );
    return { t: 'resource', name: p.name };
  }
  if (v.t !== 'unknown' || !v.reported) {
    ev.model.warn(
      'unresolved-reference',
      `Line ${c.line}: ${ev.model.construct(c.method)}(${node.text}) does not name a resource declared in this ` +
        `file; ignored.`,
      c.at,
      r.name,
      c.method,
    );
  }
  return undefined;
}

export function withReference(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const t = target(ev, r, c, args.get('source'));
  if (!t) return;
  const aliasNode = args.get('connectionName');
  referTo(ev, r, c, t, aliasNode ? ev.str(aliasNode) : undefined);
}

/** `r.WithReference(t)` for an evaluated target (YARP's clusters reference their destinations so). */
export function referTo(ev: Evaluator, r: Resource, c: MethodCall, t: Value, alias?: string): void {
  if (t.t === 'orleans') return referenceOrleans(ev, r, c, t);
  if (t.t === 'endpoint') {
    for (const e of endpointEnv(t.resource, t.endpoint, ev.model.resources.get(t.resource))) ev.model.setEnv(r, e);
    ev.model.reference(r.name, t.resource, 'service-discovery');
    return;
  }
  if (t.t !== 'resource') return;
  const res = ev.model.resources.get(t.name);
  if (!res) return;
  if (isExternalService(res)) {
    for (const e of externalServiceEnv(res)) ev.model.setEnv(r, e);
    ev.model.referencesFromTemplate(r.name, (res.raw as { url: string }).url);
    return;
  }
  if (res.kind === 'parameter') {
    ev.model.warn(
      'unsupported-reference',
      `Line ${c.line}: WithReference(${t.name}) on a parameter is not an Aspire overload; use WithEnvironment.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const { env, kind } = referenceEnv(res, alias, (n) => ev.model.resources.get(n));
  for (const e of env) ev.model.setEnv(r, e);
  ev.model.reference(r.name, t.name, kind);
  // Connection properties name the server and its password too, as the manifest's references do.
  for (const e of env) ev.model.referencesFromTemplate(r.name, e.value);
}

export function waitFor(mode: 'running' | 'completion'): Handler {
  return (ev, r, c, args) => {
    const t = target(ev, r, c, args.get('dependency'));
    if (!t) return;
    const to = t.t === 'resource' ? t.name : t.t === 'endpoint' ? t.resource : undefined;
    if (to) ev.model.reference(r.name, to, 'wait-only', mode);
    else
      ev.model.warn(
        'unsupported-reference',
        `Line ${c.line}: ${ev.model.construct(c.method)} needs a resource; ` +
          'an Orleans service is not one (wait for its providers instead).',
        c.at,
        r.name,
        c.method,
      );
  };
}
