/**
 * A line diff of one document before and after a Fix, for the review the user accepts before
 * anything changes. Longest common subsequence over lines: a Fix rewrites one document (tens
 * of lines), so the quadratic table stays small; past the cap the whole chunk is shown as
 * replaced rather than spending time.
 */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

const CAP = 600;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  if (before === '') return b.map((text) => ({ kind: '+', text }));
  if (a.length > CAP || b.length > CAP)
    return [...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text }))];
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: ' ', text: a[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: '-', text: a[i++]! });
    else out.push({ kind: '+', text: b[j++]! });
  }
  while (i < a.length) out.push({ kind: '-', text: a[i++]! });
  while (j < b.length) out.push({ kind: '+', text: b[j++]! });
  return out;
}

/** Only the changed lines and `context` lines around them, with "…" where lines are skipped. */
export function hunks(lines: DiffLine[], context = 2): (DiffLine | '…')[] {
  const keep = lines.map(
    (l, i) => l.kind !== ' ' || lines.slice(Math.max(0, i - context), i + context + 1).some((x) => x.kind !== ' '),
  );
  const out: (DiffLine | '…')[] = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(l);
    else if (out.at(-1) !== '…') out.push('…');
  });
  return out;
}
