/**
 * Kustomize `base/`: the generated objects per group, and a secretGenerator per user Secret reading a file the user
 * creates.
 */
import type { BundleFile, GeneratedBundle } from '../kube/objects';
import { toYamlDocument, toYamlStream } from '../yaml/emit';
import { groupsInOrder, withoutPlaceholderMark, type Rec, type UserSecret } from './inspect';

export function secretEnvPath(secretName: string): string {
  return `secrets/${secretName}.env`;
}

export function yaml(obj: unknown, comment?: string): string {
  return toYamlDocument(comment ? { object: obj, comment } : { object: obj });
}

/** Base resource files: one per generator group, minus the placeholder Secrets we generate instead. */
export function baseResourceFiles(gen: GeneratedBundle, generated: Set<string>): BundleFile[] {
  const files: BundleFile[] = [];
  for (const group of groupsInOrder(gen.objects)) {
    const objs = gen.objects.filter(
      (o) => o.group === group && !(o.object.kind === 'Secret' && generated.has(o.object.metadata.name)),
    );
    if (objs.length === 0) continue;
    files.push({
      path: `base/${group}.yaml`,
      text: toYamlStream(objs.map((o) => ({ object: o.object, comment: o.comment }))),
    });
  }
  return files;
}

export function secretGenerator(s: UserSecret): Rec {
  const meta = s.object?.metadata;
  const options: Rec = {};
  if (meta?.labels && Object.keys(meta.labels).length) options.labels = meta.labels;
  const annotations = withoutPlaceholderMark(meta?.annotations);
  if (annotations) options.annotations = annotations;
  return {
    name: s.name,
    ...(meta?.namespace ? { namespace: meta.namespace } : {}),
    envs: [secretEnvPath(s.name)],
    type: typeof s.object?.type === 'string' ? s.object.type : 'Opaque',
    ...(Object.keys(options).length ? { options } : {}),
  };
}

/** A commented template per secret file: keys with empty values, never real ones. */
export function secretExample(s: UserSecret): string {
  const lines = [`# Copy to ${s.name}.env and fill in; one KEY=value per line, no quotes (kustomize keeps them).`];
  for (const k of s.keys) lines.push(`# ${k.description}`, `${k.key}=`);
  return `${lines.join('\n')}\n`;
}
