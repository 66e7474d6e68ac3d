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
import { SECRET_ENV_NAME } from '../model/secret-values';
import { parseTemplate } from '../model/template';
import type { Resource, Topology } from '../model/topology';
import { credentialParameters } from './generator/credentials';
import { isSecretParameter } from './generator/secrets';

/** What replaces a secret: `<secret:…>` is a reference to every detector, so redaction is idempotent. */
export const REDACTED = '<secret:redacted>';

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
    for (const [k, v] of Object.entries(value)) out[deepRedact(k, `${where} key`, replaced)] = deepRedact(v, `${where}.${k}`, replaced);
    return out as T;
  }
  return value;
}

/** Every string of a subtree replaced (the value of a secret input). */
function redactAll(value: unknown): unknown {
  if (typeof value === 'string') return value && value !== REDACTED ? REDACTED : value;
  if (Array.isArray(value)) return value.map(redactAll);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v)]));
  return value;
}

/**
 * The original JSON of a resource we keep but do not model (`raw`): free-form, so the rules
 * of the typed fields apply by shape: an input marked `secret` loses its default and value,
 * a credential-named key (`POSTGRES_PASSWORD`, `{name, value}` pairs alike) its literal value.
 */
function redactRaw(value: unknown, where: string, replaced: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => redactRaw(v, `${where}[${i}]`, replaced));
  if (value === null || typeof value !== 'object') return deepRedact(value, where, replaced);
  const obj = value as Record<string, unknown>;
  const secretInput = obj.secret === true;
  const namedSecret = typeof obj.name === 'string' && SECRET_ENV_NAME.test(obj.name);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = deepRedact(k, `${where} key`, replaced);
    const literal = typeof v === 'string' && v !== '' && !v.includes('$(') && redactLiterals(v) !== v;
    if (secretInput && (k === 'default' || k === 'value')) {
      out[key] = redactAll(v);
      if (JSON.stringify(out[key]) !== JSON.stringify(v)) replaced.push(`${where}.${k}`);
    } else if (literal && (SECRET_ENV_NAME.test(k.split(REDACTED).join('')) || (namedSecret && k === 'value'))) {
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
  if (r.env.some((e) => SECRET_ENV_NAME.test(e.name))) {
    out = {
      ...out,
      env: r.env.map((e) => {
        if (!SECRET_ENV_NAME.test(e.name) || e.value.includes('$(')) return e;
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

export function redactTopology(topology: Topology): Redaction<Topology> {
  const replaced: string[] = [];
  const credentialParams = credentialParameters(topology);
  const resources = topology.resources.map((r) => redactResource(r, credentialParams, replaced));
  const rest = deepRedact({ ...topology, resources: [] }, 'topology', replaced);
  return { value: { ...rest, resources }, replaced };
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
