import { describe, expect, it } from 'vitest';
import { codeTooDeepAt, MAX_CODE_DEPTH } from './code-nesting';

describe('App Host bracket nesting', () => {
  it('names the line where nesting passes the limit', () => {
    expect(codeTooDeepAt(`var a = 1;\nvar x = ${'['.repeat(MAX_CODE_DEPTH + 1)};`)).toBe(2);
    expect(codeTooDeepAt(`f(${'('.repeat(100)}${')'.repeat(100)});`.repeat(1000))).toBeUndefined();
  });

  it('does not count brackets in strings or comments', () => {
    const many = '{'.repeat(2000);
    for (const text of [`s = "${many}";`, `s = '${many}';`, `s = \`${many}\`;`, `// ${many}`, `/* ${many} */ x`])
      expect(codeTooDeepAt(text), text.slice(0, 8)).toBeUndefined();
    expect(codeTooDeepAt(`s = "a\\"${many}";`)).toBeUndefined();
    // An unterminated string ends at its line (a damaged file); brackets after it count.
    expect(codeTooDeepAt(`s = "open\n${many}`)).toBe(2);
  });
});
