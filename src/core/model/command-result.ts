/**
 * What every design command shares: the result type (a new doc, or a refusal with the reason
 * the UI shows) and small topology helpers. Commands return the SAME doc object when nothing
 * changed, so undo history (which compares by reference) never records no-op steps.
 */
import type { DesignDoc } from './design';
import type { Resource, Topology } from './topology';

export type Refusal = { ok: false; reason: string };
export type Result<T = DesignDoc> = { ok: true; doc: T } | Refusal;

export const refuse = (reason: string): Refusal => ({ ok: false, reason });

export function find(t: Topology, name: string): Resource | undefined {
  return t.resources.find((r) => r.name === name);
}

export function withTopology(doc: DesignDoc, topology: Topology): DesignDoc {
  return { ...doc, topology };
}

/** "api" → "api" if free, else "api-2", "api-3", … (case-insensitive, like Aspire). */
export function uniqueName(taken: Iterable<string>, wanted: string): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  const stem = wanted.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export function mapResource(t: Topology, name: string, f: (r: Resource) => Resource): Topology {
  return { ...t, resources: t.resources.map((r) => (r.name === name ? f(r) : r)) };
}
