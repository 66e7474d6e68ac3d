/**
 * A wait through the Kubernetes API (`kubectl wait --for=condition=complete job/x`, `kubectl
 * rollout status deployment/x`) ends only if the init container may read x: its pod needs an API
 * token and a ServiceAccount bound to a Role that grants get and watch on x. The Fix is what the
 * generator writes (./kube/generator/waiter-rbac.ts), in two steps so it never names an object the
 * bundle lacks: first the ServiceAccount, Role and RoleBinding, then the pod's waits, account and
 * token volume. Names the generator gives the target (a Job's revision) become the bundle's.
 */
import { asArr, asRec, asStr, getIn, type Container, type KObj, type Rec, type Workload } from '../bundle-index';
import type { CheckContext } from '../context';
import { generatedInitContainers, generatedObjects } from '../regenerate';
import { fix, objectsFix } from '../snippets';
import type { ParityFix } from '../types';

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const API = { job: ['batch', 'jobs'], deployment: ['apps', 'deployments'], statefulset: ['apps', 'statefulsets'] };

/** What `kubectl wait job/x` or `rollout status deployment/x` reads, from the command. */
function readsOf(c: Container): { kind: keyof typeof API; name: string }[] {
  return asArr(c.spec.command)
    .concat(asArr(c.spec.args))
    .flatMap((w) => {
      const m = /^(job|deployment|statefulset)s?(?:\.[a-z.]+)?\/([a-z0-9][a-z0-9.-]*)$/.exec(asStr(w) ?? '');
      return m ? [{ kind: m[1] as keyof typeof API, name: m[2]! }] : [];
    });
}

function grants(role: KObj | undefined, kind: keyof typeof API, name: string): boolean {
  const [group, resource] = API[kind];
  const has = (list: unknown, v: string) => asArr(list).some((x) => x === v || x === '*');
  return asArr(role?.obj.rules).some((r) => {
    const rule = asRec(r);
    const names = asArr(rule?.resourceNames);
    return (
      !!rule &&
      has(rule.apiGroups, group!) &&
      has(rule.resources, resource!) &&
      has(rule.verbs, 'get') &&
      has(rule.verbs, 'watch') &&
      (names.length === 0 || names.includes(name))
    );
  });
}

/** Why the init container cannot read what it waits for through the API, or undefined when it can. */
export function apiAccessProblem(ctx: CheckContext, w: Workload, c: Container): string | undefined {
  const reads = readsOf(c);
  if (reads.length === 0) return undefined;
  const ns = w.namespace ?? '';
  const account = asStr(w.podSpec.serviceAccountName) ?? asStr(w.podSpec.serviceAccount) ?? 'default';
  const sa = ctx.idx.objects.find(
    (o) => o.kind === 'ServiceAccount' && o.name === account && (o.namespace ?? '') === ns,
  );
  const mounted = asArr(c.spec.volumeMounts).some((m) => asStr(asRec(m)?.mountPath) === TOKEN_PATH);
  const automount = w.podSpec.automountServiceAccountToken ?? getIn(sa?.obj, ['automountServiceAccountToken']);
  if (automount === false && !mounted)
    return `${c.name} runs kubectl with no API token (automountServiceAccountToken: false and no token volume)`;
  const bindings = ctx.idx.objects.filter(
    (o) =>
      (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') &&
      asArr(o.obj.subjects).some((s) => {
        const r = asRec(s);
        return r?.kind === 'ServiceAccount' && r.name === account && (asStr(r.namespace) ?? o.namespace ?? '') === ns;
      }),
  );
  for (const read of reads) {
    const ok = bindings.some((b) => {
      const ref = asRec(b.obj.roleRef);
      const role = ctx.idx.objects.find(
        (o) =>
          o.kind === asStr(ref?.kind) &&
          o.name === asStr(ref?.name) &&
          (o.kind === 'ClusterRole' || (o.namespace ?? '') === ns),
      );
      return grants(role, read.kind, read.name);
    });
    if (!ok)
      return (
        `ServiceAccount ${account} may not get and watch ${read.kind}/${read.name} ` +
        `(no RoleBinding in the bundle grants it), so ${c.name} waits forever`
      );
  }
  return undefined;
}

/** Every string naming the generator's target workload, renamed to the bundle's. */
function renamed<T>(value: T, from: string, to: string): T {
  if (from === to) return value;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'string' && (v === from || v.endsWith(`/${from}`))
        ? `${v.slice(0, v.length - from.length)}${to}`
        : v,
    ),
  ) as T;
}

/**
 * The generator's wait for `target` on the consumer's pod: first the RBAC objects the bundle
 * lacks, then the pod fragment (the generator's init containers, ServiceAccount and volumes).
 */
export function completionWaitFix(
  ctx: CheckContext,
  consumer: string,
  target: string,
  w: Workload,
): ParityFix | undefined {
  const gen = generatedObjects(ctx.topology, ctx.settings, consumer);
  const genTarget = generatedObjects(ctx.topology, ctx.settings, target).find((o) =>
    ['Job', 'Deployment', 'StatefulSet'].includes(o.kind),
  );
  const tm = ctx.match(target);
  const rename = <T>(v: T): T => (genTarget && tm ? renamed(v, genTarget.metadata.name, tm.workload.name) : v);
  const genPod = asRec(
    getIn(
      gen.find((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind)),
      ['spec', 'template', 'spec'],
    ),
  );
  const account = asStr(genPod?.serviceAccountName);
  if (!genPod || !account) return undefined;
  const ns = w.namespace;
  const rbac = gen
    .filter((o) => ['ServiceAccount', 'Role', 'RoleBinding'].includes(o.kind))
    .filter((o) => !ctx.idx.objects.some((b) => b.kind === o.kind && b.name === o.metadata.name && b.namespace === ns))
    // In the workload's namespace (none: the one applied to); JSON drops an undefined namespace.
    .map((o) => JSON.parse(JSON.stringify(rename({ ...o, metadata: { ...o.metadata, namespace: ns } }))) as Rec);
  if (rbac.length)
    return objectsFix(
      `Add the ServiceAccount, Role and RoleBinding the generator writes for ${consumer}'s API waits ` +
        `(read only ${target}); then the pod waits with them.`,
      rbac,
    );
  const volumes = new Map<string, unknown>();
  for (const v of [...asArr(w.podSpec.volumes), ...asArr(genPod.volumes)]) volumes.set(asStr(asRec(v)?.name) ?? '', v);
  const waits = rename(generatedInitContainers(ctx.topology, ctx.settings, consumer));
  return fix(
    `Wait for ${target} as the generator writes it: kubectl waits as ServiceAccount ${account}, ` +
      `with its token mounted ` +
      `in the wait only.`,
    { serviceAccountName: account, initContainers: waits, volumes: [...volumes.values()] },
    w.doc.file,
    w.podPath,
    w.doc.startLine,
  );
}
