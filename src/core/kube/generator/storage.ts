/**
 * Data volumes → durable storage. A stateful container gets volumeClaimTemplates (one claim
 * per replica, kept across rescheduling); a project that declares a volume gets a
 * PersistentVolumeClaim. Never emptyDir for a declared data volume. Volume names from
 * Aspire (`app.apphost-1a2b-pg-data`) contain dots, so they are sanitised.
 */
import { diag } from '../../model/diagnostics';
import { toK8sName } from '../../model/names';
import type { Resource } from '../../model/topology';
import { k8sName, metadata, type GenContext } from './context';
import { resourceLabels } from './labels';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Typed } from '../objects';

export interface VolumePlan {
  name: string;
  mountPath: string;
  readOnly: boolean;
}

/** Stable, short claim names: the Aspire volume name minus the app/hash prefix where present. */
export function volumePlans(r: Resource): VolumePlan[] {
  const used = new Set<string>();
  return r.volumes.map((v, i) => {
    const friendly = v.name ? v.name.replace(/^.*\.apphost-[0-9a-f]+-/i, '') : `data-${i}`;
    let name = toK8sName(friendly, 40);
    let n = 2;
    while (used.has(name)) name = `${toK8sName(friendly, 36)}-${n++}`;
    used.add(name);
    return { name, mountPath: v.target, readOnly: v.readOnly };
  });
}

export function claimTemplates(ctx: GenContext, r: Resource, plans: VolumePlan[]): PersistentVolumeClaim[] {
  const size = r.settings.storageSize ?? ctx.settings.storageSize;
  return plans.map((p) => ({
    metadata: { name: p.name, labels: resourceLabels(ctx, r) },
    spec: {
      accessModes: ['ReadWriteOnce'],
      ...(ctx.settings.storageClass ? { storageClassName: ctx.settings.storageClass } : {}),
      resources: { requests: { storage: size } },
    },
  }));
}

/** Standalone PVCs for a Deployment (projects with a volume). */
export function standaloneClaims(
  ctx: GenContext,
  r: Resource,
  plans: VolumePlan[],
): { claimName: string; plan: VolumePlan; object: Typed<PersistentVolumeClaim> }[] {
  if ((r.settings.replicas ?? 1) > 1 && plans.length > 0) {
    ctx.diagnostics.push(
      diag(
        'warning',
        'shared-volume-replicas',
        `${r.name} has ${r.settings.replicas} replicas sharing a ReadWriteOnce volume; they may not all schedule. ` +
          `Consider external storage.`,
        { resource: r.name },
      ),
    );
  }
  const size = r.settings.storageSize ?? ctx.settings.storageSize;
  return plans.map((plan) => {
    const claimName = `${k8sName(ctx, r.name)}-${plan.name}`.slice(0, 63).replace(/-+$/, '');
    return {
      claimName,
      plan,
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: metadata(ctx, claimName, resourceLabels(ctx, r)),
        spec: {
          accessModes: ['ReadWriteOnce'],
          ...(ctx.settings.storageClass ? { storageClassName: ctx.settings.storageClass } : {}),
          resources: { requests: { storage: size } },
        },
      },
    };
  });
}
