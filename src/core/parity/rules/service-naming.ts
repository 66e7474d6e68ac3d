/** Service naming: a bundle whose Service names differ from the App Host's (Aspire's publisher adds `-service`). */
import type { Resource } from '../../model/topology';
import { evidenceAt, getIn, type KObj } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { expand } from '../env';
import { parseServiceUrl } from '../matcher';
import { generatedService } from '../regenerate';
import { fix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';
import { discoveryKeys } from './discovery';

/** Consumers that discover the target through service-discovery references. */
export function discoverers(ctx: CheckContext, target: Resource): Resource[] {
  return ctx.topology.references
    .filter((r) => r.kind === 'service-discovery' && r.to === target.name)
    .flatMap((r) => ctx.resources.get(r.from) ?? []);
}

/** The consumers, when every one of them reaches the Service by its (foreign) name through its discovery keys. */
function resolvedThroughConfig(ctx: CheckContext, target: Resource, serviceName: string): string[] | undefined {
  const consumers = discoverers(ctx, target);
  if (consumers.length === 0) return undefined;
  for (const c of consumers) {
    const m = ctx.match(c.name);
    if (!m) return undefined;
    const entries = discoveryKeys(c, target).flatMap((k) => m.env.get(k) ?? []);
    const hosts = entries.map((e) => parseServiceUrl(expand(m.env, e).text)?.host);
    if (hosts.length === 0 || hosts.some((h) => h !== serviceName)) return undefined;
  }
  return consumers.map((c) => c.name);
}

export function namesRow(ctx: CheckContext, target: Resource): ParityRow | undefined {
  const tm = ctx.match(target.name);
  if (!tm) return undefined;
  const k8s = ctx.k8sName(target.name);
  const svc: KObj | undefined = tm.services[0];
  const otel = tm.env.get('OTEL_SERVICE_NAME');
  const otelValue = otel ? expand(tm.env, otel).text : undefined;
  const problems: string[] = [];
  let status: ParityRow['status'] = 'pass';
  if (!svc || svc.name !== k8s) {
    const via = svc ? resolvedThroughConfig(ctx, target, svc.name) : undefined;
    // Aspire's own publisher names Services `<name>-service` and writes services__ URLs to match:
    // discovery works, but anything that uses the symbolic name directly does not.
    status = via ? 'warn' : 'fail';
    const throughConfig = via
      ? `; every reference (${via.join(', ')}) resolves it through services__ configuration, ` +
        `so discovery works, but a client using the symbolic name "${k8s}" would not`
      : '';
    problems.push(
      svc ? `the Service is named "${svc.name}", not "${k8s}"${throughConfig}` : 'no Service selects its pods',
    );
  }
  if (otelValue !== undefined && otelValue !== target.name && otelValue !== k8s) {
    if (status === 'pass') status = 'warn';
    problems.push(`OTEL_SERVICE_NAME is "${otelValue}"`);
  }
  return row({
    rule: 'names',
    resource: target.name,
    declaration: `WithReference(${target.name}) · symbolic name`,
    requirement: `Symbolic name "${target.name}", Service name and OTEL_SERVICE_NAME agree`,
    status,
    detail: problems.length
      ? `${problems.join('; ')}.`
      : `Service ${svc!.name}${otelValue !== undefined ? `, OTEL_SERVICE_NAME ${otelValue}` : ''}.`,
    evidence: [...(svc ? [evidenceAt(svc, ['metadata', 'name'])] : []), ...(otel ? [otel.evidence] : [])],
    checklist: ['service-name'],
    ...(getIn(svc?.obj, ['metadata', 'name']) !== k8s ? { fix: symbolicServiceFix(ctx, target.name, k8s, svc) } : {}),
  });
}

/**
 * The Service the generator writes under the symbolic name, selecting what the foreign-named
 * one selects: clients using the name resolve, and the references that already resolve the
 * foreign name keep working (renaming it would need every one of them rewritten).
 */
export function symbolicServiceFix(ctx: CheckContext, resource: string, k8s: string, svc: KObj | undefined): ParityFix {
  const words = `Name the Service "${k8s}" (the name clients resolve).`;
  const gen = generatedService(ctx.topology, ctx.settings, resource);
  const taken = ctx.idx.services.some((s) => s.name === k8s && (s.namespace ?? '') === (svc?.namespace ?? ''));
  if (!svc || !gen || taken) return fix(words);
  const selector = getIn(svc.obj, ['spec', 'selector']);
  const spec = { ...(gen.spec as Record<string, unknown>), ...(selector ? { selector } : {}) };
  const metadata = { ...gen.metadata, ...(svc.namespace ? { namespace: svc.namespace } : {}) };
  return fix(
    `Add the Service the generator writes, "${k8s}" (the name clients resolve), ` +
      `selecting the pods ${svc.name} selects.`,
    { ...gen, metadata, spec },
  );
}
