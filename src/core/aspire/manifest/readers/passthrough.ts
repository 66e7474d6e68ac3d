/**
 * Resources we keep but do not deploy: cloud (azure.bicep.*, aws.*, dapr.*), unknown and legacy
 * preview types, and `{"error": …}` entries. The whole JSON is kept in raw so nothing is lost.
 */
import type { Resource } from '../../../model/topology';
import { readString } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import type { Scope } from '../../../json/scope';
import { emptyResource, type RawResource } from './common';

/** Pre-GA (2023 – early 2024) integration types that Aspire 8 replaced by container.v0 + value.v0. */
const LEGACY_PREVIEW =
  /^(postgres|pg|redis|rabbitmq|sqlserver|sql|mysql|mongodb|mongo|oracle|kafka)(\.(server|database))?\.v\d+$/i;

export function isCloudType(type: string): boolean {
  return /^(azure|aws|dapr)\./i.test(type);
}

export function readCloud(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'cloud', type);
  r.raw = raw;
  const cs = readString(own(raw, 'connectionString'), scope, ['connectionString']);
  if (cs !== undefined) r.connectionString = cs;
  scope.report(
    'warning',
    'cloud-resource',
    `Resource "${name}" (${type}) is provisioned outside the cluster; no Kubernetes objects are generated for it. ` +
      `Supply its outputs (connection string, endpoints) yourself.`,
  );
  return r;
}

export function readUnknown(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'unknown', type);
  r.raw = raw;
  const cs = readString(own(raw, 'connectionString'), scope, ['connectionString']);
  if (cs !== undefined) r.connectionString = cs;
  const why = LEGACY_PREVIEW.test(type)
    ? `is a pre-release Aspire preview type (${type}); regenerate the manifest with Aspire 8 or later`
    : `has a type this tool does not know (${type})`;
  scope.report(
    'warning',
    'unknown-type',
    `Resource "${name}" ${why}. It is kept as is, and nothing is generated for it.`,
    ['type'],
  );
  return r;
}

/** `{"error": "This resource does not support generation in the manifest."}` (no type). */
export function readErrorResource(name: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'unknown', '(error)');
  r.raw = raw;
  const text = own(raw, 'error');
  scope.report(
    'warning',
    'manifest-error-resource',
    `Resource "${name}" was written by Aspire as an error: ` +
      `${typeof text === 'string' ? text : JSON.stringify(text)} It is kept, and nothing is generated for it.`,
    ['error'],
  );
  return r;
}
