/** A probe reduced to what it checks (handler, path, port or command), to compare and describe probes. */
import { asRec, asStr, resolvePortRef, type Container } from '../bundle-index';

export type ProbeKey = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export interface ProbeShape {
  kind: 'http' | 'tcp' | 'grpc' | 'exec' | 'none';
  path?: string;
  port?: number | string;
  command?: string;
}

export function probeShape(c: Container, key: ProbeKey): ProbeShape | undefined {
  const p = asRec(c.spec[key]);
  if (!p) return undefined;
  const http = asRec(p.httpGet);
  if (http) return { kind: 'http', path: asStr(http.path) ?? '/', port: http.port as number | string };
  const tcp = asRec(p.tcpSocket);
  if (tcp) return { kind: 'tcp', port: tcp.port as number | string };
  const grpc = asRec(p.grpc);
  if (grpc) return { kind: 'grpc', port: grpc.port as number | string };
  const exec = asRec(p.exec);
  if (exec) return { kind: 'exec', command: JSON.stringify(exec.command) };
  return { kind: 'none' };
}

/** kube-score's notion of identical probes: same handler and target. */
export function sameProbe(a: ProbeShape, b: ProbeShape, c: Container): boolean {
  if (a.kind !== b.kind) return false;
  const pa = resolvePortRef(a.port, c);
  const pb = resolvePortRef(b.port, c);
  return a.kind === 'exec' ? a.command === b.command : a.path === b.path && (pa ?? a.port) === (pb ?? b.port);
}

export function describe(s: ProbeShape): string {
  return s.kind === 'http'
    ? `GET ${s.path}:${String(s.port)}`
    : s.kind === 'exec'
      ? 'exec'
      : `${s.kind} ${String(s.port)}`;
}
