/** The lint checks' ids and requirements, and the two helpers that turn a check's result into a row. */
import { evidenceAt, type Container, type Workload } from '../bundle-index';
import type { Rec } from '../value-access';
import { worstStatus } from '../status-rank';
import type { Evidence, ParityRow, ParityStatus } from '../types';

export interface LintCheck {
  id: string;
  /** Other tools' ids for the same concern, shown in the requirement. */
  aka: string;
  requirement: string;
  checklist?: string[];
}

export const CHECKS = {
  readiness: {
    id: 'kube-linter:no-readiness-probe',
    aka: 'kube-score pod-probes, Polaris readinessProbeMissing',
    requirement: 'Every container has a readiness probe',
    checklist: ['probes-distinct'],
  },
  liveness: {
    id: 'kube-linter:no-liveness-probe',
    aka: 'kube-score pod-probes, Polaris livenessProbeMissing',
    requirement: 'Every long-running container has a liveness probe',
    checklist: ['probes-distinct'],
  },
  identical: {
    id: 'kube-score:pod-probes-identical',
    aka: '',
    requirement: 'Liveness and readiness probes are not identical',
    checklist: ['probes-distinct'],
  },
  probePort: {
    id: 'kube-linter:liveness-port',
    aka: 'readiness-port, startup-port',
    requirement: 'Probes target a port the container exposes',
  },
  cpuRequest: {
    id: 'kube-linter:unset-cpu-requirements',
    aka: 'kube-score container-resources, Polaris cpuRequestsMissing',
    requirement: 'Containers request CPU',
  },
  memory: {
    id: 'kube-linter:unset-memory-requirements',
    aka: 'kube-score container-resources, Polaris memoryRequestsMissing/memoryLimitsMissing',
    requirement: 'Containers request memory and set a memory limit',
  },
  cpuLimit: {
    id: 'polaris:cpuLimitsMissing',
    aka: 'kube-score container-resources (contested)',
    requirement: 'Containers set a CPU limit (contested: many teams prefer none)',
  },
  latest: {
    id: 'kube-linter:latest-tag',
    aka: 'kube-score container-image-tag, Polaris tagNotSpecified',
    requirement: 'Images are pinned to a tag or digest, not :latest or untagged',
  },
  nonRoot: {
    id: 'kube-linter:run-as-non-root',
    aka: 'Polaris runAsRootAllowed, kube-score container-security-context-user-group-id',
    requirement: 'Containers run as non-root',
  },
  roRootFs: {
    id: 'kube-linter:no-read-only-root-fs',
    aka: 'Polaris notReadOnlyRootFilesystem',
    requirement: 'Root filesystem is read-only',
  },
  privEsc: {
    id: 'kube-linter:privilege-escalation-container',
    aka: 'Polaris privilegeEscalationAllowed',
    requirement: 'allowPrivilegeEscalation is false',
  },
  privileged: {
    id: 'kube-linter:privileged-container',
    aka: 'drop-net-raw-capability, Polaris runAsPrivileged/insecureCapabilities',
    requirement: 'Containers are not privileged and drop NET_RAW (or ALL)',
  },
  envSecret: {
    id: 'kube-linter:env-var-secret',
    aka: 'Polaris sensitiveContainerEnvVar',
    requirement: 'No secret values written literally in env',
    checklist: ['secrets'],
  },
  secretEnv: {
    id: 'kube-linter:read-secret-from-env-var',
    aka: 'CIS 5.4.1 (optional check)',
    requirement: 'Secrets are mounted as files rather than env (CIS 5.4.1; optional)',
  },
  danglingService: {
    id: 'kube-linter:dangling-service',
    aka: 'kube-score service-targets-pod',
    requirement: 'The Service selector matches some pod labels',
    checklist: ['service-name'],
  },
  selector: {
    id: 'kube-linter:mismatching-selector',
    aka: 'kube-score deployment-pod-selector-labels-match-template-metadata-labels',
    requirement: 'The workload selector matches its pod template labels',
  },
  portNames: {
    id: 'kube-linter:invalid-target-ports',
    aka: 'kube-score container-ports-check',
    requirement: 'Port names are valid IANA service names (≤ 15, lower case, unique) and ports are non-zero',
  },
  ingress: {
    id: 'kube-score:ingress-targets-service',
    aka: 'kube-linter dangling-ingress',
    requirement: 'Every Ingress backend is a Service in the bundle',
    checklist: ['external-entry'],
  },
  stsService: {
    id: 'kube-score:statefulset-has-servicename',
    aka: '',
    requirement: 'The StatefulSet names an existing headless Service',
    checklist: ['stateful-storage'],
  },
  dupEnv: {
    id: 'kube-linter:duplicate-env-var',
    aka: 'kube-score environment-variable-key-duplication',
    requirement: 'No environment variable is defined twice',
  },
  yaml11: {
    id: 'yaml-1.1:env-value-type',
    aka: 'kubectl decode',
    requirement: 'Env values are strings once read as YAML 1.1 (yes/on/1.0 become booleans/numbers)',
  },
} satisfies Record<string, LintCheck>;

export const IANA = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** "requirement (aka)", made once per check: every workload's row repeats it. */
const requirementText = new Map<LintCheck, string>();

/**
 * One lint row, built as one object with row()'s id and field order: a cold check builds about
 * 2,400 of them for 300 documents, and the spreads this replaced were most of its garbage.
 */
export function lintRow(
  c: LintCheck,
  resource: string,
  status: ParityStatus,
  detail: string | undefined,
  evidence: Evidence[],
  extra?: Partial<ParityRow> & { detailKey?: string },
): ParityRow {
  let requirement = requirementText.get(c);
  if (requirement === undefined)
    requirementText.set(c, (requirement = c.aka ? `${c.requirement} (${c.aka})` : c.requirement));
  const out: ParityRow = {
    id: `${c.id}:${resource}:${extra?.detailKey ?? ''}`,
    rule: c.id,
    resource,
    declaration: c.id,
    requirement,
    status,
  };
  if (detail) out.detail = detail;
  out.evidence = evidence;
  if (c.checklist) out.checklist = c.checklist;
  if (extra) for (const [k, v] of Object.entries(extra)) if (k !== 'detailKey') (out as unknown as Rec)[k] = v;
  return out;
}

type ContainerResult = { status: ParityStatus; detail?: string; path?: (string | number)[] } | undefined;

/** Aggregate a per-container predicate into one row per workload. */
export function perContainer(
  w: Workload,
  label: string,
  check: LintCheck,
  test: (c: Container) => ContainerResult,
  /** Built only for a failing row (a fix regenerates from the design). */
  extra?: Partial<ParityRow> | (() => Partial<ParityRow>),
): ParityRow | undefined {
  // One pass, no intermediate arrays: this runs ~17 times per workload on every cold check.
  const cs = w.containers;
  const results: ContainerResult[] = new Array<ContainerResult>(cs.length);
  let worst: ParityStatus | undefined;
  let first = -1;
  for (let i = 0; i < cs.length; i++) {
    const r = test(cs[i]!);
    results[i] = r;
    if (!r) continue;
    if (first < 0) first = i;
    worst = worstStatus(worst, r.status);
  }
  if (worst === undefined) return undefined;
  if (worst === 'pass') {
    const c = cs[first]!;
    return lintRow(check, label, 'pass', undefined, [evidenceAt(w, results[first]!.path ?? c.path)]);
  }
  const details: string[] = [];
  const evidence: Evidence[] = [];
  for (let i = 0; i < cs.length; i++) {
    const r = results[i];
    if (r?.status !== worst) continue;
    details.push(`${cs[i]!.name}: ${r.detail ?? worst}`);
    evidence.push(evidenceAt(w, r.path ?? cs[i]!.path));
  }
  return lintRow(check, label, worst, details.join('; '), evidence, typeof extra === 'function' ? extra() : extra);
}

/** The result of a container that passes a check (shared: no object per container and check). */
export const PASS: ContainerResult = Object.freeze({ status: 'pass' });
