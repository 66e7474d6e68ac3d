/** The lint rows of one workload: probes, resources, image, security context and env, per container. */
import { imageProblem, imageProblemText } from '../../kube/image-tag';
import {
  asArr,
  asRec,
  asStr,
  containerPorts,
  evidenceAt,
  getIn,
  resolvePortRef,
  type Container,
  type Workload,
} from '../bundle-index';
import type { CheckContext } from '../context';
import { containerEnv, expand } from '../env';
import { fix } from '../snippets';
import type { ParityRow } from '../types';
import { CHECKS, lintRow, PASS, perContainer } from './lint-checks';
import { dedupFix, designImageUnpinned, headlessServiceFix, pinFix, quoteFix } from './lint-fixes';
import { workloadShapeLintRows } from './lint-workload-shape';
import { literalSecrets } from './parameters';
import { probeShape, sameProbe } from './probes';

/** Why convert warns the same for an image the App Host chose. */
const CHOSEN_IMAGE_NOTE = ' The App Host sets this image, so convert warns the same (pin it with WithImageTag).';

function isLongRunning(w: Workload): boolean {
  return !['Job', 'CronJob'].includes(w.kind);
}

function secCtx(w: Workload, c: Container, key: string): unknown {
  return getIn(c.spec, ['securityContext', key]) ?? getIn(w.podSpec, ['securityContext', key]);
}

/** The lint rows of one workload (every check that reads only the workload and its env). */
export function workloadLintRows(ctx: CheckContext, w: Workload, l: string, targeted: boolean): ParityRow[] {
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
          ? PASS
          : {
              status: targeted ? 'fail' : 'warn',
              detail: targeted ? 'a Service routes to it before it is ready' : 'no readinessProbe',
            },
    ),
  );
  push(
    perContainer(w, l, CHECKS.liveness, (c) =>
      !isLongRunning(w) ? undefined : c.spec.livenessProbe ? PASS : { status: 'warn', detail: 'no livenessProbe' },
    ),
  );
  push(
    perContainer(w, l, CHECKS.identical, (c) => {
      const a = probeShape(c, 'livenessProbe');
      const b = probeShape(c, 'readinessProbe');
      if (!a || !b) return undefined;
      return sameProbe(a, b, c)
        ? { status: 'fail', detail: 'liveness is a copy of readiness', path: [...c.path, 'livenessProbe'] }
        : PASS;
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
        : PASS;
    }),
  );
  push(
    perContainer(w, l, CHECKS.cpuRequest, (c) =>
      getIn(c.spec, ['resources', 'requests', 'cpu']) !== undefined
        ? PASS
        : { status: 'warn', detail: 'no CPU request: the scheduler cannot place it well', path: c.path },
    ),
  );
  push(
    perContainer(w, l, CHECKS.memory, (c) => {
      const miss = [
        getIn(c.spec, ['resources', 'requests', 'memory']) === undefined && 'request',
        getIn(c.spec, ['resources', 'limits', 'memory']) === undefined && 'limit',
      ].filter(Boolean);
      return miss.length ? { status: 'warn', detail: `no memory ${miss.join(' or ')}` } : PASS;
    }),
  );
  push(
    perContainer(w, l, CHECKS.cpuLimit, (c) =>
      getIn(c.spec, ['resources', 'limits', 'cpu']) !== undefined
        ? PASS
        : { status: 'unknown', detail: 'no CPU limit; verify your cluster policy (throttling vs. noisy neighbours)' },
    ),
  );
  for (const c of [...w.containers, ...w.initContainers]) {
    const image = asStr(c.spec.image) ?? '';
    const bad = imageProblem(image);
    const unpinned = bad === 'latest' || bad === 'untagged';
    // The App Host's own choice is kept by convert with a warning; check judges it the same way.
    // A placeholder is filled in by a tool after this check: only the filled-in value can be judged.
    const chosen = unpinned && !c.init && designImageUnpinned(ctx, l, image);
    const status = !bad ? 'pass' : bad === 'placeholder' ? 'unknown' : chosen ? 'warn' : 'fail';
    push(
      lintRow(
        CHECKS.latest,
        l,
        status,
        bad ? `${c.name}: ${imageProblemText(image, bad)}.${chosen ? CHOSEN_IMAGE_NOTE : ''}` : undefined,
        [evidenceAt(w, [...c.path, 'image'])],
        { detailKey: c.name, ...(unpinned ? { fix: pinFix(ctx, l, w, c, image) } : {}) },
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
          ? PASS
          : { status: 'warn', detail: 'may run as root (set runAsNonRoot: true)' },
      { fix: fix('Run as non-root.', { runAsNonRoot: true }) },
    ),
  );
  push(
    perContainer(w, l, CHECKS.roRootFs, (c) =>
      getIn(c.spec, ['securityContext', 'readOnlyRootFilesystem']) === true
        ? PASS
        : { status: 'warn', detail: 'writable root filesystem' },
    ),
  );
  push(
    perContainer(w, l, CHECKS.privEsc, (c) =>
      getIn(c.spec, ['securityContext', 'allowPrivilegeEscalation']) === false
        ? PASS
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
        ? PASS
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
        : PASS;
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
            detail:
              `${refs} Secret value(s) read from env (what .NET configuration reads); verify your ` +
              `policy allows it`,
          }
        : PASS;
    }),
  );
  rows.push(...workloadShapeLintRows(idx, w, l, () => headlessServiceFix(ctx, l, w)));
  // 20 + YAML 1.1 types.
  push(
    perContainer(
      w,
      l,
      CHECKS.dupEnv,
      (c) => {
        const names = asArr(c.spec.env).map((e) => asStr(asRec(e)?.name));
        const dup = names.filter((n, i) => n !== undefined && names.indexOf(n) !== i);
        return dup.length
          ? { status: 'fail', detail: `${[...new Set(dup)].join(', ')} defined twice (the last wins)` }
          : PASS;
      },
      () => ({ fix: dedupFix(ctx, l, w) }),
    ),
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
          : PASS;
      },
      () => ({ fix: quoteFix(ctx, l, w, w.containers[0]) }),
    ),
  );
  return rows;
}
