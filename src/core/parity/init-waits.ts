/**
 * What an init container waits for, read from its command: a port poll (`nc -z host port`,
 * `pg_isready -h host -p port`, `wget http://host:port/…`, `host:port`) or a completion wait
 * (`kubectl wait --for=condition=complete job/x`, `kubectl rollout status deployment/x`).
 * Tokens are split once, left to right; nothing here backtracks.
 */
import { asArr, asStr, type Container } from './bundle-index';
import { connectionEndpoints, type HostPort } from './connection-hosts';

export interface InitWait {
  /** Hosts polled on a port (a port of undefined: the command names none). */
  polls: HostPort[];
  /** Workload names waited for by completion or rollout (`job/x`, `deployment/x`). */
  completions: string[];
  /** The kind each of `completions` is waited for as (Job, Deployment, StatefulSet, DaemonSet). */
  completionKinds: string[];
}

const WAITED_KIND: Record<string, string> = {
  job: 'Job',
  jobs: 'Job',
  'job.batch': 'Job',
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
};

/** Shell word separators; one character class, so the split is a single linear pass. */
function tokens(text: string): string[] {
  return text.split(/[\s;"'&|()`=]+/).filter((t) => t !== '');
}

/** Shell words that are never hosts (`sleep 2` is not a host and a port). */
const SHELL = new Set([
  'sh',
  'bash',
  'until',
  'while',
  'do',
  'done',
  'sleep',
  'echo',
  'nc',
  'ncat',
  'true',
  'false',
  'if',
  'then',
  'fi',
  'exit',
  'wget',
  'curl',
  'timeout',
  'test',
  'seq',
  'for',
  'in',
]);

const isPort = (t: string | undefined) => t !== undefined && /^\d{1,5}$/.test(t);
/** DNS-name shaped: labels of [a-z0-9-] separated by dots, not starting or ending with '-' or '.'. */
function hostLike(t: string): boolean {
  if (t === '' || t.length > 253) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    const alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) continue;
    if ((c === '-' || c === '.') && i > 0 && i < t.length - 1 && t[i - 1] !== '.') continue;
    return false;
  }
  return true;
}

/** Read one init container's command and args. `known` says which bare words are host names;
 *  a bare word right before a port number (`nc -z host 5432`) is one in any case. */
export function initWait(c: Container, known: (host: string) => boolean): InitWait {
  const parts = [...asArr(c.spec.command), ...asArr(c.spec.args)].flatMap((x) =>
    asStr(x) !== undefined ? [asStr(x)!] : [],
  );
  const ts = tokens(parts.join(' ').slice(0, 10_000));
  const polls: HostPort[] = [];
  const completions: string[] = [];
  const completionKinds: string[] = [];
  const kubectl = ts.includes('kubectl') && (ts.includes('wait') || ts.includes('rollout'));
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!.toLowerCase();
    if (kubectl) {
      const slash = t.indexOf('/');
      const kind = slash > 0 ? WAITED_KIND[t.slice(0, slash)] : undefined;
      if (kind) {
        completions.push(t.slice(slash + 1));
        completionKinds.push(kind);
      }
      continue;
    }
    if (t.includes('://')) {
      polls.push(...connectionEndpoints(t).endpoints);
      continue;
    }
    const prev = ts[i - 1];
    if (t.startsWith('-')) continue;
    const colon = t.lastIndexOf(':');
    if (colon > 0 && isPort(t.slice(colon + 1)) && hostLike(t.slice(0, colon))) {
      polls.push({ host: t.slice(0, colon), port: Number(t.slice(colon + 1)) });
      continue;
    }
    if (!hostLike(t) || isPort(t) || SHELL.has(t)) continue;
    // `-h host` (pg_isready, redis-cli, mysqladmin), `host port`, or a bare word named as a host.
    let port: number | undefined;
    for (let j = i + 1; j < Math.min(ts.length, i + 3); j++) {
      const n = ts[j]!;
      if (isPort(n)) {
        port = Number(n);
        break;
      }
    }
    const portNext = isPort(ts[i + 1]);
    if (prev === '-h' || prev === '--host' || portNext || known(t))
      polls.push({ host: t, ...(port !== undefined ? { port } : {}) });
  }
  return { polls, completions, completionKinds };
}
