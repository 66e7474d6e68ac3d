/**
 * Hostile YAML in `check` input and in the editor: every shape is read or refused with its file
 * and line, nothing is printed behind the caller's back, and nothing takes long.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBundle } from './parse';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

function laughs(levels: number): string {
  let text = `${CM}data:\n  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < levels; i++)
    text += `  l${i}: &l${i} [${Array(9)
      .fill(`*l${i - 1}`)
      .join(',')}]\n`;
  return text;
}

function parse(text: string) {
  const r = parseBundle([{ path: 'x.yaml', text }]);
  return { docs: r.docs, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

afterEach(() => vi.restoreAllMocks());

describe('hostile YAML', () => {
  it('an alias bomb ("billion laughs") is refused with its file and line, quickly', () => {
    const { docs, errors } = parse(laughs(9)); // 9^9 = 387 M strings if expanded
    expect(docs).toHaveLength(0);
    expect(errors[0]).toMatchObject({ line: expect.any(Number) });
    expect(errors[0]!.message).toMatch(/alias/i);
  });

  it('merge keys and a few aliases are read, as kubectl reads them', () => {
    const { docs, errors } = parse(`${CM}base: &b {k: v}\ndata:\n  <<: *b\n  own: x\n`);
    expect(errors).toEqual([]);
    expect((docs[0]!.value as { data: Record<string, string> }).data).toMatchObject({ own: 'x' });
  });

  it('custom tags (!!js/function) do not run and !!binary stays data; duplicate keys are errors', () => {
    const tagged = parse(`${CM}data:\n  f: !!js/function "function () { return 1 }"\n  b: !!binary aGVsbG8=\n`);
    expect(JSON.stringify(tagged.docs.map((d) => d.value))).not.toMatch(/"f":\s*\{/);
    const dup = parse(`${CM}metadata:\n  name: y\n`);
    expect(dup.errors[0]!.message).toMatch(/unique/i);
    expect(dup.errors[0]!.line).toBe(5);
  });

  it('the library prints nothing: a collection key quoting escape sequences stays out of stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    parse(`${CM}? [a, "\\e[2J ALL CHECKS PASSED"]\n: 1\n`);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('NUL bytes, a BOM and a 5 MB line are read or refused, not thrown', () => {
    for (const text of [`${CM}data:\n  a: "x\0y"\n`, `\uFEFF${CM}`, `${CM}data:\n  a: ${'x'.repeat(5 << 20)}\n`]) {
      expect(() => parse(text)).not.toThrow();
    }
    expect(parse(`\uFEFF${CM}`).docs).toHaveLength(1);
  });
});
