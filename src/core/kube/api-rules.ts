/**
 * The Kubernetes 1.30 OpenAPI facts our strict schema cannot carry, because it is generated
 * from `kubernetes-types`, whose TypeScript says `number` for int32/int64 fields and `string`
 * for enums: which fields must be whole numbers, and which strings are one of a fixed set
 * (fields marked `+enum` in the API types). kubectl and the apiserver reject the same values.
 *
 * Checked by field name along the object, with the parent's kind of object where one name
 * means different things (`type` of a Service spec vs. of a Secret).
 */
export interface ApiRuleIssue {
  path: string;
  message: string;
}

/** int32/int64 fields (including the number side of int-or-string fields) of the kinds we validate. */
const INTEGER_FIELDS = new Set([
  'replicas',
  'minReadySeconds',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'backoffLimit',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
  'completions',
  'parallelism',
  'activeDeadlineSeconds',
  'ttlSecondsAfterFinished',
  'containerPort',
  'hostPort',
  'port',
  'targetPort',
  'nodePort',
  'number',
  'healthCheckNodePort',
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'successThreshold',
  'failureThreshold',
  'terminationGracePeriodSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'defaultMode',
  'mode',
  'priority',
  'maxSurge',
  'maxUnavailable',
  'partition',
  'start',
  'expirationSeconds',
  'weight',
]);

/** Fields whose value may also be a string (int-or-string): only their numbers must be whole. */
const INT_OR_STRING = new Set(['targetPort', 'port', 'maxSurge', 'maxUnavailable']);

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  restartPolicy: ['Always', 'Never', 'OnFailure'],
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  protocol: ['SCTP', 'TCP', 'UDP'],
  scheme: ['HTTP', 'HTTPS'],
  terminationMessagePolicy: ['FallbackToLogsOnError', 'File'],
  dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  pathType: ['Exact', 'ImplementationSpecific', 'Prefix'],
  accessModes: ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'],
  volumeMode: ['Block', 'Filesystem'],
  sessionAffinity: ['ClientIP', 'None'],
  externalTrafficPolicy: ['Cluster', 'Local'],
  internalTrafficPolicy: ['Cluster', 'Local'],
  podManagementPolicy: ['OrderedReady', 'Parallel'],
  completionMode: ['Indexed', 'NonIndexed'],
  mountPropagation: ['Bidirectional', 'HostToContainer', 'None'],
  preemptionPolicy: ['Never', 'PreemptLowerPriority'],
  ipFamilyPolicy: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
};

/** `type` fields with a fixed set, by the field that holds them. */
const TYPE_ENUMS: Readonly<Record<string, readonly string[]>> = {
  strategy: ['Recreate', 'RollingUpdate'],
  updateStrategy: ['OnDelete', 'RollingUpdate'],
  seccompProfile: ['Localhost', 'RuntimeDefault', 'Unconfined'],
  appArmorProfile: ['Localhost', 'RuntimeDefault', 'Unconfined'],
};
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** Maps whose keys are user data (labels, env-like data, quantities): never field names. */
const FREE_MAPS = new Set([
  'labels',
  'annotations',
  'data',
  'stringData',
  'binaryData',
  'matchLabels',
  'selector',
  'nodeSelector',
  'requests',
  'limits',
  'capacity',
]);

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

const MAX_DEPTH = 40;

function oneOf(values: readonly string[]): string {
  return `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Issues for one object of a validated kind (`kind` decides what a Service spec's `type` means). */
export function apiRuleIssues(kind: string, obj: Record<string, unknown>): ApiRuleIssue[] {
  const issues: ApiRuleIssue[] = [];
  const checkEnum = (path: string, value: unknown, allowed: readonly string[] | undefined) => {
    if (allowed && typeof value === 'string' && !allowed.includes(value))
      issues.push({ path, message: oneOf(allowed) });
  };
  const walk = (node: unknown, path: string, parentKey: string, depth: number): void => {
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (parentKey === 'accessModes') checkEnum(`${path}/${i}`, item, ENUMS.accessModes);
        walk(item, `${path}/${i}`, parentKey, depth + 1);
      });
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}/${escapeSegment(key)}`;
      if (
        INTEGER_FIELDS.has(key) &&
        (typeof value === 'number' || !INT_OR_STRING.has(key)) &&
        value !== null &&
        typeof value !== 'object'
      ) {
        if (typeof value !== 'number' || !Number.isInteger(value))
          issues.push({ path: at, message: 'must be integer' });
      }
      if (key === 'type') {
        if (parentKey === 'spec' && path === '/spec' && kind === 'Service') checkEnum(at, value, SERVICE_TYPES);
        else checkEnum(at, value, Object.hasOwn(TYPE_ENUMS, parentKey) ? TYPE_ENUMS[parentKey] : undefined);
      } else if (key !== 'accessModes' && Object.hasOwn(ENUMS, key)) {
        // A container's own restartPolicy (sidecars) allows only "Always".
        checkEnum(at, value, key === 'restartPolicy' && CONTAINER_LISTS.has(parentKey) ? ['Always'] : ENUMS[key]);
      }
      if (!FREE_MAPS.has(key)) walk(value, at, key, depth + 1);
    }
  };
  walk(obj, '', '', 0);
  return issues;
}
