/**
 * What an import reports about its input stays proportionate to what a person can read: a
 * damaged 100 KB App Host (one line of 100,000 `#`) gave 150,000 identical "not understood"
 * entries, 19 MB of design, a saved design over the 20 MB load limit and seconds in every step.
 *
 * Two rules, applied to `Topology.unmodelled` and to the diagnostics alike:
 * - the same finding at the same line (same code or construct, resource and message) is one
 *   entry that says how often it occurred;
 * - past MAX_LISTED entries of one severity, one summary entry counts the rest and names the
 *   lines they span. Nothing is silently dropped: the count and the place stay.
 */
import { diag, type Diagnostic } from './diagnostics';
import type { Topology, Unmodelled } from './topology';

/** Far above what any real App Host or manifest reports, far below what costs seconds. */
export const MAX_LISTED = 500;

type Counted<T> = { item: T; times: number };

/** The same finding at the same line, once, with how often it occurred (`key` says "the same"). */
export function mergeSameLine<T extends { line?: number; message: string }>(
  items: readonly T[],
  key: (t: T) => string,
) {
  const byKey = new Map<string, Counted<T>>();
  for (const item of items) {
    const k = key(item);
    const seen = byKey.get(k);
    if (seen) seen.times++;
    else byKey.set(k, { item, times: 1 });
  }
  if (byKey.size === items.length) return [...items];
  return [...byKey.values()].map(({ item, times }) =>
    times === 1 ? item : { ...item, message: `${item.message} (${times} times on this line)` },
  );
}

function lineSpan(items: readonly { line?: number }[]): string {
  const lines = items.map((i) => i.line).filter((l): l is number => l !== undefined);
  if (!lines.length) return '';
  let lo = lines[0]!;
  let hi = lo;
  for (const l of lines) {
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  return lo === hi ? ` (line ${lo})` : ` (lines ${lo}–${hi})`;
}

export function boundUnmodelled(entries: readonly Unmodelled[]): Unmodelled[] {
  const merged = mergeSameLine(entries, (u) => `${u.file}\0${u.line}\0${u.construct}\0${u.resource}\0${u.message}`);
  if (merged.length <= MAX_LISTED) return merged;
  const rest = merged.slice(MAX_LISTED);
  const first = rest[0]!;
  return [
    ...merged.slice(0, MAX_LISTED),
    {
      construct: 'more',
      message:
        `${rest.length} more constructs were not modelled${lineSpan(rest)}; only the first ${MAX_LISTED} are ` +
        'listed. Fix or remove those first: the bundle may miss what the others declare.',
      ...(first.file !== undefined ? { file: first.file } : {}),
      ...(first.line !== undefined ? { line: first.line } : {}),
    },
  ];
}

export function boundDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const merged = mergeSameLine(
    diagnostics,
    (d) => `${d.severity}\0${d.code}\0${d.line}\0${d.resource}\0${d.field}\0${d.message}`,
  );
  if (merged.length <= MAX_LISTED) return merged;
  const out: Diagnostic[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const of = merged.filter((d) => d.severity === severity);
    out.push(...of.slice(0, MAX_LISTED));
    const rest = of.slice(MAX_LISTED);
    if (rest.length)
      out.push(
        diag(
          severity,
          'more-findings',
          `${rest.length} more ${severity === 'info' ? 'notes' : `${severity}s`}${lineSpan(rest)}; ` +
            `only the first ${MAX_LISTED} are listed.`,
          rest[0]!.line !== undefined ? { line: rest[0]!.line } : {},
        ),
      );
  }
  return out;
}

/** The import's findings, bounded (the topology is copied only when its list changes). */
export function boundFindings<T extends { topology?: Topology; diagnostics: Diagnostic[] }>(result: T): T {
  const diagnostics = boundDiagnostics(result.diagnostics);
  const unmodelled = result.topology?.unmodelled;
  const bounded = unmodelled ? boundUnmodelled(unmodelled) : undefined;
  const topology =
    result.topology && bounded && bounded.length !== unmodelled!.length
      ? { ...result.topology, unmodelled: bounded }
      : result.topology;
  return { ...result, diagnostics, ...(topology ? { topology } : {}) };
}
