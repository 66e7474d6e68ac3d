/**
 * Secret parameters reach workloads only through Secret references; no literal secret values
 * in env (by name: password/secret/token…, or by shape: `Password=…` in a connection string,
 * `user:pass@` in a URL), and a parameter's design-time default never appears in the bundle.
 */
import { parseTemplate } from '../../model/template';
import type { Resource } from '../../model/topology';
import { evidenceAt, getIn, type KObj, type Workload } from '../bundle-index';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { containerEnv, expand, type EnvEntry, type Expanded } from '../env';
import { generatedEnv } from '../regenerate';
import { fix } from '../snippets';
import type { Evidence, ParityFix, ParityRow } from '../types';
import { literalPassword } from './connection-strings';
import { isSecretName } from '../../model/secret-values';

/** Literal env values that look like credentials (by name or by content). */
export function literalSecrets(entries: readonly EnvEntry[], expandOf: (e: EnvEntry) => Expanded): EnvEntry[] {
  return entries.filter((e) => {
    if (e.source !== 'literal' && e.source !== 'configmap' && e.source !== 'configmap-envfrom') return false;
    const v = e.value ?? '';
    if (!v || /^\$\([^)]+\)$/.test(v.trim())) return false;
    const x = expandOf(e);
    if (literalPassword(x.text)) return true;
    // Secret material spliced in with $(VAR) (MILVUS_TOKEN=root:$(SECRET)): the literal rest is a
    // user name or a scheme, not a credential; a written-out password is caught just above.
    if (x.fromSecret) return false;
    // The generator's own name rule (model/secret-values.ts): a row cannot disagree with it.
    return isSecretName(e.name) && !/^(true|false|\d+)$/i.test(v);
  });
}

/**
 * Parameter → the resources and env keys whose templates mention it, read once per check
 * (asking every resource about every parameter was quadratic in a 300-resource design).
 */
function parameterUses(resources: readonly Resource[]): Map<string, { resource: Resource; keys: string[] }[]> {
  const uses = new Map<string, { resource: Resource; keys: string[] }[]>();
  for (const r of resources) {
    const keysOf = new Map<string, string[]>();
    for (const e of r.env) {
      const mentioned = new Set<string>();
      for (const part of parseTemplate(e.value)) if (typeof part !== 'string') mentioned.add(part.resource);
      for (const param of mentioned) keysOf.set(param, [...(keysOf.get(param) ?? []), e.name]);
    }
    for (const [param, keys] of keysOf) {
      const list = uses.get(param) ?? [];
      list.push({ resource: r, keys });
      uses.set(param, list);
    }
  }
  return uses;
}

export function parameterRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const uses = parameterUses(ctx.topology.resources);
  let texts: { o: KObj; text: string }[] | undefined;
  for (const p of ctx.topology.resources) {
    if (p.kind !== 'parameter' || !p.parameter?.secret) continue;
    // The row reads the matches of the parameter's users and, to find a leaked default, every object.
    const def = p.parameter.default?.kind === 'value' ? p.parameter.default.value : undefined;
    const users = (uses.get(p.name) ?? []).map(({ resource }) => ctx.matchKey(resource.name)).join('\u0001');
    const key = `${users}\u0000${def && def.length >= 4 ? ctx.version('objects', ctx.idx.objects) : ''}`;
    rows.push(
      ctx.remember('secret-parameter', p, key, () =>
        secretParameterRow(ctx, p, uses, () => (texts ??= objectTexts(ctx))),
      ),
    );
  }
  // Per workload: no literal credentials anywhere in its environment.
  const seen = new Set<Workload>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (!m) continue;
    seen.add(m.workload);
    rows.push(ctx.remember('secret-literals', r, ctx.matchKey(r.name), () => secretLiteralsRow(ctx, r, m)));
  }
  // Workloads that run no Aspire resource (sidecars, extra tools) still must not hold credentials.
  for (const w of ctx.idx.workloads) {
    if (!seen.has(w))
      rows.push(
        ...ctx.rememberDoc('secret-literals', w, String(ctx.configVersion), () => unmatchedWorkloadRows(ctx, w)),
      );
  }
  return rows;
}

function objectTexts(ctx: CheckContext): { o: KObj; text: string }[] {
  return ctx.idx.objects.filter((o) => o.kind !== 'Secret').map((o) => ({ o, text: JSON.stringify(o.obj) }));
}

function secretParameterRow(
  ctx: CheckContext,
  p: Resource,
  uses: ReturnType<typeof parameterUses>,
  texts: () => { o: KObj; text: string }[],
): ParityRow {
  const base = {
    rule: 'secret-parameter',
    resource: p.name,
    declaration: `AddParameter("${p.name}", secret: true)`,
    requirement: `The secret parameter ${p.name} reaches workloads only through Secret references`,
    checklist: ['secrets'],
  };
  const problems: string[] = [];
  const evidence: Evidence[] = [];
  let checked = 0;
  for (const { resource: r, keys } of uses.get(p.name) ?? []) {
    const m = ctx.match(r.name);
    if (!m) continue;
    for (const k of keys) {
      const e = m.env.get(k);
      if (!e) continue; // absence is the consumer's own row (connection string, env)
      checked++;
      evidence.push(e.evidence);
      const secretBacked =
        e.source === 'secret' ||
        e.source === 'secret-envfrom' ||
        (expand(m.env, e).fromSecret && !literalPassword(expand(m.env, e).text));
      if (!secretBacked) problems.push(`${r.name}: ${k} is a ${e.source === 'literal' ? 'literal value' : e.source}`);
    }
  }
  // A design-time default must never be written into the bundle.
  const def = p.parameter?.default?.kind === 'value' ? p.parameter.default.value : undefined;
  if (def && def.length >= 4) {
    for (const { o, text } of texts()) {
      if (text.includes(def)) {
        problems.push(`its default value appears in ${o.kind} ${o.name}`);
        evidence.push(evidenceAt(o));
      }
    }
  }
  if (problems.length)
    return row({
      ...base,
      status: 'fail',
      detail: `${problems.join('; ')}.`,
      evidence,
      fix: fix('Store the value in a Secret and reference it with valueFrom.secretKeyRef.'),
    });
  if (checked === 0)
    return row({
      ...base,
      status: 'unknown',
      detail:
        'No workload in the bundle reads it directly (it may be inside a connection string, checked on that row); ' +
        'verify the Secret holding it exists before applying.',
    });
  return row({
    ...base,
    status: 'pass',
    detail: `${checked} use${checked === 1 ? '' : 's'}, all from Secrets.`,
    evidence,
  });
}

function secretLiteralsRow(ctx: CheckContext, r: Resource, m: ResourceMatch): ParityRow {
  const found = literalSecrets(m.env.entries, (e) => expand(m.env, e));
  return row({
    rule: 'secret-literals',
    resource: r.name,
    declaration: 'Secret parameters',
    requirement: `${r.name}'s environment holds no literal passwords, tokens or keys`,
    status: found.length ? 'fail' : 'pass',
    detail: found.length
      ? `Literal credential${found.length > 1 ? 's' : ''} in ${found.map((e) => e.name).join(', ')}.`
      : `${m.env.entries.length} variables, none a literal credential.`,
    evidence: found.length ? found.map((e) => e.evidence) : [evidenceAt(m.workload, m.container.path)],
    ...(found.length ? { fix: secretRefFix(ctx, r.name, m, found[0]!.name) } : {}),
    checklist: ['secrets'],
  });
}

function unmatchedWorkloadRows(ctx: CheckContext, w: Workload): ParityRow[] {
  const rows: ParityRow[] = [];
  for (const c of w.containers) {
    const env = containerEnv(ctx.idx, w, c);
    const found = literalSecrets(env.entries, (e) => expand(env, e));
    if (found.length)
      rows.push(
        row({
          rule: 'secret-literals',
          resource: `${w.kind}/${w.name}`,
          detailKey: c.name,
          declaration: 'Secret parameters',
          requirement: `Container ${c.name} holds no literal credentials`,
          status: 'fail',
          detail: `Literal credential in ${found.map((e) => e.name).join(', ')}.`,
          evidence: found.map((e) => e.evidence),
          checklist: ['secrets'],
        }),
      );
  }
  return rows;
}

/**
 * The generator's Secret reference for a literal credential, placed on the env list when every
 * Secret it reads is in the bundle (or pre-created); else a fragment to paste with its Secret.
 */
function secretRefFix(ctx: CheckContext, resource: string, m: ResourceMatch, name: string): ParityFix {
  const gen = generatedEnv(ctx.topology, ctx.settings, resource, name);
  const reads = gen.flatMap((e) => {
    const s = getIn(e, ['valueFrom', 'secretKeyRef', 'name']);
    return typeof s === 'string' ? [s] : [];
  });
  if (gen.length && reads.length && reads.every((s) => ctx.secretKnown(s)))
    return fix(
      `Read ${name} from Secret ${reads[0]}, as the generator writes it.`,
      gen,
      m.workload.doc.file,
      [...m.container.path, 'env'],
      m.workload.doc.startLine,
    );
  return fix(`Move ${name} into a Secret and reference it.`, {
    name,
    valueFrom: {
      secretKeyRef: { name: `${ctx.k8sName(resource)}-secrets`, key: name.toLowerCase().replace(/_+/g, '-') },
    },
  });
}
