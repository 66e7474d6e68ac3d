/**
 * apphost.ts: a call whose argument list holds a syntax error is reported, not read. TypeScript's
 * recovery after an unterminated string or template moves the rest of the file into the call,
 * and its first argument would become a resource name (never redacted).
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CSharpParser } from '../apphost/parser';
import { testParser } from '../apphost/test-support';
import { importAppHostTs } from './import';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

const HEAD = "import { createBuilder } from './.modules/aspire.js';\nconst builder = await createBuilder();\n";
const run = (body: string) => importAppHostTs(ts, parser, `${HEAD}${body}\nawait builder.build().run();\n`);

describe('apphost.ts calls with syntax errors in their arguments', () => {
  it('an unterminated template does not carry the next call’s password into a resource name', () => {
    const { topology } = run(
      'const db = await builder.addPostgres(`a\nb").withEnvironment("POSTGRES_PASSWORD", "s3cr3t");',
    );
    expect(topology.resources).toEqual([]);
    expect(JSON.stringify(topology)).not.toContain('s3cr3t');
    const lost = topology.unmodelled?.find((u) => u.construct === 'addPostgres');
    expect(lost?.message).toBe('Line 3: addPostgres(…) has a syntax error in its arguments; it is not read.');
  });

  it('a string broken across lines names no resource; the call before it is still read', () => {
    const { topology } = run(
      'const cache = await builder.addRedis("cache");\n' +
        'const db = await builder.addPostgres("a\nb").withEnvironment("POSTGRES_PASSWORD", "s3cr3t");',
    );
    expect(topology.resources.map((r) => r.name)).toEqual(['cache-password', 'cache']);
    expect(topology.unmodelled?.some((u) => u.construct === 'addPostgres' && u.line === 4)).toBe(true);
  });

  it('no diagnostic of a broken call quotes its password literal (TypeScript messages quote no source)', () => {
    for (const body of [
      'const db = await builder.addPostgres("pg").withEnvironment("DB_PASSWORD", "Pa55w0rd"\n',
      'const db = await builder.addPostgres("pg").withEnvironment("DB_PASSWORD", "Pa55w0rd);\n',
      'const db = await builder.addPostgres("pg").withEnvironment("DB", `Password=Pa55w0rd` ;\n',
    ]) {
      const { topology, diagnostics } = run(body);
      expect(diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
      for (const m of [...diagnostics.map((d) => d.message), ...(topology.unmodelled ?? []).map((u) => u.message)])
        expect(m).not.toContain('Pa55');
    }
  });
});
