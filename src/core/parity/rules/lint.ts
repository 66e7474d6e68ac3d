/**
 * The 20 lint checks of k8s-validation.md §8, written here from their documented meaning and
 * reported under the upstream ids (kube-linter / kube-score / Polaris) so people who know
 * those tools recognise them. One row per check per object; opinions (resources, security
 * context) warn, broken wiring fails, contested policy is unknown ("verify your policy").
 * Plus the YAML 1.1 trap: env values that kubectl reads as booleans or numbers.
 */
import { generatedContainer, generatedEnv } from '../regenerate';
import { unpinnedImage } from '../../kube/image-tag';
import {
  asArr,
  asRec,
  asStr,
  containerPorts,
  evidenceAt,
  getIn,
  resolvePortRef,
  servicePorts,
  servicesSelecting,
  strMap,
  workloadsSelectedBy,
  type BundleIndex,
  type Container,
  type KObj,
  type Workload,
} from '../bundle-index';
import { row, type CheckContext } from '../context';
import { containerEnv, expand } from '../env';
import { fix } from '../snippets';
import { worstOf } from '../status-rank';
import type { Evidence, ParityFix, ParityRow, ParityStatus } from '../types';
import { literalSecrets } from './parameters';
import { probeShape, sameProbe } from './probes';

interface LintCheck {
  id: string;
  /** Other tools' ids for the same concern, shown in the requirement. */
  aka: string;
  requirement: string;
  checklist?: string[];
}

const CHECKS = {
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

const IANA = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function lintRow(
  c: LintCheck,
  resource: string,
  status: ParityStatus,
  detail: string | undefined,
  evidence: Evidence[],
  extra: Partial<ParityRow> & { detailKey?: string } = {},
): ParityRow {
  return row({
    rule: c.id,
    resource,
    declaration: c.id,
    requirement: c.aka ? `${c.requirement} (${c.aka})` : c.requirement,
    status,
    ...(detail ? { detail } : {}),
    evidence,
    ...(c.checklist ? { checklist: c.checklist } : {}),
    ...extra,
  });
}

/** Each non-string env value as the string the generator writes for it (else its text), quoted. */
function quoteFix(ctx: CheckContext, resource: string, w: Workload, c: Container | undefined): ParityFix | undefined {
  if (!c) return undefined;
  const env = asArr(c.spec.env).flatMap((e) => {
    const r = asRec(e);
    if (!r || r.value === undefined || r.value === null || typeof r.value === 'string') return [];
    const name = asStr(r.name) ?? '';
    const gen = ctx.resources.has(resource)
      ? asStr(generatedEnv(ctx.topology, ctx.settings, resource, name).at(-1)?.value)
      : undefined;
    return [{ name, value: gen ?? String(r.value) }];
  });
  return env.length
    ? fix(`Quote ${env.map((e) => e.name).join(', ')}.`, env, w.doc.file, [...c.path, 'env'], w.doc.startLine)
    : undefined;
}

/** The image the generator writes for the resource (its tag), on the bundle's own repository. */
function pinFix(ctx: CheckContext, resource: string, w: Workload, c: Container, image: string): ParityFix {
  const gen =
    ctx.resources.has(resource) && !c.init
      ? asStr(generatedContainer(ctx.topology, ctx.settings, resource)?.image)
      : undefined;
  const tag = gen && !unpinnedImage(gen) ? gen.slice(gen.lastIndexOf(':') + 1) : undefined;
  if (!tag) return fix('Pin the image to a version tag or digest.');
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const repo = colon > slash ? image.slice(0, colon) : image;
  return fix(
    `Pin the image to :${tag}, the tag the generator writes.`,
    `${repo}:${tag}`,
    w.doc.file,
    [...c.path, 'image'],
    w.doc.startLine,
  );
}

/** The design (App Host) itself names this unpinned image for the resource the workload runs. */
function designImageUnpinned(ctx: CheckContext, resource: string, image: string): boolean {
  const r = ctx.resources.get(resource);
  if (!r?.image || !unpinnedImage(r.image)) return false;
  const repo = (s: string) =>
    s
      .replace(/^docker\.io\/(library\/)?/, '')
      .replace(/:latest$/i, '')
      .toLowerCase();
  return repo(r.image) === repo(image);
}

function isLongRunning(w: Workload): boolean {
  return !['Job', 'CronJob'].includes(w.kind);
}

function secCtx(w: Workload, c: Container, key: string): unknown {
  return getIn(c.spec, ['securityContext', key]) ?? getIn(w.podSpec, ['securityContext', key]);
}

/** Aggregate a per-container predicate into one row per workload. */
function perContainer(
  w: Workload,
  label: string,
  check: LintCheck,
  test: (c: Container) => { status: ParityStatus; detail?: string; path?: (string | number)[] } | undefined,
  extra?: Partial<ParityRow>,
): ParityRow | undefined {
  const results = w.containers.map((c) => ({ c, r: test(c) })).filter((x) => x.r);
  if (results.length === 0) return undefined;
  const worst = worstOf(results.map((x) => x.r!.status))!;
  const bad = results.filter((x) => x.r!.status === worst && worst !== 'pass');
  return lintRow(
    check,
    label,
    worst,
    bad.length ? bad.map((x) => `${x.c.name}: ${x.r!.detail ?? worst}`).join('; ') : undefined,
    (bad.length ? bad : results.slice(0, 1)).map((x) => evidenceAt(w, x.r!.path ?? x.c.path)),
    worst === 'pass' ? {} : extra,
  );
}

/** The lint rows of one workload (every check that reads only the workload and its env). */
function workloadLintRows(ctx: CheckContext, w: Workload, l: string, targeted: boolean): ParityRow[] {
  const idx = ctx.idx;
  const rows: ParityRow[] = [];
  const push = (r: ParityRow | undefined) => {
    if (r) rows.push(r);
  };
  push(
    perContainer(w, l, CHECKS.readiness, (c) =>
      !isLongRunning(w)
        ? undefined
        : c.spec.readinessProbe
          ? { status: 'pass' }
          : {
              status: targeted ? 'fail' : 'warn',
              detail: targeted ? 'a Service routes to it before it is ready' : 'no readinessProbe',
            },
    ),
  );
  push(
    perContainer(w, l, CHECKS.liveness, (c) =>
      !isLongRunning(w)
        ? undefined
        : c.spec.livenessProbe
          ? { status: 'pass' }
          : { status: 'warn', detail: 'no livenessProbe' },
    ),
  );
  push(
    perContainer(w, l, CHECKS.identical, (c) => {
      const a = probeShape(c, 'livenessProbe');
      const b = probeShape(c, 'readinessProbe');
      if (!a || !b) return undefined;
      return sameProbe(a, b, c)
        ? { status: 'fail', detail: 'liveness is a copy of readiness', path: [...c.path, 'livenessProbe'] }
        : { status: 'pass' };
    }),
  );
  push(
    perContainer(w, l, CHECKS.probePort, (c) => {
      const probes = (['livenessProbe', 'readinessProbe', 'startupProbe'] as const)
        .map((k) => [k, probeShape(c, k)] as const)
        .filter(([, s]) => s && s.port !== undefined);
      if (probes.length === 0) return undefined;
      const declared = containerPorts(c);
      const bad = probes.filter(([, s]) => {
        const p = resolvePortRef(s!.port, c);
        return p === undefined || (declared.length > 0 && !declared.some((d) => d.containerPort === p));
      });
      return bad.length
        ? {
            status: 'fail',
            detail: bad.map(([k, s]) => `${k} port ${String(s!.port)}`).join(', ') + ' is not a container port',
            path: [...c.path, bad[0]![0]],
          }
        : { status: 'pass' };
    }),
  );
  push(
    perContainer(w, l, CHECKS.cpuRequest, (c) =>
      getIn(c.spec, ['resources', 'requests', 'cpu']) !== undefined
        ? { status: 'pass' }
        : { status: 'warn', detail: 'no CPU request: the scheduler cannot place it well', path: c.path },
    ),
  );
  push(
    perContainer(w, l, CHECKS.memory, (c) => {
      const miss = [
        getIn(c.spec, ['resources', 'requests', 'memory']) === undefined && 'request',
        getIn(c.spec, ['resources', 'limits', 'memory']) === undefined && 'limit',
      ].filter(Boolean);
      return miss.length ? { status: 'warn', detail: `no memory ${miss.join(' or ')}` } : { status: 'pass' };
    }),
  );
  push(
    perContainer(w, l, CHECKS.cpuLimit, (c) =>
      getIn(c.spec, ['resources', 'limits', 'cpu']) !== undefined
        ? { status: 'pass' }
        : { status: 'unknown', detail: 'no CPU limit; verify your cluster policy (throttling vs. noisy neighbours)' },
    ),
  );
  for (const c of [...w.containers, ...w.initContainers]) {
    const image = asStr(c.spec.image) ?? '';
    const bad = unpinnedImage(image);
    // The App Host's own choice is kept by convert with a warning; check judges it the same way.
    const chosen = bad && !c.init && designImageUnpinned(ctx, l, image);
    const status = !bad ? 'pass' : chosen ? 'warn' : 'fail';
    push(
      lintRow(
        CHECKS.latest,
        l,
        status,
        bad
          ? `${c.name}: ${image || '(no image)'} is ${bad === 'latest' ? ':latest' : 'untagged'}; a redeploy may run different code.${chosen ? ' The App Host sets this image, so convert warns the same (pin it with WithImageTag).' : ''}`
          : undefined,
        [evidenceAt(w, [...c.path, 'image'])],
        { detailKey: c.name, ...(bad ? { fix: pinFix(ctx, l, w, c, image) } : {}) },
      ),
    );
  }
  push(
    perContainer(
      w,
      l,
      CHECKS.nonRoot,
      (c) =>
        secCtx(w, c, 'runAsNonRoot') === true ||
        (typeof secCtx(w, c, 'runAsUser') === 'number' && (secCtx(w, c, 'runAsUser') as number) > 0)
          ? { status: 'pass' }
          : { status: 'warn', detail: 'may run as root (set runAsNonRoot: true)' },
      { fix: fix('Run as non-root.', { runAsNonRoot: true }) },
    ),
  );
  push(
    perContainer(w, l, CHECKS.roRootFs, (c) =>
      getIn(c.spec, ['securityContext', 'readOnlyRootFilesystem']) === true
        ? { status: 'pass' }
        : { status: 'warn', detail: 'writable root filesystem' },
    ),
  );
  push(
    perContainer(w, l, CHECKS.privEsc, (c) =>
      getIn(c.spec, ['securityContext', 'allowPrivilegeEscalation']) === false
        ? { status: 'pass' }
        : { status: 'warn', detail: 'allowPrivilegeEscalation is not false' },
    ),
  );
  push(
    perContainer(w, l, CHECKS.privileged, (c) => {
      if (getIn(c.spec, ['securityContext', 'privileged']) === true)
        return { status: 'fail', detail: 'privileged: true', path: [...c.path, 'securityContext', 'privileged'] };
      const drop = asArr(getIn(c.spec, ['securityContext', 'capabilities', 'drop'])).map((x) =>
        String(x).toUpperCase(),
      );
      return drop.includes('ALL') || drop.includes('NET_RAW')
        ? { status: 'pass' }
        : { status: 'warn', detail: 'capabilities not dropped (NET_RAW)' };
    }),
  );
  push(
    perContainer(w, l, CHECKS.envSecret, (c) => {
      const env = containerEnv(idx, w, c);
      const found = literalSecrets(
        env.entries.filter((e) => e.source === 'literal'),
        (e) => expand(env, e),
      );
      return found.length
        ? { status: 'fail', detail: `literal value in ${found.map((e) => e.name).join(', ')}`, path: found[0]!.path }
        : { status: 'pass' };
    }),
  );
  push(
    perContainer(w, l, CHECKS.secretEnv, (c) => {
      const refs =
        asArr(c.spec.env).filter((e) => getIn(e, ['valueFrom', 'secretKeyRef'])).length +
        asArr(c.spec.envFrom).filter((e) => getIn(e, ['secretRef'])).length;
      return refs
        ? {
            status: 'unknown',
            detail: `${refs} Secret value(s) read from env (what .NET configuration reads); verify your policy allows it`,
          }
        : { status: 'pass' };
    }),
  );
  // 16: selector ⊆ template labels.
  if (!['Pod', 'CronJob', 'Job'].includes(w.kind)) {
    const sel = w.selector ?? {};
    const keys = Object.keys(sel);
    const ok = keys.length > 0 && keys.every((k) => w.templateLabels[k] === sel[k]);
    push(
      lintRow(
        CHECKS.selector,
        l,
        ok ? 'pass' : 'fail',
        ok
          ? undefined
          : keys.length
            ? `selector ${JSON.stringify(sel)} does not match template labels ${JSON.stringify(w.templateLabels)}`
            : 'no selector.matchLabels',
        [evidenceAt(w, ['spec', 'selector'])],
      ),
    );
  }
  // 17: port names (containers).
  {
    const problems: string[] = [];
    for (const c of w.containers) {
      const seen = new Set<string>();
      for (const p of containerPorts(c)) {
        if (p.containerPort <= 0 || p.containerPort > 65535)
          problems.push(`${c.name}: containerPort ${p.containerPort}`);
        if (p.name === undefined) continue;
        if (p.name.length > 15 || !IANA.test(p.name) || p.name.includes('--'))
          problems.push(`${c.name}: port name "${p.name}"`);
        if (seen.has(p.name)) problems.push(`${c.name}: duplicate port name "${p.name}"`);
        seen.add(p.name);
      }
    }
    if (w.containers.some((c) => containerPorts(c).length))
      push(
        lintRow(CHECKS.portNames, l, problems.length ? 'fail' : 'pass', problems.join('; ') || undefined, [
          evidenceAt(w, w.podPath),
        ]),
      );
  }
  // 19: StatefulSet serviceName.
  if (w.kind === 'StatefulSet') {
    const sn = asStr(getIn(w.obj, ['spec', 'serviceName']));
    const svc = sn ? idx.services.find((s) => s.name === sn && (s.namespace ?? '') === (w.namespace ?? '')) : undefined;
    const headless = svc && asStr(getIn(svc.obj, ['spec', 'clusterIP'])) === 'None';
    // The fix names the headless Service that selects these pods, when the bundle has one.
    const own = headless
      ? undefined
      : servicesSelecting(idx, w).find((s) => asStr(getIn(s.obj, ['spec', 'clusterIP'])) === 'None');
    push(
      lintRow(
        CHECKS.stsService,
        l,
        headless ? 'pass' : 'fail',
        headless
          ? undefined
          : !sn
            ? 'no spec.serviceName'
            : !svc
              ? `Service ${sn} is not in the bundle`
              : `Service ${sn} is not headless (clusterIP: None)`,
        [evidenceAt(w, ['spec', sn ? 'serviceName' : 'selector'])],
        own
          ? {
              fix: fix(
                `Name the headless Service ${own.name}.`,
                own.name,
                w.doc.file,
                ['spec', 'serviceName'],
                w.doc.startLine,
              ),
            }
          : {},
      ),
    );
  }
  // 20 + YAML 1.1 types.
  push(
    perContainer(w, l, CHECKS.dupEnv, (c) => {
      const names = asArr(c.spec.env).map((e) => asStr(asRec(e)?.name));
      const dup = names.filter((n, i) => n !== undefined && names.indexOf(n) !== i);
      return dup.length
        ? { status: 'fail', detail: `${[...new Set(dup)].join(', ')} defined twice (the last wins)` }
        : { status: 'pass' };
    }),
  );
  push(
    perContainer(
      w,
      l,
      CHECKS.yaml11,
      (c) => {
        const bad = asArr(c.spec.env).flatMap((e, i) => {
          const v = asRec(e)?.value;
          return v !== undefined && v !== null && typeof v !== 'string'
            ? [{ i, name: asStr(asRec(e)?.name) ?? '?', v }]
            : [];
        });
        return bad.length
          ? {
              status: 'fail',
              detail: `${bad.map((b) => `${b.name}=${String(b.v)}`).join(', ')} is not a string (quote it)`,
              path: [...c.path, 'env', bad[0]!.i, 'value'],
            }
          : { status: 'pass' };
      },
      { fix: quoteFix(ctx, l, w, w.containers[0]) },
    ),
  );
  return rows;
}

export function lintRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const idx = ctx.idx;
  const labelOf = new Map<KObj, string>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (m) labelOf.set(m.workload, r.name);
  }
  const label = (o: KObj) => labelOf.get(o) ?? `${o.kind}/${o.name}`;
  // Per workload, the rows depend on its document, its label, whether a Service routes to it,
  // the bundle's ConfigMaps and Secrets (env expansion) and, for a StatefulSet, the Services.
  const config = ctx.configVersion;
  const services = ctx.version('services', idx.services);
  for (const w of idx.workloads) {
    const l = label(w);
    const targeted = servicesSelecting(idx, w).length > 0;
    const key = [w.podPath.join('/'), l, targeted, config, w.kind === 'StatefulSet' ? services : 0].join('\u0000');
    rows.push(...ctx.rememberDoc('lint', w, key, () => workloadLintRows(ctx, w, l, targeted)));
  }
  // 15: Services select pods; 17: Service targetPort names.
  // The first resource whose Kubernetes name a Service carries (a map, not a scan per Service).
  const resourceNamed = new Map<string, string>();
  for (const r of ctx.topology.resources)
    if (!resourceNamed.has(ctx.k8sName(r.name))) resourceNamed.set(ctx.k8sName(r.name), r.name);
  for (const s of idx.services) {
    const targets = workloadsSelectedBy(idx, s);
    // Label by the resource the Service is named for, so the row id survives a broken selector.
    const l = resourceNamed.get(s.name) ?? (targets[0] ? label(targets[0]) : `Service/${s.name}`);
    // A Service's rows read its document, its label and the documents of the pods it selects.
    rows.push(
      ...ctx.rememberDoc('lint-service', s, `${l}\u0000${targets.map((w) => ctx.docKey(w)).join(',')}`, () =>
        serviceLintRows(s, l, targets),
      ),
    );
  }
  // 18: Ingress backends (the Services' names are all they read).
  for (const ing of idx.ingresses)
    rows.push(...ctx.rememberDoc('lint-ingress', ing, String(services), () => [ingressLintRow(idx, ing)]));
  return rows;
}

/** 15: the Service selects pods; 17: its targetPort names name container ports. */
function serviceLintRows(s: KObj, l: string, targets: Workload[]): ParityRow[] {
  const rows: ParityRow[] = [];
  const push = (r: ParityRow | undefined) => {
    if (r) rows.push(r);
  };
  const sel = strMap(getIn(s.obj, ['spec', 'selector']));
  if (Object.keys(sel).length === 0) return rows; // ExternalName / manual Endpoints
  push(
    lintRow(
      CHECKS.danglingService,
      l,
      targets.length ? 'pass' : 'fail',
      targets.length ? undefined : `Service ${s.name} selects ${JSON.stringify(sel)}: no pods match`,
      [evidenceAt(s, ['spec', 'selector'])],
      { detailKey: s.name },
    ),
  );
  const bad = servicePorts(s).filter(
    (p) =>
      typeof p.targetPort === 'string' &&
      !/^\d+$/.test(p.targetPort) &&
      (p.targetPort.length > 15 ||
        !IANA.test(p.targetPort) ||
        (targets.length > 0 &&
          !targets.some((w) => w.containers.some((c) => containerPorts(c).some((cp) => cp.name === p.targetPort))))),
  );
  push(
    lintRow(
      CHECKS.portNames,
      l,
      bad.length ? 'fail' : 'pass',
      bad.length
        ? `Service ${s.name} targetPort ${bad.map((p) => `"${String(p.targetPort)}"`).join(', ')} names no container port`
        : undefined,
      [evidenceAt(s, ['spec', 'ports'])],
      { detailKey: s.name },
    ),
  );
  return rows;
}

function ingressLintRow(idx: BundleIndex, ing: KObj): ParityRow {
  const missing = ingressBackends(ing).filter(
    (b) => !idx.services.some((s) => s.name === b && (s.namespace ?? '') === (ing.namespace ?? '')),
  );
  return lintRow(
    CHECKS.ingress,
    `${ing.kind}/${ing.name}`,
    missing.length ? 'fail' : 'pass',
    missing.length ? `backend Service ${missing.join(', ')} is not in the bundle` : undefined,
    [evidenceAt(ing, ['spec'])],
  );
}

function ingressBackends(ing: KObj): string[] {
  const out: string[] = [];
  if (ing.kind === 'HTTPRoute') {
    for (const rule of asArr(getIn(ing.obj, ['spec', 'rules'])))
      for (const b of asArr(asRec(rule)?.backendRefs))
        if ((asStr(asRec(b)?.kind) ?? 'Service') === 'Service' && asStr(asRec(b)?.name))
          out.push(asStr(asRec(b)?.name)!);
    return [...new Set(out)];
  }
  const backend = (b: unknown) => {
    const n = asStr(getIn(b, ['service', 'name'])) ?? asStr(asRec(b)?.serviceName);
    if (n) out.push(n);
  };
  backend(getIn(ing.obj, ['spec', 'defaultBackend']));
  backend(getIn(ing.obj, ['spec', 'backend']));
  for (const rule of asArr(getIn(ing.obj, ['spec', 'rules'])))
    for (const p of asArr(getIn(rule, ['http', 'paths']))) backend(asRec(p)?.backend);
  return [...new Set(out)];
}
