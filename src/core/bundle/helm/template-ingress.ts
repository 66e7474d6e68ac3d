/** An Ingress → Helm template: class, host and TLS come from values (ingress.*). */
import { list, rec, type Rec } from '../inspect';
import type { TemplateContext } from './template-context';
import { goString } from './tokens';
import { BOOLEAN, STRING } from './values';

export function templateIngress(ctx: TemplateContext, obj: Rec): void {
  const spec = rec(obj.spec);
  const name = String(rec(obj.metadata)?.name ?? '');
  if (!spec) return;
  ctx.values.set(['ingress', 'enabled'], {
    value: true,
    schema: BOOLEAN,
    comment: 'Render the Ingress objects (public HTTP endpoints).',
  });
  ctx.values.set(['ingress', 'className'], {
    value: ctx.settings.ingressClass ?? '',
    schema: STRING,
    comment: 'IngressClass; "" uses the cluster default.',
  });
  const rules = list(spec.rules);
  const rule0 = rec(rules[0]);
  const host = typeof rule0?.host === 'string' ? rule0.host : '';
  ctx.values.section(['ingress', 'hosts'], 'Host per Ingress; "" serves any host.', {
    type: 'object',
    additionalProperties: STRING,
  });
  ctx.values.set(['ingress', 'hosts', name], { value: host, schema: STRING });
  const tls = list(spec.tls);
  const tls0 = rec(tls[0]);
  ctx.values.section(['ingress', 'tls'], 'TLS for every Ingress host.');
  ctx.values.set(['ingress', 'tls', 'enabled'], { value: tls.length > 0, schema: BOOLEAN });
  ctx.values.set(['ingress', 'tls', 'secretName'], {
    value: typeof tls0?.secretName === 'string' ? tls0.secretName : '',
    schema: STRING,
    comment: 'Certificate Secret; "" means "<ingress name>-tls".',
  });

  const hostExpr = `index .Values.ingress.hosts ${goString(name)}`;
  const out: Rec = {};
  out.ingressClassName = ctx.tokens.block(
    (indent, key) =>
      `${indent}{{- with .Values.ingress.className }}\n${indent}${key}: {{ . | quote }}\n${indent}{{- end }}`,
  );
  for (const [k, v] of Object.entries(spec)) if (k !== 'ingressClassName' && k !== 'tls' && k !== 'rules') out[k] = v;
  out.tls = ctx.tokens.block((indent, key) =>
    [
      `${indent}{{- if .Values.ingress.tls.enabled }}`,
      `${indent}${key}:`,
      `${indent}  - hosts:`,
      `${indent}      - {{ required ` +
        `${goString(`ingress.hosts.${name} is required when ingress.tls.enabled is true`)} (${hostExpr}) ` +
        `| quote }}`,
      `${indent}    secretName: {{ .Values.ingress.tls.secretName | default ${goString(`${name}-tls`)} | quote }}`,
      `${indent}{{- end }}`,
    ].join('\n'),
  );
  // `http` first so `host` is never the first key of a list item (its line gets a `with` guard).
  out.rules = rules.map((r, i) => {
    const rr = rec(r);
    if (!rr) return r;
    const { host: _host, ...rest } = rr;
    if (i > 0) return rr;
    return {
      ...rest,
      host: ctx.tokens.block(
        (indent, key) => `${indent}{{- with ${hostExpr} }}\n${indent}${key}: {{ . | quote }}\n${indent}{{- end }}`,
      ),
    };
  });
  obj.spec = out;
}
