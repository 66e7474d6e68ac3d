/** Copy and paste: a self-contained fragment of a design, pasted under free names. */
import { positionOf, type DesignDoc, type XY } from './design';
import type { Reference, Resource } from './topology';
import { renameInTemplate } from './template';
import { find, uniqueName } from './command-result';
import { renameEnvKey } from './rename-command';

/** A self-contained piece of a design: what copy puts on the clipboard. */
export interface Fragment {
  format: 'aspire-parity-fragment';
  resources: Resource[];
  references: Reference[];
  positions: Record<string, XY>;
}

/** Copy: the selected resources, the references among them, and their positions. */
export function extractFragment(doc: DesignDoc, names: readonly string[]): Fragment {
  const set = new Set(names);
  const resources = doc.topology.resources.filter((r) => set.has(r.name));
  const positions: Record<string, XY> = {};
  for (const r of resources) positions[r.name] = positionOf(doc.positions, r.name) ?? { x: 0, y: 0 };
  return {
    format: 'aspire-parity-fragment',
    resources,
    references: doc.topology.references.filter((r) => set.has(r.from) && (set.has(r.to) || find(doc.topology, r.to))),
    positions,
  };
}

/**
 * Paste a fragment: every resource gets a free name ("api" → "api-2"), templates and
 * references among the copies follow the new names, references to resources outside the
 * fragment are kept when those still exist. Returns the new names (to select them).
 */
export function pasteFragment(
  doc: DesignDoc,
  fragment: Fragment,
  offset: XY = { x: 40, y: 40 },
): { doc: DesignDoc; names: string[] } {
  const taken = doc.topology.resources.map((r) => r.name);
  const renames = new Map<string, string>();
  for (const r of fragment.resources) {
    const n = uniqueName([...taken, ...renames.values()], r.name);
    renames.set(r.name, n);
  }
  const rewrite = (s: string) => {
    let out = s;
    for (const [a, b] of renames) if (a !== b) out = renameInTemplate(out, a, b);
    return out;
  };
  const resources = fragment.resources.map((r) => {
    const to = renames.get(r.name)!;
    const copy: Resource = {
      ...structuredClone(r),
      name: to,
      args: r.args.map(rewrite),
      env: r.env.map((e) => {
        let key = e.name;
        for (const [a, b] of renames) if (a !== b) key = renameEnvKey(key, a, b);
        return { name: key, value: rewrite(e.value) };
      }),
    };
    if (r.connectionString !== undefined) copy.connectionString = rewrite(r.connectionString);
    if (r.parent !== undefined) copy.parent = renames.get(r.parent) ?? r.parent;
    // Copies of volumes must not share the original's named volume.
    copy.volumes = r.volumes.map((v) => (v.name ? { ...v, name: v.name.replace(r.name, to) } : v));
    return copy;
  });
  const existing = new Set([...taken, ...renames.values()]);
  const references = fragment.references
    .map((r) => ({ ...r, from: renames.get(r.from) ?? r.from, to: renames.get(r.to) ?? r.to }))
    .filter((r) => existing.has(r.from) && existing.has(r.to));
  const positions = { ...doc.positions };
  for (const [old, neu] of renames) {
    const p = positionOf(fragment.positions, old) ?? { x: 0, y: 0 };
    positions[neu] = { x: p.x + offset.x, y: p.y + offset.y };
  }
  return {
    doc: {
      ...doc,
      topology: {
        ...doc.topology,
        resources: [...doc.topology.resources, ...resources],
        references: [...doc.topology.references, ...references],
      },
      positions,
    },
    names: [...renames.values()],
  };
}
