/**
 * Storage calls on a resource: data volumes and bind mounts at the integration's data path
 * (Redis and NATS also change their command line to persist), and plain volumes/bind mounts.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import { bindArguments, type MethodCall } from './syntax';
import { integrationByEngine } from '../../model/integrations/apphost-view';
import type { Evaluator } from './values';

function dataPath(ev: Evaluator, r: Resource, c: MethodCall): string | undefined {
  const path = integrationByEngine(r.engine)?.dataPath;
  if (!path || r.kind !== 'container') {
    ev.model.warn(
      'unsupported-call',
      `Line ${c.line}: ${ev.model.construct(c.method)} on "${r.name}": no known data path for this resource; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return undefined;
  }
  return path;
}

/** Redis, Valkey, Garnet and NATS change their command line when they persist data; Kafka its env (KAFKA_LOG_DIRS). */
function persistArgs(r: Resource): void {
  const i = integrationByEngine(r.engine);
  if (i?.args && JSON.stringify(r.args) === JSON.stringify(i.args(r.name, false))) r.args = i.args(r.name, true);
  if (!i) return;
  const secret = i.spec.secret ? `${r.name}${i.spec.secret.suffix}` : undefined;
  for (const e of i.spec.env({ name: r.name, ...(secret ? { secret } : {}), dataVolume: true }))
    if (!r.env.some((x) => x.name === e.name)) r.env.push(e);
}

export function withDataVolume(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const target = dataPath(ev, r, c);
  if (!target) return;
  const nameNode = args.get('name');
  const roNode = args.get('isReadOnly');
  const name = (nameNode ? ev.str(nameNode) : undefined) ?? `${r.name}-data`;
  r.volumes.push({ name, target, readOnly: roNode ? ev.bool(roNode) === true : false });
  persistArgs(r);
}

export function withDataBindMount(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const target = dataPath(ev, r, c);
  const srcNode = args.get('source');
  const source = srcNode ? ev.str(srcNode) : undefined;
  if (!target || source === undefined) return;
  const roNode = args.get('isReadOnly');
  r.bindMounts.push({ source, target, readOnly: roNode ? ev.bool(roNode) === true : false });
  persistArgs(r);
}

export function withVolume(ev: Evaluator, r: Resource, c: MethodCall): void {
  // Overloads: WithVolume(target) and WithVolume(name, target, isReadOnly = false).
  const positional = c.args.filter((a) => !a.name).length;
  // TypeScript spells it withVolume(target, { name, isReadOnly }): one positional is the target.
  const onlyTarget = positional === 1 && !c.args.some((a) => a.name === 'target');
  const args = bindArguments(c.args, onlyTarget ? ['target'] : ['name', 'target', 'isReadOnly']);
  const tNode = args.get('target');
  const target = tNode ? ev.str(tNode) : undefined;
  if (target === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithVolume needs a constant target path; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const nNode = args.get('name');
  const name = nNode ? ev.str(nNode) : undefined;
  const roNode = args.get('isReadOnly');
  r.volumes.push({
    ...(name !== undefined ? { name } : {}),
    target,
    readOnly: roNode ? ev.bool(roNode) === true : false,
  });
}

export function withBindMount(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const s = args.get('source');
  const t = args.get('target');
  const source = s ? ev.str(s) : undefined;
  const target = t ? ev.str(t) : undefined;
  if (source === undefined || target === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithBindMount needs constant paths; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const roNode = args.get('isReadOnly');
  r.bindMounts.push({ source, target, readOnly: roNode ? ev.bool(roNode) === true : false });
}
