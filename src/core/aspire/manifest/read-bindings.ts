/**
 * Manifest `bindings` → endpoints. `transport` defaults from the scheme (http/https → http,
 * anything else → tcp), `protocol` defaults to tcp; bad ports are reported and dropped
 * field by field, so one typo does not lose the endpoint.
 */
import { readEndpointPorts } from '../../model/endpoint-fields';
import type { Endpoint, Transport } from '../../model/topology';
import { readObject, readString } from '../../json/fields';
import { own } from '../../json/json-parse';
import type { Scope } from '../../json/scope';

const TRANSPORTS: ReadonlySet<string> = new Set(['http', 'http2', 'tcp']);

function defaultTransport(scheme: string): Transport {
  const s = scheme.toLowerCase();
  return s === 'http' || s === 'https' ? 'http' : 'tcp';
}

export function readBindings(v: unknown, scope: Scope): Endpoint[] {
  const bindings = readObject(v, scope, ['bindings']);
  if (!bindings) return [];
  const out: Endpoint[] = [];
  for (const name of Object.keys(bindings)) {
    const path = ['bindings', name];
    const b = readObject(own(bindings, name), scope, path);
    if (!b) continue;
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      scope.report(
        'warning',
        'endpoint-name',
        `Resource "${scope.resource}": endpoint name "${name}" has characters Aspire does not allow (use letters, ` +
          `digits, '-' and '_'); expressions cannot refer to it.`,
        path,
      );
    }
    let scheme = readString(own(b, 'scheme'), scope, [...path, 'scheme']);
    if (scheme === undefined || scheme === '') {
      scheme = name === 'https' ? 'https' : name === 'http' ? 'http' : 'tcp';
      scope.report(
        'info',
        'endpoint-default',
        `Resource "${scope.resource}": endpoint "${name}" has no scheme; "${scheme}" was assumed.`,
        [...path, 'scheme'],
      );
    }
    let protocol: Endpoint['protocol'] = 'tcp';
    const rawProtocol = readString(own(b, 'protocol'), scope, [...path, 'protocol']);
    if (rawProtocol !== undefined) {
      const p = rawProtocol.toLowerCase();
      if (p === 'tcp' || p === 'udp') protocol = p;
      else
        scope.report(
          'warning',
          'bad-value',
          `Resource "${scope.resource}": endpoint "${name}" has protocol "${rawProtocol}"; only tcp and udp exist, ` +
            `so tcp was assumed.`,
          [...path, 'protocol'],
        );
    }
    let transport = defaultTransport(scheme);
    const rawTransport = readString(own(b, 'transport'), scope, [...path, 'transport']);
    if (rawTransport !== undefined) {
      const t = rawTransport.toLowerCase();
      if (TRANSPORTS.has(t)) transport = t as Transport;
      else
        scope.report(
          'warning',
          'bad-value',
          `Resource "${scope.resource}": endpoint "${name}" has transport "${rawTransport}"; expected http, http2 ` +
            `or tcp, so "${transport}" was assumed.`,
          [...path, 'transport'],
        );
    }
    out.push({ name, scheme, protocol, transport, ...readEndpointPorts(b, scope, path) });
  }
  return out;
}
