/** project.v0 / project.v1: a .NET project (`AddProject`). v1's Azure `deployment` is kept in raw. */
import type { Resource } from '../../../model/topology';
import { readString, readStringArray } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import { readBindings } from '../read-bindings';
import type { Scope } from '../../../json/scope';
import { emptyResource, keepUnmodelled, readEnv, type RawResource } from './common';

export function readProject(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'project', type);
  const path = readString(own(raw, 'path'), scope, ['path'], { required: true });
  if (path !== undefined) r.projectPath = path;
  r.args = readStringArray(own(raw, 'args'), scope, ['args']);
  r.env = readEnv(raw, scope);
  r.endpoints = readBindings(own(raw, 'bindings'), scope);
  keepUnmodelled(r, raw, ['path', 'args', 'env', 'bindings'], ['deployment', 'containerFiles'], scope);
  return r;
}
