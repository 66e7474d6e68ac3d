/** Dispatch one manifest resource to the reader for its `type`. */
import type { Resource } from '../../model/topology';
import { typeName } from '../../json/fields';
import { isJsonObject, own } from '../../json/json-parse';
import { readProject } from './readers/project';
import { readContainer, readDockerfile } from './readers/container';
import { readExecutable } from './readers/executable';
import { readParameter } from './readers/parameter';
import { readAnnotatedString, readValue } from './readers/value';
import { isCloudType, readCloud, readErrorResource, readUnknown } from './readers/passthrough';
import type { RawResource } from './readers/common';
import type { Scope } from '../../json/scope';

/** Resource kinds by manifest type (exact or versioned family). */
function readerFor(
  type: string,
): ((name: string, type: string, raw: RawResource, scope: Scope) => Resource) | undefined {
  switch (type) {
    case 'project.v0':
    case 'project.v1':
      return readProject;
    case 'container.v0':
    case 'container.v1':
      return readContainer;
    case 'dockerfile.v0':
      return readDockerfile;
    case 'executable.v0':
      return readExecutable;
    case 'parameter.v0':
      return readParameter;
    case 'value.v0':
      return readValue;
    case 'annotated.string':
      return readAnnotatedString;
  }
  if (isCloudType(type)) return readCloud;
  return undefined;
}

export function readResource(name: string, value: unknown, scope: Scope): Resource | undefined {
  if (!isJsonObject(value)) {
    scope.report(
      'error',
      'bad-resource',
      `Resource "${name}" should be an object, but it is ${typeName(value)}; it was skipped.`,
    );
    return undefined;
  }
  const raw = value as RawResource;
  const type = own(raw, 'type');
  if (type === undefined) {
    if (own(raw, 'error') !== undefined) return readErrorResource(name, raw, scope);
    scope.report('warning', 'missing-type', `Resource "${name}" has no "type"; it is kept as an unknown resource.`);
    return { ...readUnknownQuiet(name, '(missing)', raw) };
  }
  if (typeof type !== 'string') {
    scope.report(
      'warning',
      'wrong-type',
      `Resource "${name}": "type" should be a string, but it is ${typeName(type)}; it is kept as an unknown resource.`,
      ['type'],
    );
    return readUnknownQuiet(name, '(invalid)', raw);
  }
  const reader = readerFor(type);
  if (reader) return reader(name, type, raw, scope);
  // Newer versions of a known family (project.v2, container.v2): read the fields we know.
  const family = /^(project|container)\.v(\d+)$/.exec(type);
  if (family) {
    scope.report(
      'warning',
      'newer-type',
      `Resource "${name}" has type ${type}, newer than this tool knows; it was read like ${family[1]}.v1 — check ` +
        `the result.`,
      ['type'],
    );
    return family[1] === 'project' ? readProject(name, type, raw, scope) : readContainer(name, type, raw, scope);
  }
  return readUnknown(name, type, raw, scope);
}

function readUnknownQuiet(name: string, sourceType: string, raw: RawResource): Resource {
  return {
    name,
    kind: 'unknown',
    sourceType,
    args: [],
    env: [],
    endpoints: [],
    volumes: [],
    bindMounts: [],
    settings: {},
    raw,
  };
}
