/**
 * The seed article's "Deployment Parity Checklist": 16 items, each proven (or refuted) by the
 * rows that carry its id. Two items are about process (review, testing) and can never be
 * decided from YAML; they stay "not-verifiable" with what to do.
 */
import type { ParityReport } from './types';

export interface ChecklistItem {
  id: string;
  text: string;
  /** Why YAML alone cannot decide it (process items). */
  manual?: string;
}

export const CHECKLIST: readonly ChecklistItem[] = [
  { id: 'workload', text: 'Every App Host project maps to a production workload' },
  { id: 'stateless-deployment', text: 'Stateless services use Deployments' },
  { id: 'stateful-storage', text: 'Stateful replicas use appropriate stable identity and storage' },
  { id: 'replicas', text: 'Replica counts reflect the required capacity and availability' },
  { id: 'service-name', text: 'Every symbolic service name maps to a Kubernetes Service' },
  { id: 'internal-clusterip', text: 'Internal services use ClusterIP where appropriate' },
  { id: 'external-entry', text: 'External HTTP traffic uses a controlled LoadBalancer or Ingress' },
  { id: 'connection-keys', text: 'Connection string keys match the names expected by .NET configuration' },
  { id: 'secrets', text: 'Sensitive values come from Kubernetes Secrets' },
  { id: 'durable-data', text: 'Durable data is outside ephemeral Pod storage' },
  { id: 'probes-distinct', text: 'Liveness and readiness have different operational meanings' },
  { id: 'probe-startup', text: 'Probe startup delays allow the application to initialize' },
  { id: 'health-exposure', text: 'Health endpoints are exposed safely' },
  { id: 'telemetry', text: 'OTLP endpoint, service name, and instance identity are configured' },
  {
    id: 'reviewed',
    text: 'Generated deployment artifacts are reviewed before release',
    manual: 'A person reviews the bundle (this table is the review aid); record the sign-off in your release process.',
  },
  {
    id: 'tested',
    text: 'Service discovery, restart, storage, scaling, and telemetry paths are tested',
    manual:
      "Run the article's tests on a cluster: discovery with several replicas, readiness/liveness failure, missing " +
      'secret, storage survives pod recreation, telemetry names, scaling.',
  },
];

export type ChecklistState = 'satisfied' | 'not' | 'not-verifiable';

export interface ChecklistResult {
  id: string;
  text: string;
  status: ChecklistState;
  /** Row ids that prove the status. */
  rows: string[];
  note?: string;
}

/** satisfied: rows exist, none fails and at least one passes; not: a row fails; else not-verifiable. */
export function checklistStatus(report: Pick<ParityReport, 'rows'>): ChecklistResult[] {
  return CHECKLIST.map((item) => {
    const rows = report.rows.filter((r) => r.checklist?.includes(item.id));
    const ids = rows.map((r) => r.id);
    if (item.manual) return { id: item.id, text: item.text, status: 'not-verifiable', rows: ids, note: item.manual };
    if (rows.some((r) => r.status === 'fail'))
      return {
        id: item.id,
        text: item.text,
        status: 'not',
        rows: rows.filter((r) => r.status === 'fail').map((r) => r.id),
      };
    if (rows.some((r) => r.status === 'pass'))
      return {
        id: item.id,
        text: item.text,
        status: 'satisfied',
        rows: ids,
        ...(rows.some((r) => r.status !== 'pass')
          ? { note: 'Some rows warn or need verification on the cluster.' }
          : {}),
      };
    return {
      id: item.id,
      text: item.text,
      status: 'not-verifiable',
      rows: ids,
      note: rows.length
        ? 'Only rows that need verification on the cluster.'
        : 'No declaration in the topology exercises it.',
    };
  });
}
