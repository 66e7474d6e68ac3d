/**
 * Kubernetes names from Aspire names. Aspire keeps case and allows characters Kubernetes
 * rejects; object names must be DNS-1123 labels (lower case, [a-z0-9-], ≤ 63, alphanumeric at
 * both ends). Service names must also start with a letter (DNS-1035), so we ensure that too.
 */
import { diag, type Diagnostic } from './diagnostics';

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

/** Aspire's own rule for resource names: letters, digits, dashes; starts with a letter; no double dash or trailing dash. */
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
        diag('warning', 'name-collision', `"${name}" and "${taken.get(base)}" both become the Kubernetes name "${base}"; "${name}" is named "${candidate}" instead.`, { resource: name }),
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
