import { expressionsIn, parseTemplate } from '../../model/template';
/**
 * WithReference(database/cache/connection string) → `ConnectionStrings__<name>` spelled
 * exactly as .NET reads it, sourced from a Secret, and that Secret and key exist in the bundle
 * or are listed as pre-created.
 */
import { hasLiteralPassword } from '../../model/connection-string';
import type { Reference, Resource } from '../../model/topology';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { expand, type EnvEntry } from '../env';
import { fix } from '../snippets';
import { secretRefFix } from './connection-secret-fix';
import type { ParityRow } from '../types';
import { designHasSecret } from './connection-secrecy';

/** The env key the consumer reads the target's connection string from. */
export function connectionKey(consumer: Resource, target: Resource): string {
  const fromDesign = consumer.env.find((e) =>
    parseTemplate(e.value).some(
      (p) => typeof p !== 'string' && p.resource === target.name && p.path.kind === 'connectionString',
    ),
  );
  return fromDesign?.name ?? `ConnectionStrings__${target.name}`;
}

/** A literal credential in a connection string or URL (not a `$(VAR)` reference), read in linear time. */
export function literalPassword(text: string): boolean {
  return hasLiteralPassword(text);
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function secretFix(ctx: CheckContext, m: ResourceMatch, key: string, target: Resource) {
  const secretName = `${ctx.k8sName(target.name)}-connection`;
  return fix(
    `Read ${key} from a Secret (create ${secretName} with key connection-string, or list it with ` +
      `--pre-created-secret).`,
    [{ name: key, valueFrom: { secretKeyRef: { name: secretName, key: 'connection-string' } } }],
    m.workload.doc.file,
    [...m.container.path, 'env'],
  );
}

/**
 * WithReference(db) means the consumer's configuration carries db's connection string. A
 * reference that only composes a server's own connection string (Aspire's `cond-*` TLS
 * values) or an argument injects no ConnectionStrings__ key, so it has no row here.
 */
function injectsConnectionString(consumer: Resource, target: string): boolean {
  return consumer.env.some((e) =>
    expressionsIn(e.value).some(
      (x) => x.resource === target && (x.path.kind === 'connectionString' || x.path.kind === 'value'),
    ),
  );
}

export function connectionStringRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  for (const ref of ctx.topology.references) {
    if (ref.kind !== 'connection-string') continue;
    const consumer = ctx.resources.get(ref.from);
    const target = ctx.resources.get(ref.to);
    if (!consumer || !target || !injectsConnectionString(consumer, target.name)) continue;
    // A reference's rows read the consumer's match (its env) and the bundle's Secrets, which
    // the match key already covers; pre-created Secrets are options, part of every key.
    rows.push(
      ...ctx.remember('connection-strings', ref, ctx.matchKey(consumer.name), () =>
        rowsFor(ctx, ref, consumer, target),
      ),
    );
  }
  return rows;
}

function rowsFor(ctx: CheckContext, _ref: Reference, consumer: Resource, target: Resource): ParityRow[] {
  const key = connectionKey(consumer, target);
  const declaration = `WithReference(${target.name})`;
  const keyBase = {
    rule: 'connection-string',
    resource: consumer.name,
    detailKey: target.name,
    declaration,
    requirement: `${key} is set from a Secret`,
    checklist: ['connection-keys', 'secrets'],
  };
  const secBase = {
    rule: 'connection-secret',
    resource: consumer.name,
    detailKey: target.name,
    declaration,
    requirement: `The Secret behind ${key} exists in the bundle or is pre-created`,
    checklist: ['secrets'],
  };
  const m = ctx.match(consumer.name);
  if (!m) return [row({ ...keyBase, status: 'unknown', detail: `No workload runs ${consumer.name}.` })];
  const entry = m.env.get(key);
  if (!entry) {
    const near = m.env.entries.find(
      (e) => e.name.toLowerCase() === key.toLowerCase() || e.name.replace(':', '__') === key,
    );
    if (near && near.name.includes(':'))
      return [
        row({
          ...keyBase,
          status: 'warn',
          detail:
            `${near.name} works in .NET, but ${key} is the portable spelling (":" is not valid in shell ` +
            `variable names).`,
          evidence: [near.evidence],
        }),
      ];
    const misspelt =
      near ??
      m.env.entries.find(
        (e) => /^connectionstrings(__|:)/i.test(e.name) && levenshtein(e.name.toLowerCase(), key.toLowerCase()) <= 3,
      );
    if (misspelt)
      return [
        row({
          ...keyBase,
          status: 'fail',
          detail: `Found ${misspelt.name}; .NET reads ${key} (a spelling mismatch makes the first database call fail).`,
          evidence: [misspelt.evidence],
          fix: fix(`Rename ${misspelt.name} to ${key}.`, key, m.workload.doc.file, [...misspelt.path, 'name']),
        }),
      ];
    const opaque = m.env.opaqueSecretSources[0] ?? m.env.opaqueConfigMapSources[0];
    if (opaque)
      return [
        row({
          ...keyBase,
          status: 'unknown',
          detail:
            `${key} is not set in the bundle; it may come from ${opaque.name} via envFrom (not in the ` +
            `bundle). Verify the key ${opaque.prefix ? `(prefix ${opaque.prefix}) ` : ''}exists.`,
          evidence: [opaque.evidence],
        }),
      ];
    return [
      row({
        ...keyBase,
        status: 'fail',
        detail: `${consumer.name} has no ${key}.`,
        evidence: [
          m.workload
            ? { file: m.workload.doc.file, line: m.workload.doc.rangeOf(m.container.path).line }
            : { file: '', line: 0 },
        ],
        fix: secretFix(ctx, m, key, target),
      }),
    ];
  }
  const out: ParityRow[] = [];
  const expanded = expand(m.env, entry);
  const secretRefs = secretPartsOf(m, entry);
  if (entry.source === 'secret' || entry.source === 'secret-envfrom')
    out.push(
      row({
        ...keyBase,
        status: 'pass',
        detail: `${key} ← Secret ${entry.secretName}/${entry.secretKey}.`,
        evidence: [entry.evidence],
      }),
    );
  else if (literalPassword(expanded.text))
    out.push(
      row({
        ...keyBase,
        status: 'fail',
        detail:
          `${key} holds a literal password in ` +
          `${entry.source === 'literal' ? 'the workload' : `ConfigMap ${entry.configMapName}`}.`,
        evidence: [entry.evidence],
        fix: secretFix(ctx, m, key, target),
      }),
    );
  else if (expanded.fromSecret)
    out.push(
      row({
        ...keyBase,
        status: 'pass',
        detail: `${key} is composed from ${secretRefs.map((s) => `Secret ${s.secretName}/${s.secretKey}`).join(', ')}.`,
        evidence: [entry.evidence],
      }),
    );
  else if (!designHasSecret(ctx, target))
    out.push(
      row({
        ...keyBase,
        status: 'pass',
        detail:
          `${key} is ${entry.source === 'literal' ? 'a literal value' : `from ${entry.source}`}; the design's ` +
          `connection string holds no credentials, so a Secret is not required.`,
        evidence: [entry.evidence],
      }),
    );
  else if (ctx.topology.unmodelled?.some((u) => u.resource === target.name))
    // Import could not read how the App Host composes this string (its own unknown row says so):
    // whether it holds credentials is not known, so neither is whether it needs a Secret.
    out.push(
      row({
        ...keyBase,
        status: 'unknown',
        detail:
          `${key} is ${entry.source === 'literal' ? 'a literal value' : `from ${entry.source}`}; import could ` +
          `not read how the App Host composes ${target.name}, so verify it holds no credentials or move it into ` +
          `a Secret.`,
        evidence: [entry.evidence],
        fix: secretFix(ctx, m, key, target),
      }),
    );
  else {
    out.push(
      row({
        ...keyBase,
        status: 'fail',
        detail:
          `${key} is ` +
          `${entry.source === 'literal' ? 'a literal value in the workload' : `from ${entry.source}`}, ` +
          `not a Secret.`,
        evidence: [entry.evidence],
        fix: secretFix(ctx, m, key, target),
      }),
    );
  }
  if (secretRefs.length === 0) return out;
  const missing: string[] = [];
  const notes: string[] = [];
  for (const s of secretRefs) {
    const known = ctx.secretKnown(s.secretName ?? '');
    if (known === 'pre-created') notes.push(`${s.secretName} is pre-created (verify key ${s.secretKey})`);
    else if (known === 'bundle') {
      const keys = ctx.idx.secrets.get(s.secretName ?? '')!.keys;
      if (!keys.has(s.secretKey ?? '')) missing.push(`Secret ${s.secretName} has no key ${s.secretKey}`);
      else notes.push(`Secret ${s.secretName}/${s.secretKey}`);
    } else missing.push(`Secret ${s.secretName} is neither in the bundle nor listed as pre-created`);
  }
  const ev = [
    entry.evidence,
    ...secretRefs.flatMap((s) => {
      const o = ctx.idx.secrets.get(s.secretName ?? '');
      return o ? [{ file: o.obj.doc.file, line: o.obj.doc.startLine }] : [];
    }),
  ];
  out.push(
    missing.length
      ? row({
          ...secBase,
          status: 'fail',
          detail: `${missing.join('; ')}.`,
          evidence: ev,
          fix: secretRefFix(ctx, secretRefs),
        })
      : row({ ...secBase, status: 'pass', detail: `${notes.join('; ')}.`, evidence: ev }),
  );
  return out;
}

/** Secret-backed entries that make up a value (itself, or the `$(VAR)`s it expands). */
function secretPartsOf(m: ResourceMatch, entry: EnvEntry): EnvEntry[] {
  if (entry.source === 'secret' || entry.source === 'secret-envfrom') return [entry];
  const out: EnvEntry[] = [];
  const raw = entry.value ?? '';
  for (const mm of raw.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g)) {
    const ref = m.env.entries
      .slice(0, m.env.entries.indexOf(entry))
      .filter((e) => e.name === mm[1])
      .pop();
    if (ref) out.push(...secretPartsOf(m, ref));
  }
  return out;
}
