/**
 * A connection value read from a ConfigMap key the bundle proves absent (the ConfigMap lacks the
 * key, or an optional ConfigMap is not there): the Fix writes the key with the value the
 * generator gives that variable. Only a plain value moves into a ConfigMap: a Secret reference
 * cannot, and `$(VAR)` is not expanded there (ConfigMap values reach the process verbatim).
 */
import type { Resource } from '../../model/topology';
import { asStr, getIn } from '../bundle-index';
import type { CheckContext, ResourceMatch } from '../context';
import type { EnvEntry } from '../env';
import { generatedEnv } from '../regenerate';
import { fix } from '../snippets';
import type { ParityFix } from '../types';

export function configMapKeyFix(
  ctx: CheckContext,
  consumer: Resource,
  m: ResourceMatch,
  entry: EnvEntry,
): ParityFix | undefined {
  if (entry.source !== 'configmap' || !entry.absent || !entry.configMapName) return undefined;
  const key = asStr(getIn(m.workload.obj, [...entry.path, 'valueFrom', 'configMapKeyRef', 'key']));
  const gen = generatedEnv(ctx.topology, ctx.settings, consumer.name, entry.name);
  const value = asStr(gen[gen.length - 1]?.value);
  if (!key || !value || value.includes('$(')) return undefined;
  const cm = ctx.idx.configMaps.get(entry.configMapName);
  if (cm)
    return fix(
      `Add key ${key} to ConfigMap ${entry.configMapName}, as the generator writes ${entry.name}.`,
      { [key]: value },
      cm.obj.doc.file,
      ['data'],
      cm.obj.doc.startLine,
    );
  return fix(`Add the ConfigMap ${entry.configMapName} with ${key}, as the generator writes ${entry.name}.`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: entry.configMapName,
      ...(m.workload.namespace ? { namespace: m.workload.namespace } : {}),
    },
    data: { [key]: value },
  });
}
