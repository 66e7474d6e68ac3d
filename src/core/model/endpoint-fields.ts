/**
 * The endpoint fields an Aspire manifest binding and a saved design's endpoint spell the same
 * way: `port`, `targetPort` and `external`. One reader, so the two imports cannot drift apart.
 */
import { readBoolean, readPort } from '../json/fields';
import { own } from '../json/json-parse';
import type { FieldPath, Scope } from '../json/scope';
import type { Endpoint } from './topology';

export function readEndpointPorts(
  o: Record<string, unknown>,
  scope: Scope,
  path: FieldPath,
): Pick<Endpoint, 'port' | 'targetPort' | 'external'> {
  const port = readPort(own(o, 'port'), scope, [...path, 'port']);
  const targetPort = readPort(own(o, 'targetPort'), scope, [...path, 'targetPort']);
  const external = readBoolean(own(o, 'external'), scope, [...path, 'external']) ?? false;
  return {
    ...(port !== undefined ? { port } : {}),
    ...(targetPort !== undefined ? { targetPort } : {}),
    external,
  };
}
