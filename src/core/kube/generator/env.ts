/**
 * Environment variables: every manifest env template rendered to what Kubernetes needs.
 *
 * - A value that is exactly one secret (a secret parameter, an external connection string)
 *   becomes `valueFrom.secretKeyRef`.
 * - A value that embeds secrets (a connection string with a password) is spliced with
 *   Kubernetes' `$(VAR)` expansion from helper variables that come from Secrets, so the
 *   workload never holds a secret value and the password lives in exactly one Secret.
 * - Endpoint expressions resolve to the Service DNS name and Service port.
 * Literal `$(` in user text is escaped as `$$(` so Kubernetes does not expand it.
 */
import { isLiteralSecret } from '../../model/secret-values';
import { diag } from '../../model/diagnostics';
import { envKeyName } from '../../model/names';
import { resolveEndpoints, isExternalManaged } from '../../model/semantics';
import { parseTemplate, type Expression } from '../../model/template';
import type { Resource } from '../../model/topology';
import { connectionStringEnv } from '../../model/integrations/references';
import { uriConst } from '../../model/integrations/types';
import { k8sName, type GenContext } from './context';
import type { EnvBuilder } from './env-builder';
import {
  connectionSecret,
  isSecretParameter,
  literalSecret,
  outputSecret,
  parameterSecret,
  type SecretRef,
} from './secrets';

export { EnvBuilder, type EnvVarOut } from './env-builder';

/** A rendered piece: either plain text, or "exactly this secret" (usable as secretKeyRef). */
type Rendered = { text: string; secret?: SecretRef; configMap?: { name: string; key: string } };

const MAX_DEPTH = 8;

/**
 * The resources whose templates are being expanded, outermost first; `[0]` is the consumer
 * whose env or args are rendered. A target already in it (after the consumer itself, which may
 * read its own connection string) closes a reference cycle.
 */
type Expansion = readonly string[];

function escapeLiteral(text: string): string {
  return text.replace(/\$\(/g, '$$$$(');
}

export function parametersConfigMapName(ctx: GenContext): string {
  return `${ctx.appLabel}-parameters`;
}

function renderParameter(ctx: GenContext, p: Resource, env: EnvBuilder, whole: boolean): Rendered {
  if (isSecretParameter(p) || ctx.credentialParameters.has(p.name)) {
    const ref = parameterSecret(ctx, p);
    return whole ? { text: '', secret: ref } : { text: env.helperFromSecret(ref) };
  }
  if (p.parameter?.default?.kind === 'value') return { text: escapeLiteral(p.parameter.default.value) };
  // A plain parameter with no published value: the user sets it in the shared ConfigMap.
  const key = p.name.replace(/[^-._a-zA-Z0-9]/g, '-');
  ctx.parameterKeys.set(key, p.name);
  const cm = parametersConfigMapName(ctx);
  return whole
    ? { text: '', configMap: { name: cm, key } }
    : { text: env.helperFromConfigMap(`PARAM_${envKeyName(p.name)}`, cm, key) };
}

/** The connection string template of a resource, synthesised when the design has none. */
export function connectionTemplate(r: Resource): string | undefined {
  if (r.connectionString !== undefined) return r.connectionString;
  if (r.kind === 'database' && r.parent) return `{${r.parent}.connectionString};Database=${r.databaseName ?? r.name}`;
  const tcp = r.endpoints.find((e) => e.transport === 'tcp') ?? r.endpoints[0];
  if (tcp) return `{${r.name}.bindings.${tcp.name}.host}:{${r.name}.bindings.${tcp.name}.port}`;
  return undefined;
}

/** True when a resource's connection string lives outside the cluster (the user provides it whole). */
function isExternalConnection(ctx: GenContext, r: Resource): boolean {
  // Not deployed here (cloud, legacy or unknown types, executables): the user provides the string.
  if (r.kind === 'connection-string' || r.kind === 'cloud' || r.kind === 'unknown' || r.kind === 'executable')
    return true;
  if (isExternalManaged(r)) return true;
  if (r.kind === 'database' && r.parent) {
    const parent = ctx.byName.get(r.parent);
    return parent !== undefined && isExternalManaged(parent);
  }
  return false;
}

function renderExpression(
  ctx: GenContext,
  consumer: Resource,
  e: Expression,
  env: EnvBuilder,
  whole: boolean,
  chain: Expansion,
): Rendered {
  const target = ctx.byName.get(e.resource);
  if (!target) return { text: e.text };
  const path = e.path;
  switch (path.kind) {
    case 'value':
    case 'inputs.value':
    case 'connectionString': {
      if (target.kind === 'parameter') return renderParameter(ctx, target, env, whole);
      if (isExternalConnection(ctx, target)) {
        const ref = connectionSecret(ctx, target);
        return whole ? { text: '', secret: ref } : { text: env.helperFromSecret(ref) };
      }
      const template =
        target.kind === 'value' && path.kind === 'value' && target.connectionString === undefined
          ? (target.raw as { value?: string } | undefined)?.value
          : connectionTemplate(target);
      const cycleStart = chain.indexOf(target.name, 1);
      if (cycleStart >= 0) {
        const cycle = [...chain.slice(cycleStart), target.name].join(' → ');
        ctx.diagnostics.push(
          diag(
            'warning',
            'reference-cycle',
            `${chain[0]}: ${e.text} in ${consumer.name} closes a reference cycle (${cycle}); it is left as written.`,
            { resource: chain[0]! },
          ),
        );
        return { text: e.text };
      }
      if (template === undefined || chain.length > MAX_DEPTH) {
        ctx.diagnostics.push(
          diag(
            'warning',
            'unresolved-expression',
            `${consumer.name}: cannot resolve ${e.text}; it is left as written.`,
            { resource: consumer.name },
          ),
        );
        return { text: e.text };
      }
      const rendered = renderTemplate(ctx, target, template, env, whole, [...chain, target.name]);
      return isUriFiltered(target) ? uriEncoded(ctx, target, rendered) : rendered;
    }
    case 'binding': {
      const resolved = resolveEndpoints(target).find((x) => x.endpoint.name === path.endpoint);
      if (!resolved) return { text: e.text };
      const host = k8sName(ctx, target.name);
      switch (path.property) {
        case 'url':
          return { text: `${resolved.clusterScheme}://${host}:${resolved.servicePort}` };
        case 'host':
          return { text: host };
        case 'port':
          return { text: String(resolved.servicePort) };
        case 'targetPort':
          return { text: String(resolved.containerPort) };
        case 'scheme':
          return { text: resolved.clusterScheme };
        case 'tlsEnabled':
          return { text: resolved.clusterScheme === 'https' ? 'True' : 'False' };
      }
      return { text: e.text };
    }
    case 'output':
    case 'keyvault-secret': {
      const ref = outputSecret(ctx, target, path.name);
      return whole ? { text: '', secret: ref } : { text: env.helperFromSecret(ref) };
    }
    case 'containerImage':
      return { text: target.image ?? e.text };
    case 'containerPort': {
      const first = resolveEndpoints(target)[0];
      return { text: first ? String(first.containerPort) : e.text };
    }
  }
}

/** annotated.string with `filter: "uri"`: the value reaches consumers URI-encoded (`{param:uri}`). */
function isUriFiltered(r: Resource): boolean {
  return r.sourceType === 'annotated.string' && (r.raw as { filter?: unknown } | undefined)?.filter === 'uri';
}

/** What .NET's Uri.EscapeDataString does (one implementation: the catalogue's uriConst). */
const escapeDataString = uriConst;

/**
 * Encode a value known now; one read from a Secret or ConfigMap at run time cannot be encoded
 * here (Kubernetes splices it verbatim), so say that it must be stored encoded.
 */
function uriEncoded(ctx: GenContext, filtered: Resource, r: Rendered): Rendered {
  const spliced = /(^|[^$])\$\(/.test(r.text);
  if (r.secret || r.configMap || spliced) {
    // Once per encoded value, not once per consumer: the fix is in one place.
    const said = ctx.diagnostics.some((d) => d.code === 'uri-filter-at-runtime' && d.resource === filtered.name);
    const source = (filtered.raw as { value?: string } | undefined)?.value ?? filtered.name;
    if (!said)
      ctx.diagnostics.push(
        diag(
          'warning',
          'uri-filter-at-runtime',
          `${filtered.name}: ${source} is used URI-encoded, but Kubernetes inserts the Secret or ConfigMap value as ` +
            `stored; store it URI-encoded, or use only letters, digits and - . _ ~ in it.`,
          { resource: filtered.name },
        ),
      );
    return r;
  }
  return { text: escapeLiteral(escapeDataString(r.text.replace(/\$\$\(/g, '$('))) };
}

/** Render a whole template; `whole` allows returning a bare secret/config reference. */
function renderTemplate(
  ctx: GenContext,
  consumer: Resource,
  template: string,
  env: EnvBuilder,
  whole: boolean,
  chain: Expansion,
): Rendered {
  const parts = parseTemplate(template, (n) => ctx.byName.has(n), true);
  if (whole && parts.length === 1 && typeof parts[0] !== 'string') {
    return renderExpression(ctx, consumer, parts[0]!, env, true, chain);
  }
  let text = '';
  for (const part of parts) {
    text +=
      typeof part === 'string' ? escapeLiteral(part) : renderExpression(ctx, consumer, part, env, false, chain).text;
  }
  return { text };
}

/**
 * Connection properties (`DB_HOST`, `DB_PASSWORD`, …) of references whose server is an external
 * managed service: they name the in-cluster server and its generated password, which do not
 * exist then. The connection string comes whole from the user's Secret; the properties are left
 * out, and said once per consumer.
 */
export function externalPropertyNames(ctx: GenContext, consumer: Resource): Set<string> {
  const out = new Set<string>();
  const lookup = (n: string) => ctx.byName.get(n);
  for (const e of consumer.env) {
    const m = e.name.startsWith('ConnectionStrings__') ? e.value.match(/^\{([^{}]+)\.connectionString\}$/) : null;
    const target = m ? ctx.byName.get(m[1]!) : undefined;
    if (!target || !isExternalConnection(ctx, target) || target.kind === 'connection-string') continue;
    const connectionName = e.name.slice('ConnectionStrings__'.length);
    for (const p of connectionStringEnv(target, lookup, connectionName).slice(1)) {
      if (consumer.env.some((x) => x.name === p.name && x.value === p.value)) out.add(p.name);
    }
  }
  if (out.size > 0) {
    ctx.diagnostics.push(
      diag(
        'info',
        'external-connection-properties',
        `${consumer.name}: ${[...out].join(', ')} describe a server that is external here; they are not generated ` +
          `(the connection string comes from its Secret).`,
        { resource: consumer.name },
      ),
    );
  }
  return out;
}

/** Render one env entry of `consumer` into the builder. */
export function addEnv(ctx: GenContext, consumer: Resource, name: string, template: string, env: EnvBuilder): void {
  const r = renderTemplate(ctx, consumer, template, env, true, [consumer.name]);
  if (r.secret) env.set({ name, valueFrom: { secretKeyRef: { name: r.secret.secretName, key: r.secret.key } } });
  else if (r.configMap)
    env.set({ name, valueFrom: { configMapKeyRef: { name: r.configMap.name, key: r.configMap.key } } });
  else if (isLiteralSecret(name, r.text)) {
    const ref = literalSecret(ctx, consumer, name);
    ctx.diagnostics.push(
      diag(
        'warning',
        'literal-secret',
        `${consumer.name}: ${name} holds a secret in plain text in the input; it now comes from Secret ` +
          `"${ref.secretName}" (key ${ref.key}), which you fill.`,
        { resource: consumer.name, field: `env.${name}` },
      ),
    );
    env.set({ name, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } });
  } else env.set({ name, value: r.text });
}

/** Render an arg or any other string (secrets are spliced with $(VAR), which Kubernetes expands in args too). */
export function renderString(ctx: GenContext, consumer: Resource, template: string, env: EnvBuilder): string {
  return renderTemplate(ctx, consumer, template, env, false, [consumer.name]).text;
}
