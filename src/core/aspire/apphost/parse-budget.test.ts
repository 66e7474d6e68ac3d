/* eslint-disable max-len -- App Host programs (and the strings they produce) are quoted as written */
/**
 * Issue 15 (found by the fuzzer): tree-sitter's error recovery on a long damaged line took
 * seconds; the parse is bounded and import says the file could not be read in time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import { PARSE_BUDGET_MS, type CSharpParser } from './parser';
import { testParser } from './test-support';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

describe('App Host parse budget', () => {
  it('a 180 KB damaged line ends in a clear error within the budget, not a hang', () => {
    const text =
      `var builder = ` +
      `DistributedApplication.CreateBuilder(args);\n${'{a.'.repeat(60_000)}\nbuilder.AddRedis("cache");\nbuilder.Build().Run();\n`;
    const t0 = performance.now();
    const r = importAppHost(parser, text);
    expect(performance.now() - t0).toBeLessThan(PARSE_BUDGET_MS + 1500);
    const err = r.diagnostics.find((d) => d.severity === 'error');
    expect(err).toBeDefined();
    // A cancelled parse must not leak into the next one (tree-sitter resumes unless reset).
    const next = importAppHost(
      parser,
      'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddRedis("cache");\nbuilder.Build().Run();\n',
    );
    expect(next.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(next.topology.resources.map((x) => x.name)).toContain('cache');
  });
});
