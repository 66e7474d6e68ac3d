/**
 * Configuration hygiene: no `localhost`/`127.0.0.1` (inside a pod that is the pod itself) and
 * no unresolved Aspire `{resource.path}` placeholders in env values, args, commands or
 * ConfigMap data.
 */
import { parseExpressionBody } from '../../model/template';
import { asArr, asRec, asStr, evidenceAt, type KObj, type Path, type Workload } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { fix } from '../snippets';
import type { Evidence, ParityRow } from '../types';

const LOCALHOST = /(?<![\w.-])(localhost|127\.0\.0\.1|\[::1\])(?![\w-])/i;
// Single braces only: Helm's {{ }} and ${VAR} are not Aspire placeholders.
const PLACEHOLDER = /(?<![{$])\{([A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+)\}(?!\})/g;

interface Finding {
  what: string;
  evidence: Evidence;
}

function strings(x: unknown, path: Path, out: { path: Path; text: string }[]): void {
  if (typeof x === 'string') out.push({ path, text: x });
  else if (Array.isArray(x)) x.forEach((v, i) => strings(v, [...path, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) strings(v, [...path, k], out);
}

/** Config-bearing strings of a workload: env values, command and args of every container. */
function workloadStrings(w: Workload): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  for (const c of [...w.containers, ...w.initContainers]) {
    asArr(c.spec.env).forEach((e, i) => {
      const v = asStr(asRec(e)?.value);
      if (v !== undefined) out.push({ path: [...c.path, 'env', i, 'value'], text: v });
    });
    strings(c.spec.command, [...c.path, 'command'], out);
    strings(c.spec.args, [...c.path, 'args'], out);
  }
  return out;
}

function scan(
  o: KObj,
  items: { path: Path; text: string }[],
  isResource: (n: string) => boolean,
): { localhost: Finding[]; placeholders: Finding[] } {
  const localhost: Finding[] = [];
  const placeholders: Finding[] = [];
  for (const { path, text } of items) {
    const lh = LOCALHOST.exec(text);
    if (lh)
      localhost.push({
        what:
          `${String(path[path.length - 2] === 'env' ? path[path.length - 1] : path.join('.'))}: ` +
          `…${text.slice(Math.max(0, lh.index - 20), lh.index + 30)}…`,
        evidence: evidenceAt(o, path),
      });
    for (const m of text.matchAll(PLACEHOLDER)) {
      const p = parseExpressionBody(m[1]!);
      if (p && (isResource(p.resource) || p.path.kind === 'binding' || p.path.kind === 'connectionString'))
        placeholders.push({ what: m[0], evidence: evidenceAt(o, path) });
    }
  }
  return { localhost, placeholders };
}

export function hygieneRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const isResource = (n: string) => ctx.resources.has(n);
  const owners = new Map<KObj, string>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (m) owners.set(m.workload, r.name);
  }
  // ConfigMaps belong to whichever matched workload reads them; others are checked as "bundle".
  const cmOwner = new Map<string, string>();
  for (const [w, name] of owners) {
    for (const c of (w as Workload).containers) {
      for (const f of asArr(c.spec.envFrom)) {
        const n = asStr(asRec(asRec(f)?.configMapRef)?.name);
        if (n) cmOwner.set(n, name);
      }
      for (const e of asArr(c.spec.env)) {
        const n = asStr(asRec(asRec(asRec(e)?.valueFrom)?.configMapKeyRef)?.name);
        if (n) cmOwner.set(n, name);
      }
    }
  }
  const per = new Map<string, { localhost: Finding[]; placeholders: Finding[] }>();
  const add = (key: string, f: { localhost: Finding[]; placeholders: Finding[] }) => {
    const cur = per.get(key) ?? { localhost: [], placeholders: [] };
    cur.localhost.push(...f.localhost);
    cur.placeholders.push(...f.placeholders);
    per.set(key, cur);
  };
  for (const r of owners.values()) per.set(r, { localhost: [], placeholders: [] });
  // A document's findings read only the document and the design's resource names.
  for (const w of ctx.idx.workloads)
    add(
      owners.get(w) ?? '(bundle)',
      ctx.rememberDoc('hygiene', w, '', () => scan(w, workloadStrings(w), isResource)),
    );
  for (const [name, cm] of ctx.idx.configMaps) {
    const findings = ctx.rememberDoc('hygiene', cm.obj, '', () => {
      const items: { path: Path; text: string }[] = [];
      strings(cm.obj.obj.data, ['data'], items);
      return scan(cm.obj, items, isResource);
    });
    add(cmOwner.get(name) ?? '(bundle)', findings);
  }
  if (!per.has('(bundle)')) per.set('(bundle)', { localhost: [], placeholders: [] });
  for (const [resource, f] of per) {
    // A third-party container may name its own listeners on localhost (Kafka's controller);
    // for services we deploy (projects, Dockerfiles) localhost is always the wrong pod.
    const r = ctx.resources.get(resource);
    const ownListenerOk = r !== undefined && r.kind === 'container';
    rows.push(
      row({
        rule: 'localhost',
        resource,
        declaration: 'Common mistake: hardcoded localhost',
        requirement: 'No localhost or 127.0.0.1 in configuration (inside a pod that is the pod itself)',
        status: f.localhost.length ? (ownListenerOk ? 'warn' : 'fail') : 'pass',
        detail: f.localhost.length ? f.localhost.map((x) => x.what).join('; ') : undefined,
        ...(f.localhost.length
          ? {
              evidence: f.localhost.map((x) => x.evidence),
              fix: fix('Use the Kubernetes Service name of the target instead of localhost.'),
            }
          : {}),
        checklist: ['service-name'],
      }),
    );
    rows.push(
      row({
        rule: 'placeholder',
        resource,
        declaration: 'Aspire expressions',
        requirement: 'No unresolved Aspire {resource.…} placeholders',
        status: f.placeholders.length ? 'fail' : 'pass',
        detail: f.placeholders.length
          ? `${[...new Set(f.placeholders.map((x) => x.what))].join(', ')} would reach the app as literal text.`
          : undefined,
        ...(f.placeholders.length
          ? {
              evidence: f.placeholders.map((x) => x.evidence),
              fix: fix('Replace each placeholder with the value it stands for (Service URL, Secret reference).'),
            }
          : {}),
      }),
    );
  }
  return rows;
}
