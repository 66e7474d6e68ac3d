import { describe, expect, it } from 'vitest';
import { boundDiagnostics, boundUnmodelled, MAX_LISTED } from './bounded-findings';
import { diag } from './diagnostics';

describe('bounded findings', () => {
  it('one finding repeated on a line is one entry with its count; distinct lines stay apart', () => {
    const same = Array.from({ length: 100_000 }, (_, i) => ({
      construct: 'options',
      message: 'Line 11: the option ## is not understood.',
      line: 11,
      column: i + 1,
    }));
    const out = boundUnmodelled([...same, { construct: 'if', message: 'Line 12: if', line: 12 }]);
    expect(out).toHaveLength(2);
    expect(out[0]!.message).toBe('Line 11: the option ## is not understood. (100000 times on this line)');
    expect(out[1]!.line).toBe(12);
  });

  it('past the limit, one summary counts the rest and names their lines; errors are kept apart', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      construct: 'x',
      message: `Line ${i + 1}: x`,
      line: i + 1,
    }));
    const out = boundUnmodelled(many);
    expect(out).toHaveLength(MAX_LISTED + 1);
    expect(out.at(-1)!.message).toMatch(/^19500 more constructs were not modelled \(lines 501–20000\)/);
    const diags = boundDiagnostics([
      ...many.map((u) => diag('warning', 'w', u.message, { line: u.line })),
      diag('error', 'e', 'the one error', { line: 3 }),
    ]);
    expect(diags.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['the one error']);
    expect(diags.at(-1)!.message).toBe(
      `19500 more warnings (lines 501–20000); only the first ${MAX_LISTED} are listed.`,
    );
  });
});
