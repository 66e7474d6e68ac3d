import { describe, expect, it } from 'vitest';
import { hunks, lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('keeps common lines and marks removed and added ones', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
      { kind: ' ', text: 'a' },
      { kind: '-', text: 'b' },
      { kind: '+', text: 'B' },
      { kind: ' ', text: 'c' },
      { kind: '+', text: 'd' },
    ]);
  });
  it('shows only the changes with context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const h = hunks(lineDiff(before, before.replace('l10', 'L10')), 1);
    expect(h).toEqual([
      '…',
      { kind: ' ', text: 'l9' },
      { kind: '-', text: 'l10' },
      { kind: '+', text: 'L10' },
      { kind: ' ', text: 'l11' },
      '…',
    ]);
  });
});
