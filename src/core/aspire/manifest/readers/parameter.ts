/**
 * parameter.v0: `AddParameter` (secret or not; default constant or generated) and
 * `AddConnectionString(name)` — a parameter that also carries `connectionString`, i.e. an
 * external service known only by its connection string.
 */
import type { ParameterDefault, Resource } from '../../../model/topology';
import { readBoolean, readInteger, readObject, readString } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import type { Scope } from '../../../json/scope';
import { emptyResource, keepUnmodelled, type RawResource } from './common';

/** Aspire's generated-password default length, used when a file omits minLength. */
const DEFAULT_MIN_LENGTH = 22;

function readDefault(
  v: unknown,
  scope: Scope,
): { value?: ParameterDefault; generateOptions?: Record<string, unknown> } {
  const path = ['inputs', 'value', 'default'];
  const d = readObject(v, scope, path);
  if (!d) return {};
  const generate = own(d, 'generate');
  if (generate !== undefined) {
    const g = readObject(generate, scope, [...path, 'generate']);
    if (!g) return {};
    let minLength = readInteger(own(g, 'minLength'), scope, [...path, 'generate', 'minLength'], 0, 1024, 'a length');
    if (minLength === undefined) {
      minLength = DEFAULT_MIN_LENGTH;
      scope.report(
        'info',
        'parameter-default',
        `Resource "${scope.resource}": generated default has no usable minLength; ${DEFAULT_MIN_LENGTH} was assumed.`,
        [...path, 'generate'],
      );
    }
    // lower/upper/numeric/special and min* flags are not modelled; keep them for round-trips.
    const others = Object.keys(g).filter((k) => k !== 'minLength');
    return { value: { kind: 'generate', minLength }, ...(others.length ? { generateOptions: g } : {}) };
  }
  if (own(d, 'value') !== undefined) {
    const value = readString(own(d, 'value'), scope, [...path, 'value'], { coerce: true });
    return value !== undefined ? { value: { kind: 'value', value } } : {};
  }
  scope.report(
    'warning',
    'parameter-default',
    `Resource "${scope.resource}": "default" has neither "generate" nor "value"; it was ignored.`,
    path,
  );
  return {};
}

export function readParameter(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const connectionString = readString(own(raw, 'connectionString'), scope, ['connectionString']);
  const r = emptyResource(name, connectionString !== undefined ? 'connection-string' : 'parameter', type);
  if (connectionString !== undefined) r.connectionString = connectionString;
  readString(own(raw, 'value'), scope, ['value']);
  let secret = false;
  let def: ParameterDefault | undefined;
  const inputs = readObject(own(raw, 'inputs'), scope, ['inputs']);
  if (!inputs) {
    if (own(raw, 'inputs') === undefined)
      scope.report(
        'info',
        'missing-field',
        `Resource "${name}": parameter has no "inputs"; it is read as a non-secret parameter without a default.`,
        ['inputs'],
      );
  } else {
    const input = readObject(own(inputs, 'value'), scope, ['inputs', 'value']);
    if (input) {
      const t = readString(own(input, 'type'), scope, ['inputs', 'value', 'type']);
      if (t !== undefined && t !== 'string') {
        scope.report('info', 'parameter-type', `Resource "${name}": input type "${t}" is read as a string.`, [
          'inputs',
          'value',
          'type',
        ]);
      }
      secret = readBoolean(own(input, 'secret'), scope, ['inputs', 'value', 'secret']) ?? false;
      const d = readDefault(own(input, 'default'), scope);
      def = d.value;
      if (d.generateOptions) r.raw = { generate: d.generateOptions };
    }
  }
  r.parameter = { secret, ...(def ? { default: def } : {}) };
  keepUnmodelled(r, raw, ['value', 'inputs', 'connectionString'], [], scope);
  return r;
}
