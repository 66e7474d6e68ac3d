import { diag } from '../../model/diagnostics';
import { toK8sName } from '../../model/names';
import type { Resource } from '../../model/topology';
import type { ConfigMap, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import { kubeObject, type KubeObject } from '../objects';
import { k8sName, metadata, type GenContext } from './context';
import { resourceLabels } from './labels';

/** Read-only bind mounts become a ConfigMap the user fills; writable ones have no honest equivalent. */
export function bindMountVolumes(ctx: GenContext, r: Resource) {
  const mounts: VolumeMount[] = [];
  const volumes: Volume[] = [];
  const objects: { object: KubeObject; comment: string }[] = [];
  r.bindMounts.forEach((b, i) => {
    if (!b.readOnly) {
      ctx.diagnostics.push(
        diag(
          'warning',
          'bind-mount-writable',
          `${r.name}: the writable bind mount ${b.source} → ${b.target} has no Kubernetes equivalent and is not ` +
            `generated; use a volume or bake the files into the image.`,
          { resource: r.name, field: `bindMounts[${i}]` },
        ),
      );
      return;
    }
    const cmName =
      `${k8sName(ctx, r.name)}-${toK8sName(b.source.split(/[\\/]/).filter(Boolean).pop() ?? `files-${i}`, 30)}`
        .slice(0, 63)
        .replace(/-+$/, '');
    ctx.diagnostics.push(
      diag(
        'warning',
        'bind-mount-configmap',
        `${r.name}: the bind mount ${b.source} → ${b.target} becomes ConfigMap "${cmName}"; fill it from ` +
          `${b.source} (kubectl create configmap ${cmName} --from-file=${b.source}).`,
        { resource: r.name, field: `bindMounts[${i}]` },
      ),
    );
    const volName = `bind-${i}`;
    volumes.push({ name: volName, configMap: { name: cmName } });
    mounts.push({ name: volName, mountPath: b.target, readOnly: true });
    objects.push({
      object: kubeObject<ConfigMap>({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          ...metadata(ctx, cmName, resourceLabels(ctx, r)),
          annotations: { 'aspire-parity.io/fill-from': b.source },
        },
        data: {},
      }),
      comment: `WithBindMount("${b.source}", "${b.target}") → ConfigMap to fill with the files from ${b.source}`,
    });
  });
  return { mounts, volumes, objects };
}
