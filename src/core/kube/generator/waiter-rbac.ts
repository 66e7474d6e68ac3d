/**
 * A wait that asks the Kubernetes API (`kubectl wait --for=condition=complete job/x`,
 * `kubectl rollout status deployment/x`) needs an identity allowed to read exactly those
 * workloads: a ServiceAccount, a Role granting get/list/watch on them by name, and a RoleBinding.
 * Only the wait's init container gets the API token (a projected volume); the application
 * container keeps `automountServiceAccountToken: false`, so it gains no API access.
 */
import type { PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Container, ServiceAccount, Volume } from 'kubernetes-types/core/v1';
import type { Typed } from '../objects';
import { metadata, type GenContext } from './context';

/** Pinned: the wait must behave the same on every redeploy (never :latest). */
export const KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.32.3';
/** Long enough for a migration; on timeout the init container fails and the kubelet retries it. */
export const WAIT_TIMEOUT = '600s';

export interface WatchedWorkload {
  kind: 'job' | 'deployment' | 'statefulset';
  name: string;
}

const TOKEN_VOLUME = 'wait-api-token';
const HOME_VOLUME = 'wait-kubectl-home';
const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The pod volumes the API waits mount: the token, CA and namespace kubectl's in-cluster config reads, and a writable
 * HOME for its cache.
 */
export function waiterVolumes(): Volume[] {
  return [
    {
      name: TOKEN_VOLUME,
      projected: {
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          {
            downwardAPI: {
              items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
            },
          },
        ],
      },
    },
    { name: HOME_VOLUME, emptyDir: { sizeLimit: '16Mi' } },
  ];
}

/**
 * The init container that waits through the API. A missing Job (not created yet) fails it; the kubelet restarts it with
 * backoff.
 */
export function apiWaitContainer(name: string, w: WatchedWorkload): Container {
  const command =
    w.kind === 'job'
      ? ['kubectl', 'wait', '--for=condition=complete', `job/${w.name}`, `--timeout=${WAIT_TIMEOUT}`]
      : ['kubectl', 'rollout', 'status', `${w.kind}/${w.name}`, `--timeout=${WAIT_TIMEOUT}`];
  return {
    name,
    image: KUBECTL_IMAGE,
    command,
    env: [{ name: 'HOME', value: '/home/waiter' }],
    volumeMounts: [
      { name: TOKEN_VOLUME, mountPath: TOKEN_PATH, readOnly: true },
      { name: HOME_VOLUME, mountPath: '/home/waiter' },
    ],
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
    securityContext: waitContainerSecurity(),
  };
}

/**
 * Every wait init container (port polls and kubectl waits) runs as nobody, read-only, with no
 * capabilities. A fresh object each time: a shared one would become a YAML alias in the output.
 */
export function waitContainerSecurity(): NonNullable<Container['securityContext']> {
  return {
    allowPrivilegeEscalation: false,
    runAsNonRoot: true,
    runAsUser: 65534,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
}

export function waiterAccountName(podOwner: string): string {
  return `${podOwner.slice(0, 56).replace(/-+$/, '')}-waiter`;
}

function rules(watched: WatchedWorkload[]): PolicyRule[] {
  const of = (kind: WatchedWorkload['kind']) => [...new Set(watched.filter((w) => w.kind === kind).map((w) => w.name))];
  const verbs = ['get', 'list', 'watch'];
  const out: PolicyRule[] = [];
  if (of('job').length) out.push({ apiGroups: ['batch'], resources: ['jobs'], resourceNames: of('job'), verbs });
  if (of('deployment').length)
    out.push({ apiGroups: ['apps'], resources: ['deployments'], resourceNames: of('deployment'), verbs });
  if (of('statefulset').length)
    out.push({ apiGroups: ['apps'], resources: ['statefulsets'], resourceNames: of('statefulset'), verbs });
  return out;
}

/** ServiceAccount, Role and RoleBinding for one dependant's API waits. */
export function waiterObjects(
  ctx: GenContext,
  podOwner: string,
  labels: Record<string, string>,
  watched: WatchedWorkload[],
): [Typed<ServiceAccount>, Typed<Role>, Typed<RoleBinding>] {
  const name = waiterAccountName(podOwner);
  const account: Typed<ServiceAccount> = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: metadata(ctx, name, labels),
    automountServiceAccountToken: false,
  };
  const role: Typed<Role> = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: metadata(ctx, name, labels),
    rules: rules(watched),
  };
  const binding: Typed<RoleBinding> = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: metadata(ctx, name, labels),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    // No namespace: a RoleBinding's ServiceAccount subject defaults to the binding's own, which
    // stays right when Helm or Kustomize moves the bundle to another namespace.
    subjects: [{ kind: 'ServiceAccount', name }],
  };
  return [account, role, binding];
}
