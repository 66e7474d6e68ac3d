/**
 * A call whose argument list does not parse is reported, never read: tree-sitter's recovery
 * after an unterminated string can move the next call's arguments into it, and a resource name
 * is never redacted (fuzz seeds 16 #2504 and 17 #4981 leaked a password as a resource name).
 */
import { describe, expect, it } from 'vitest';
import { programRunner } from './test-support';

const run = programRunner();

describe('calls with parse errors in their arguments', () => {
  it('a string broken across lines does not turn the next call’s password into a resource name', () => {
    const { topology } = run(
      'var db = builder.AddPostgres("&a [x,x]\nb: &b [*a,*a]\nc: [*b,*b]db")' +
        '.WithEnvironment("POSTGRES_PASSWORD", "s3cr3t");\n' +
        'var cache = builder.AddRedis("cache");',
    );
    const names = topology.resources.map((r) => r.name);
    expect(names).toContain('cache');
    expect(JSON.stringify(topology)).not.toContain('s3cr3t');
    const lost = topology.unmodelled?.find((u) => u.construct === 'AddPostgres');
    expect(lost?.message).toMatch(/^Line 2: AddPostgres\(…\) has a syntax error/);
    expect(lost?.line).toBe(2);
  });

  it('a resource is not named from an argument list that holds an error node', () => {
    const { topology } = run('var db = builder.AddPostgres("a\nb").WithEnvironment("POSTGRES_PASSWORD", "s3cr3t");');
    expect(topology.resources.map((r) => r.name)).toEqual([]);
    expect(topology.unmodelled?.some((u) => u.construct === 'AddPostgres' && u.line === 2)).toBe(true);
  });

  it('a well-formed call on the next line is still read', () => {
    const { topology } = run('var a = builder.AddRedis("a\nb");\nvar pg = builder.AddPostgres("pg");');
    expect(topology.resources.map((r) => r.name)).toContain('pg');
  });
});
