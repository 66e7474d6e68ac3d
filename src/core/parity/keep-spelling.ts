/**
 * A fix re-serialises the one document it edits, and the YAML writer spells some lines its own
 * way (`[ "sh", "-c" ]` for `["sh", "-c"]`, `{ cpu: 10m }` both ways). A line of the new text that
 * means exactly what a line of the old document meant, at the same indentation, is given back
 * its old spelling, so the diff a user reviews holds the fix and nothing else.
 */
import equal from 'fast-deep-equal';
import { parse } from 'yaml';

/** What one line says, as YAML: `key: value` or `- item`; undefined when it is not a whole line of YAML. */
function meaning(line: string): { indent: number; value: unknown } | undefined {
  const body = line.trimStart();
  if (body === '' || body.startsWith('#')) return undefined;
  try {
    const item = body.startsWith('- ');
    return { indent: line.length - body.length, value: [item, parse(item ? body.slice(2) : body, { version: '1.1' })] };
  } catch {
    return undefined;
  }
}

/** `next` with every line that only re-spells a line of `old` put back as `old` wrote it. */
export function keepSpelling(old: string, next: string): string {
  // CRLF files: compared without the CR (fixAll puts the file's line breaks back).
  const oldLines = old.split(/\r?\n/);
  const present = new Set(oldLines);
  const byIndent = new Map<number, { line: string; value: unknown }[]>();
  for (const line of oldLines) {
    // Only lines with flow collections or quotes are spelt differently; the rest match as they are.
    if (!/[[{"']/.test(line)) continue;
    const m = meaning(line);
    if (m) byIndent.set(m.indent, [...(byIndent.get(m.indent) ?? []), { line, value: m.value }]);
  }
  return next
    .split('\n')
    .map((line) => {
      if (present.has(line) || !/[[{"']/.test(line)) return line;
      const m = meaning(line);
      const same = m && byIndent.get(m.indent)?.find((o) => equal(o.value, m.value));
      return same ? same.line : line;
    })
    .join('\n');
}
