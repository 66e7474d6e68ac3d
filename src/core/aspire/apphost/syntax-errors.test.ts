/**
 * A syntax error's quote of the broken code must not carry a secret: the broken call is often
 * the one holding a password literal (`WithEnvironment("POSTGRES_PASSWORD", "s3cr3t"` left open),
 * and diagnostics reach the CLI, the UI, share links and reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from './import';
import type { CSharpParser } from './parser';
import { testParser } from './test-support';
import { quoteNear } from './syntax-errors';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const head = 'var builder = DistributedApplication.CreateBuilder(args);\n';

describe('syntax error quotes', () => {
  it.each([
    ['an open call', 'pg.WithEnvironment("DB_PASSWORD", "Pa55w0rd"\n'],
    ['an unterminated literal', 'pg.WithEnvironment("DB_PASSWORD", "Pa55w0rd);\n'],
    ['a connection string', 'pg.WithEnvironment("DB", "Password=Pa55w0rd"\n'],
    ['a verbatim literal', 'pg.WithEnvironment("PW", @"Pa55w0rd"\n'],
  ])('no diagnostic quotes the literal of %s', (_what, line) => {
    const { diagnostics } = importAppHost(parser, `${head}var pg = builder.AddPostgres("pg");\n${line}`);
    expect(diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
    for (const d of diagnostics) expect(d.message).not.toContain('Pa55');
  });

  it('keeps the shape of the code near the error, literals masked', () => {
    expect(quoteNear('WithEnvironment("POSTGRES_PASSWORD", "s3cr3t" ;')).toBe('WithEnvironment("…", "…" ;');
    expect(quoteNear('Foo(@"a""b", $"x{y}", \'c\')')).toBe('Foo(@"…", $"…", \'…\')');
    expect(quoteNear('Add("open literal that runs on')).toBe('Add("…"');
    expect(quoteNear('a\n   b')).toBe('a b');
  });
});
