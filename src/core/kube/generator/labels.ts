/** Recommended labels (app.kubernetes.io/*). The selector uses only the stable name label. */
import { integrationForEngine } from '../../model/integrations';
import type { Resource } from '../../model/topology';
import { k8sName, type GenContext } from './context';

export function componentOf(r: Resource): string {
  if (r.kind === 'project') return 'service';
  if (r.kind === 'otlp-collector') return 'telemetry';
  // From the integration table's group: data stores are "database", brokers "messaging".
  const group = integrationForEngine(r.engine)?.group;
  if (group === 'Messaging') return 'messaging';
  if (group === 'Data' || group === 'Caching' || group === 'AI & search') return 'database';
  return 'container';
}

export function selectorLabels(ctx: GenContext, r: Resource): Record<string, string> {
  return { 'app.kubernetes.io/name': k8sName(ctx, r.name) };
}

export function resourceLabels(ctx: GenContext, r: Resource): Record<string, string> {
  return {
    ...selectorLabels(ctx, r),
    'app.kubernetes.io/part-of': ctx.appLabel,
    'app.kubernetes.io/component': componentOf(r),
    'app.kubernetes.io/managed-by': 'aspire-parity',
  };
}
