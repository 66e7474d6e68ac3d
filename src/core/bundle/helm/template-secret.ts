/** User secrets → Helm templates: values come from secrets.<name> (required, never defaulted) or an existingSecret. */
import type { KubeObject } from '../../kube/objects';
import { rec, withoutPlaceholderMark, type Rec, type UserSecret } from '../inspect';
import type { TemplateContext } from './template-context';
import { goString, valuesAt } from './tokens';
import { STRING } from './values';

export function secretTemplate(ctx: TemplateContext, obj: Rec, s: UserSecret): void {
  ctx.values.section(
    ['secrets', s.name],
    `Secret "${s.name}". Set existingSecret to use one you created (keys: ${s.keys.map((k) => k.key).join(', ')}), ` +
      `or give every stringData value.`,
  );
  ctx.values.set(['secrets', s.name, 'existingSecret'], { value: '', schema: STRING });
  ctx.values.section(['secrets', s.name, 'stringData'], 'No defaults: secret values never live in values.yaml.', {
    type: 'object',
    additionalProperties: false,
  });
  const data: Rec = {};
  for (const k of s.keys) {
    const path = `secrets.${s.name}.stringData.${k.key}`;
    ctx.values.set(['secrets', s.name, 'stringData', k.key], {
      value: '',
      schema: STRING,
      comment: k.description,
      testValue: `test-only-${k.key}`,
    });
    const message = `${path} is required (${k.description}), or set secrets.${s.name}.existingSecret`;
    data[k.key] = ctx.tokens.scalar(
      `required ${goString(message)} (index ${valuesAt('secrets', s.name)}.stringData ${goString(k.key)}) | quote`,
    );
  }
  delete obj.data;
  obj.stringData = data;
  const meta = rec(obj.metadata);
  if (meta) {
    const annotations = withoutPlaceholderMark(rec(meta.annotations) as Record<string, string> | undefined);
    if (annotations) meta.annotations = annotations;
    else delete meta.annotations;
  }
}

/** Placeholder Secret objects the generator did not emit still need a template. */
export function syntheticSecret(s: UserSecret, namespace: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: s.name, ...(namespace ? { namespace } : {}) },
    type: 'Opaque',
    stringData: Object.fromEntries(s.keys.map((k) => [k.key, ''])),
  };
}
