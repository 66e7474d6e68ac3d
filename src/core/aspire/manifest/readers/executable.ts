/** executable.v0 (`AddExecutable`, node/python apps not published as Dockerfile). */
import type { Resource } from '../../../model/topology';
import { readString, readStringArray } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import { readBindings } from '../read-bindings';
import type { Scope } from '../../../json/scope';
import { emptyResource, keepUnmodelled, readEnv, type RawResource } from './common';

export function readExecutable(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'executable', type);
  const command = readString(own(raw, 'command'), scope, ['command'], { required: true });
  if (command !== undefined) r.command = command;
  const wd = readString(own(raw, 'workingDirectory'), scope, ['workingDirectory']);
  if (wd !== undefined) r.workingDirectory = wd;
  r.args = readStringArray(own(raw, 'args'), scope, ['args']);
  r.env = readEnv(raw, scope);
  r.endpoints = readBindings(own(raw, 'bindings'), scope);
  const cs = readString(own(raw, 'connectionString'), scope, ['connectionString']);
  if (cs !== undefined) r.connectionString = cs;
  keepUnmodelled(
    r,
    raw,
    ['command', 'workingDirectory', 'args', 'env', 'bindings', 'connectionString'],
    ['containerFiles'],
    scope,
  );
  scope.report(
    'warning',
    'no-kubernetes-equivalent',
    `Resource "${name}" is an executable ("${command ?? '?'}"): it runs a local process and has no Kubernetes ` +
      `equivalent. Containerise it (PublishAsDockerFile) or run it outside the cluster.`,
  );
  return r;
}
