/**
 * WithDataVolume / WithVolume → durable storage (a PVC or a StatefulSet volumeClaimTemplate)
 * mounted at the target path. emptyDir, hostPath or no volume lose data when the pod moves.
 * Bind mounts have no cluster equivalent unless recreated from a ConfigMap, Secret or claim.
 */
import { isExternalManaged } from '../../model/semantics';
import type { Resource, Volume } from '../../model/topology';
import { asArr, asRec, asStr, evidenceAt, getIn } from '../bundle-index';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { fix, replaceFix } from '../snippets';
import type { ParityRow } from '../types';

function norm(p: string): string {
  return p.replace(/\/+$/, '') || '/';
}

function volumeDecl(r: Resource, v: Volume): string {
  if (!v.name) return `WithVolume("${v.target}")`;
  return /data/i.test(v.name) ? 'WithDataVolume()' : `WithVolume("${v.name}", "${v.target}")`;
}

interface MountSource {
  kind: 'pvc' | 'claim-template' | 'emptyDir' | 'hostPath' | 'configMap' | 'secret' | 'other' | 'missing';
  claim?: string;
  index?: number;
}

function mountSource(m: ResourceMatch, volumeName: string): MountSource {
  const vols = asArr(m.workload.podSpec.volumes);
  const i = vols.findIndex((v) => asStr(asRec(v)?.name) === volumeName);
  if (i >= 0) {
    const v = asRec(vols[i])!;
    if (asRec(v.persistentVolumeClaim))
      return { kind: 'pvc', claim: asStr(asRec(v.persistentVolumeClaim)!.claimName) ?? '', index: i };
    if (asRec(v.ephemeral)) return { kind: 'emptyDir', index: i }; // generic ephemeral volumes die with the pod too
    for (const k of ['emptyDir', 'hostPath', 'configMap', 'secret'] as const) if (k in v) return { kind: k, index: i };
    return { kind: 'other', index: i };
  }
  const templates = asArr(getIn(m.workload.obj, ['spec', 'volumeClaimTemplates']));
  const t = templates.findIndex((v) => asStr(getIn(v, ['metadata', 'name'])) === volumeName);
  if (m.workload.kind === 'StatefulSet' && t >= 0) return { kind: 'claim-template', index: t };
  return { kind: 'missing' };
}

/**
 * A StatefulSet's mount as the generator writes it: backed by a volumeClaimTemplate of the
 * mount's name. A pod volume of that name (an emptyDir) shadows the template, so it goes first
 * (the pod's volumes without it); then the template is added.
 */
function statefulFix(
  m: ResourceMatch,
  mountName: string,
  src: MountSource,
  template: { metadata: { name: string }; spec: unknown },
  target: string,
): ParityRow['fix'] {
  if (m.workload.kind !== 'StatefulSet') return undefined;
  const file = m.workload.doc.file;
  if (src.index !== undefined) {
    const rest = asArr(m.workload.podSpec.volumes).filter((_, i) => i !== src.index);
    return replaceFix(
      `Remove pod volume ${mountName} (${src.kind}): the generator backs ${target} with a volumeClaimTemplate.`,
      rest.length ? rest : null,
      file,
      [...m.workload.podPath, 'volumes'],
    );
  }
  return fix(
    `Mount a PersistentVolumeClaim at ${target} through volumeClaimTemplates.`,
    [{ ...template, metadata: { name: mountName } }],
    file,
    ['spec', 'volumeClaimTemplates'],
  );
}

export function storageRows(ctx: CheckContext): ParityRow[] {
  // A resource's storage rows read its match and the bundle's PersistentVolumeClaims.
  const pvcs = ctx.version('pvcs', [...ctx.idx.pvcs.values()]);
  return ctx.topology.resources.flatMap((r) => {
    if (r.volumes.length === 0 && r.bindMounts.length === 0) return [];
    if (isExternalManaged(r)) return []; // the managed service owns its storage (workload row says so)
    return ctx.remember('storage', r, `${ctx.matchKey(r.name)}\u0000${pvcs}`, () => rowsOf(ctx, r));
  });
}

function rowsOf(ctx: CheckContext, r: Resource): ParityRow[] {
  const rows: ParityRow[] = [];
  const m = ctx.match(r.name);
  for (const v of r.volumes) {
    const base = {
      rule: 'storage',
      resource: r.name,
      detailKey: norm(v.target),
      declaration: volumeDecl(r, v),
      requirement: `Durable storage (PVC or volumeClaimTemplate) is mounted at ${v.target}`,
      checklist: ['durable-data', 'stateful-storage'],
    };
    if (!m) {
      rows.push(row({ ...base, status: 'unknown', detail: `No workload runs ${r.name}.` }));
      continue;
    }
    const mounts = asArr(m.container.spec.volumeMounts);
    const mi = mounts.findIndex((x) => norm(asStr(asRec(x)?.mountPath) ?? '') === norm(v.target));
    const claimName = `${(v.name ?? 'data')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40)}`;
    const snippet = {
      metadata: { name: claimName },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: r.settings.storageSize ?? ctx.settings?.storageSize ?? '5Gi' } },
      },
    };
    const fixIt = fix(
      `Mount a PersistentVolumeClaim at ` +
        `${v.target}${m.workload.kind === 'StatefulSet' ? ' through volumeClaimTemplates' : ''}.`,
      m.workload.kind === 'StatefulSet' ? [snippet] : { name: claimName, mountPath: v.target },
      m.workload.doc.file,
      m.workload.kind === 'StatefulSet' ? ['spec', 'volumeClaimTemplates'] : [...m.container.path, 'volumeMounts'],
    );
    if (mi < 0) {
      // First the mount (one snippet, one place); if no claim backs it yet, the next finding offers the claim.
      const mountFix = fix(
        `Mount a PersistentVolumeClaim at ${v.target}.`,
        [{ name: claimName, mountPath: v.target }],
        m.workload.doc.file,
        [...m.container.path, 'volumeMounts'],
      );
      rows.push(
        row({
          ...base,
          status: 'fail',
          detail:
            `Nothing is mounted at ${v.target}; data is written to the container filesystem and lost ` +
            `with the pod.`,
          evidence: [evidenceAt(m.workload, m.container.path)],
          fix: mountFix,
        }),
      );
      continue;
    }
    const mount = asRec(mounts[mi])!;
    const src = mountSource(m, asStr(mount.name) ?? '');
    const brokenFix = statefulFix(m, asStr(mount.name) ?? claimName, src, snippet, v.target) ?? fixIt;
    const ev = [evidenceAt(m.workload, [...m.container.path, 'volumeMounts', mi])];
    if (src.kind === 'claim-template')
      rows.push(
        row({
          ...base,
          status: 'pass',
          detail: `volumeClaimTemplate ${asStr(mount.name)} mounted at ${v.target}.`,
          evidence: [...ev, evidenceAt(m.workload, ['spec', 'volumeClaimTemplates', src.index!])],
        }),
      );
    else if (src.kind === 'pvc') {
      const pvc = ctx.idx.pvcs.get(src.claim ?? '');
      rows.push(
        row({
          ...base,
          status: pvc ? 'pass' : 'unknown',
          detail: pvc
            ? `PersistentVolumeClaim ${src.claim} mounted at ${v.target}.`
            : `Claim ${src.claim} is not in the bundle; verify it exists in the namespace.`,
          evidence: [...ev, ...(pvc ? [evidenceAt(pvc)] : [])],
        }),
      );
    } else
      rows.push(
        row({
          ...base,
          status: 'fail',
          detail:
            src.kind === 'missing'
              ? `Volume ${asStr(mount.name)} is not defined in the pod.`
              : `${v.target} is backed by ${src.kind}, which does not survive the pod moving to another node.`,
          evidence:
            src.index !== undefined
              ? [...ev, evidenceAt(m.workload, [...m.workload.podPath, 'volumes', src.index])]
              : ev,
          fix: brokenFix,
        }),
      );
  }
  for (const b of r.bindMounts) {
    const base = {
      rule: 'bind-mount',
      resource: r.name,
      detailKey: norm(b.target),
      declaration: `WithBindMount("${b.source}", "${b.target}")`,
      requirement: `The files bind-mounted at ${b.target} are provided in the cluster`,
      checklist: [] as string[],
    };
    if (!m) continue;
    const mounts = asArr(m.container.spec.volumeMounts);
    const mi = mounts.findIndex(
      (x) =>
        norm(asStr(asRec(x)?.mountPath) ?? '') === norm(b.target) ||
        norm(asStr(asRec(x)?.mountPath) ?? '') === norm(b.target.replace(/\/[^/]*$/, '')),
    );
    const src = mi >= 0 ? mountSource(m, asStr(asRec(mounts[mi])?.name) ?? '') : undefined;
    const ok = src && ['configMap', 'secret', 'pvc', 'claim-template'].includes(src.kind);
    rows.push(
      row({
        ...base,
        status: ok ? 'pass' : src?.kind === 'hostPath' ? 'fail' : 'warn',
        detail: ok
          ? `Mounted from ${src!.kind}.`
          : `A host bind mount has no Kubernetes equivalent; provide ${b.source} as a ConfigMap, Secret or in ` +
            `the image.`,
        evidence: [evidenceAt(m.workload, mi >= 0 ? [...m.container.path, 'volumeMounts', mi] : m.container.path)],
      }),
    );
  }
  return rows;
}
