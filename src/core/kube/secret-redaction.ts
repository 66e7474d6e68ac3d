/**
 * A design with every credential replaced, for anything that leaves the running app by
 * default: share links (always), "Save design", autosave and the App Host export (unless the
 * user opts in to keep them). The bundle already keeps these values out of workloads by moving
 * them to Secrets; a link or file must not carry them either.
 *
 * Detection is the generator's own (one implementation): secret and credential-in-practice
 * parameters (kube/generator/secrets.ts, credentials.ts), credential-named env values and
 * written-out `Password=`, `user:pass@`, `AccountKey=` (model/secret-values.ts,
 * model/connection-string.ts). Every other string of the design is scanned too, so a credential
 * in an argument, a connection string, an unmodelled snippet or a hand-edited file is caught.
 */
import { redactCredentials } from '../model/connection-string';
import type { DesignDoc } from '../model/design';
import { isSecretName } from '../model/secret-values';
import { parseTemplate } from '../model/template';
import type { Resource, Topology, Unmodelled } from '../model/topology';
import { credentialParameters } from './generator/credentials';
import { isSecretParameter } from './generator/secrets';

/** What replaces a secret: `<secret:…>` is a reference to every detector, so redaction is idempotent. */
export const REDACTED = '<secret:redacted>';

/** A credential name, not counting our own placeholder (a name may hold it after redaction). */
function secretNamed(name: string): boolean {
  return isSecretName(name.split(REDACTED).join(''));
}

export interface Redaction<T> {
  value: T;
  /** Where a credential was replaced ("pg-password default", "api env DB_PASSWORD"). */
  replaced: string[];
}

/** A template's literal text replaced, its `{resource.path}` expressions kept. */
function redactLiterals(template: string): string {
  return parseTemplate(template)
    .map((p) => (typeof p === 'string' ? (p.trim() ? REDACTED : p) : p.text))
    .join('');
}

/** Every string (and object key) in a JSON-like value with written-out credentials replaced. */
function deepRedact<T>(value: T, where: string, replaced: string[]): T {
  if (typeof value === 'string') {
    const out = redactCredentials(value, REDACTED);
    if (out !== value) replaced.push(where);
    return out as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => deepRedact(v, `${where}[${i}]`, replaced)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[deepRedact(k, `${where} key`, replaced)] = deepRedact(v, `${where}.${k}`, replaced);
    return out as T;
  }
  return value;
}

/** Every string of a subtree replaced (the value of a secret input). */
function redactAll(value: unknown): unknown {
  if (typeof value === 'string') return value && value !== REDACTED ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redactAll);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v)]));
  return value;
}

/**
 * The original JSON of a resource we keep but do not model (`raw`): free-form, so the rules
 * of the typed fields apply by shape: an input marked `secret` loses its default and value,
 * a credential-named key (`POSTGRES_PASSWORD`, `{name, value}` pairs alike) its literal value.
 * An input marked `secret` keeps only its type: every other field may hold the value.
 */
function redactRaw(value: unknown, where: string, replaced: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => redactRaw(v, `${where}[${i}]`, replaced));
  if (value === null || typeof value !== 'object') return deepRedact(value, where, replaced);
  const obj = value as Record<string, unknown>;
  const secretInput = obj.secret === true;
  const namedSecret = typeof obj.name === 'string' && secretNamed(obj.name);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = deepRedact(k, `${where} key`, replaced);
    const literal = typeof v === 'string' && v !== '' && !v.includes('$(') && redactLiterals(v) !== v;
    if (secretInput && k !== 'type' && k !== 'secret') {
      out[key] = redactAll(v);
      if (JSON.stringify(out[key]) !== JSON.stringify(v)) replaced.push(`${where}.${k}`);
    } else if (literal && (secretNamed(k) || (namedSecret && k === 'value'))) {
      out[key] = redactLiterals(v);
      replaced.push(`${where}.${k}`);
    } else out[key] = redactRaw(v, `${where}.${k}`, replaced);
  }
  return out;
}

function redactResource(r: Resource, credentialParams: ReadonlySet<string>, replaced: string[]): Resource {
  let out = r;
  const p = r.parameter;
  if (p?.default?.kind === 'value' && (isSecretParameter(r) || credentialParams.has(r.name))) {
    const { default: _dropped, ...parameter } = p;
    out = { ...out, parameter };
    replaced.push(`${r.name} default`);
  }
  if (r.env.some((e) => secretNamed(e.name))) {
    out = {
      ...out,
      env: r.env.map((e) => {
        if (!secretNamed(e.name) || e.value.includes('$(')) return e;
        const value = redactLiterals(e.value);
        if (value === e.value) return e;
        replaced.push(`${r.name} env ${e.name}`);
        return { ...e, value };
      }),
    };
  }
  const { raw, ...typed } = out;
  const redacted = deepRedact(typed, r.name, replaced);
  return raw === undefined ? redacted : { ...redacted, raw: redactRaw(raw, `${r.name} (as written)`, replaced) };
}

/** Literal strings in `before` that redaction replaced in `after` (same shape, walked together). */
function removedSecrets(before: unknown, after: unknown, out: Set<string>): void {
  if (typeof before === 'string') {
    // A whole value replaced (a credential-named variable, a secret input's field).
    if (after === REDACTED && before !== REDACTED && before.trim().length >= 4) out.add(before.trim());
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) before.forEach((b, i) => removedSecrets(b, after[i], out));
  else if (before && after && typeof before === 'object' && typeof after === 'object') {
    for (const [k, v] of Object.entries(before)) removedSecrets(v, (after as Record<string, unknown>)[k], out);
    const p = (before as Resource).parameter;
    if (
      p?.default?.kind === 'value' &&
      (after as Resource).parameter?.default === undefined &&
      p.default.value.trim().length >= 4
    )
      out.add(p.default.value.trim());
  }
}

/** Leaves of free-form JSON equal to a known secret replaced. */
function scrubLeaves(value: unknown, secrets: ReadonlySet<string>, where: string, replaced: string[]): unknown {
  if (typeof value === 'string') {
    if (!secrets.has(value.trim())) return value;
    replaced.push(where);
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((v, i) => scrubLeaves(v, secrets, `${where}[${i}]`, replaced));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, scrubLeaves(v, secrets, `${where}.${k}`, replaced)]),
    );
  return value;
}

/**
 * A value found secret in one place is secret everywhere it is repeated whole: an env value or
 * argument under another name, a leaf of unmodelled JSON. Names, images and references are
 * never touched (a password "postgres" must not rename the postgres resource).
 */
function scrubResource(r: Resource, secrets: ReadonlySet<string>, replaced: string[]): Resource {
  const env = r.env.map((e) =>
    secrets.has(e.value.trim()) ? (replaced.push(`${r.name} env ${e.name}`), { ...e, value: REDACTED }) : e,
  );
  const args = r.args.map((a, i) => (secrets.has(a.trim()) ? (replaced.push(`${r.name} args[${i}]`), REDACTED) : a));
  return {
    ...r,
    env,
    args,
    ...(r.raw === undefined ? {} : { raw: scrubLeaves(r.raw, secrets, `${r.name} (as written)`, replaced) }),
  };
}

/** `"NAME", "value"` in quoted source (an unmodelled call's message): the value of a credential name replaced. */
const CODE_PAIR = /"([^"\n]{1,200})"(\s*,\s*)"([^"\n]*)"/g;

function redactCodePairs(text: string, where: string, replaced: string[]): string {
  if (!text.includes('"')) return text;
  const out = text.replace(CODE_PAIR, (all, name: string, sep: string, value: string) => {
    if (!value || value === REDACTED || !secretNamed(name)) return all;
    replaced.push(where);
    return `"${name}"${sep}"${REDACTED}"`;
  });
  return out;
}

function withoutSourceText(u: Unmodelled): string {
  const where = u.line !== undefined ? `Line ${u.line}: ` : '';
  const on = u.resource ? ` on "${u.resource}"` : '';
  return (
    `${where}${u.construct}${on} was not modelled (the App Host's text is left out of shared copies; import ` +
    `the App Host to read it).`
  );
}

export function redactTopology(topology: Topology): Redaction<Topology> {
  const replaced: string[] = [];
  const credentialParams = credentialParameters(topology);
  const resources = topology.resources.map((r) => redactResource(r, credentialParams, replaced));
  // A message quotes the App Host's own text (a syntax error's snippet, the receiver of a call
  // it could not read), and a garbled line can hold a credential no detector recognises; the
  // long fuzz run found such leaks. Redacted copies keep what, where and on which resource only.
  const unmodelled = topology.unmodelled?.map((u, i) => {
    const construct = redactCodePairs(u.construct, `unmodelled[${i}]`, replaced);
    return { ...u, construct, message: withoutSourceText({ ...u, construct }) };
  });
  const rest = deepRedact({ ...topology, resources: [], ...(unmodelled ? { unmodelled } : {}) }, 'topology', replaced);
  const secrets = new Set<string>();
  topology.resources.forEach((r, i) => removedSecrets(r, resources[i], secrets));
  return {
    value: {
      ...rest,
      resources: secrets.size === 0 ? resources : resources.map((r) => scrubResource(r, secrets, replaced)),
    },
    replaced,
  };
}

/** A Secret manifest among hand edits (any document of the file). */
const SECRET_DOC = /^\s*kind:\s*["']?Secret\b/m;

/** The design with its topology, settings and hand edits free of credentials. */
export function redactDesign(doc: DesignDoc): Redaction<DesignDoc> {
  const t = redactTopology(doc.topology);
  const replaced = [...t.replaced];
  // No prototype: an edit path named "__proto__" stays an edit (it came from a share link or a file).
  const edits = Object.create(null) as Record<string, string>;
  for (const [path, text] of Object.entries(doc.edits)) {
    // A hand-edited Secret holds values by definition; the file is left out whole.
    if (SECRET_DOC.test(text)) {
      replaced.push(`edited file ${path}`);
      continue;
    }
    edits[path] = deepRedact(text, `edited file ${path}`, replaced);
  }
  const settings = deepRedact(doc.settings, 'settings', replaced);
  return { value: { ...doc, topology: t.value, settings, edits }, replaced };
}
