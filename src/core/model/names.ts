/**
 * Kubernetes names from Aspire names. Aspire keeps case and allows characters Kubernetes
 * rejects; object names must be DNS-1123 labels (lower case, [a-z0-9-], ≤ 63, alphanumeric at
 * both ends). Service names must also start with a letter (DNS-1035), so we ensure that too.
 */
import { diag, type Diagnostic } from './diagnostics';
import { describeUnsafeChar, hasUnsafeChar, safeLine, stripUnsafe } from './safe-text';
import type { Topology } from './topology';

const MAX = 63;

function shortHash(text: string): string {
  // FNV-1a: tiny, deterministic, good enough to keep truncated names distinct.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).slice(0, 5);
}

/** A DNS-1035 label (valid as Service, Deployment and container name) for an Aspire name. */
export function toK8sName(name: string, max = MAX): string {
  let s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) s = `r-${shortHash(name)}`;
  if (!/^[a-z]/.test(s)) s = `r-${s}`;
  if (s.length > max) s = `${s.slice(0, max - 6).replace(/-+$/, '')}-${shortHash(name)}`;
  return s;
}

/** True when a name is already a valid DNS-1035 label. */
export function isK8sName(name: string): boolean {
  return name.length <= MAX && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/**
 * Aspire's own rule for resource names, as `ModelName.ValidateName` (Aspire.Hosting,
 * ApplicationModel/ModelName.cs) enforces it at `AddX(name)`: 1–64 characters, ASCII letters,
 * digits and hyphens only, starting with a letter, no consecutive hyphens, no trailing hyphen.
 */
export function aspireNameProblem(name: string): string | undefined {
  if (!name) return 'A name is required.';
  if (name.length > 64) return 'Names are at most 64 characters.';
  if (!/^[A-Za-z]/.test(name)) return 'Names start with a letter.';
  if (!/^[A-Za-z0-9-]+$/.test(name)) return 'Use only letters, digits and dashes.';
  if (name.includes('--')) return 'Names cannot contain two dashes in a row.';
  if (name.endsWith('-')) return 'Names cannot end with a dash.';
  return undefined;
}

/**
 * Map every Aspire name to a unique Kubernetes name. Two names that sanitise to the same
 * result (`Api` and `api`) are reported, and the later one gets a numeric suffix.
 */
export function assignK8sNames(names: readonly string[]): { map: Map<string, string>; diagnostics: Diagnostic[] } {
  const map = new Map<string, string>();
  const taken = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const base = toK8sName(name);
    let candidate = base;
    let n = 2;
    while (taken.has(candidate)) candidate = toK8sName(`${base}-${n++}`);
    if (candidate !== base) {
      diagnostics.push(
        diag(
          'warning',
          'name-collision',
          `"${name}" and "${taken.get(base)}" both become the Kubernetes name "${base}"; "${name}" is named ` +
            `"${candidate}" instead.`,
          { resource: name },
        ),
      );
    }
    taken.set(candidate, name);
    map.set(name, candidate);
  }
  return { map, diagnostics };
}

/** Aspire's env-name encoding for `<NAME>_<ENDPOINT>` keys: upper case, `-` → `_`. */
export function envKeyName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/**
 * Names Aspire could never have produced and that no output may carry: a control character, a
 * line separator (NEL, LS, PS) or a bidi control. `ModelName.ValidateName` rejects them at
 * `AddX(name)`; a manifest, design or App Host holding one was made by hand, and the name would
 * end a comment line in the YAML kubectl reads. Import fails with this error (other breaks of
 * Aspire's rule, e.g. a dot or non-ASCII letters, import with an info note as before).
 */
/** Characters of URLs, connection strings and quoting, never of a name. */
const VALUE_CHAR = /[:/@;=?&% \t"'`\\]/;

export function unsafeNameDiagnostics(topology: Topology): Diagnostic[] {
  const out: Diagnostic[] = [];
  const why =
    'Aspire accepts only ASCII letters, digits and hyphens (ModelName.ValidateName), and this character would end a ' +
    'line in the YAML kubectl reads';
  const check = (what: string, name: string, resource?: string) => {
    // Empty: Aspire requires 1–64 characters, and a saved design could not hold it.
    if (name === '')
      out.push(
        diag(
          'error',
          'unsafe-name',
          `${what} is empty; Aspire names have 1 to 64 characters (ModelName.ValidateName).`,
          resource === undefined ? {} : { resource },
        ),
      );
    const bad = describeUnsafeChar(name);
    if (bad)
      out.push(
        diag(
          'error',
          'unsafe-name',
          `${what} "${safeLine(name)}" contains ${bad}; ${why}.`,
          resource === undefined ? {} : { resource: safeLine(resource) },
        ),
      );
  };
  // A URL or connection-string character: no tool writing Aspire names produces one, and such a
  // "name" is usually a value pasted where the name goes (the fuzzer's `AddRedis("postgres://u:pw@h")`).
  // It would be copied into env names, files and links where no credential detector looks, so it
  // is refused without echoing the name.
  const valueLike = (what: string, name: string) => {
    const c = VALUE_CHAR.exec(name)?.[0];
    // A control character or line separator is refused by `check` below, naming it safely.
    if (c !== undefined && !describeUnsafeChar(name))
      out.push(
        diag(
          'error',
          'value-as-name',
          `${what} contains "${c === ' ' ? 'a space' : c}", which Aspire does not accept in a name ` +
            `(ModelName.ValidateName: ASCII letters, digits and hyphens); it looks like a URL or connection string ` +
            `given as the name, so the name is not shown here.`,
        ),
      );
  };
  for (const r of topology.resources) {
    valueLike('A resource name', r.name);
    check('Resource name', r.name, r.name);
    for (const e of r.endpoints ?? []) check(`Endpoint name of ${safeLine(r.name)}`, e.name, r.name);
  }
  return out;
}

/**
 * The name check every import runs (manifest, App Host, design, share link, autosave): unsafe
 * resource or endpoint names are errors (see unsafeNameDiagnostics); an application name, often
 * taken from a file name, loses such characters with a warning instead.
 */
export function validateImportedNames(topology: Topology): Diagnostic[] {
  const out = unsafeNameDiagnostics(topology);
  if (hasUnsafeChar(topology.name)) {
    const cleaned = stripUnsafe(topology.name) || 'app';
    out.push(
      diag(
        'warning',
        'unsafe-name',
        `The application name "${safeLine(topology.name)}" contains ${describeUnsafeChar(topology.name)}; it is ` +
          `named "${cleaned}" instead.`,
      ),
    );
    topology.name = cleaned;
  }
  return out;
}
