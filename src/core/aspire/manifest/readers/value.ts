/**
 * value.v0 (a composed connection string: database children, AddConnectionString with an
 * expression, conditional values) and annotated.string (a filtered parameter, e.g. URI-encoded).
 * Database children are recognised later, once every resource is known (database-children.ts).
 */
import type { Resource } from '../../../model/topology';
import { readString } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import type { Scope } from '../../../json/scope';
import { emptyResource, keepUnmodelled, type RawResource } from './common';

export function readValue(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'value', type);
  const cs = readString(own(raw, 'connectionString'), scope, ['connectionString'], { required: true, coerce: true });
  if (cs !== undefined) r.connectionString = cs;
  keepUnmodelled(r, raw, ['connectionString'], ['value'], scope);
  return r;
}

/** annotated.string: `{ value: "{p.value}", filter: "uri" }`; both kept in raw for the generator. */
export function readAnnotatedString(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'value', type);
  const value = readString(own(raw, 'value'), scope, ['value'], { required: true, coerce: true });
  const filter = readString(own(raw, 'filter'), scope, ['filter']);
  if (filter !== undefined && filter !== 'uri') {
    scope.report(
      'warning',
      'bad-value',
      `Resource "${name}": filter "${filter}" is unknown (Aspire writes only "uri"); the value is kept unfiltered.`,
      ['filter'],
    );
  }
  r.raw = { ...(value !== undefined ? { value } : {}), ...(filter !== undefined ? { filter } : {}) };
  keepUnmodelled(r, raw, ['value', 'filter'], [], scope);
  return r;
}
