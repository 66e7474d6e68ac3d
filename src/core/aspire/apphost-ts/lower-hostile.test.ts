/**
 * Damaged apphost.ts (the fuzz run's slow cases): what lowering writes for the C# reader stays
 * about the size of the input, and each broken line is reported once, so reading is linear.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lowerTypeScript } from './lower';

const HEAD = "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\n";

describe('lowering a damaged apphost.ts', () => {
  it('a line of 200,000 stray # is one syntax error and adds no C# (it used to add 1.6 MB)', () => {
    const text = `${HEAD}await builder.addRedis("cache") ${'#'.repeat(200_000)}\n"lit";\n`;
    const lowered = lowerTypeScript(ts, text, 'apphost.ts');
    expect(lowered.csharp.length).toBeLessThan(text.length + 1000);
    expect(lowered.syntaxErrors.filter((e) => e.line === 3)).toHaveLength(1);
    expect(lowered.lost.find((l) => l.line === 4)?.message).toBe('Line 4: "lit" is not understood.');
  });
});
