import { describe, expect, it } from 'vitest';
import { parseBundle, splitChunks, YamlCache } from './parse';

const svc = (n: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${n}\nspec:\n  ports:\n    - port: ${8000 + n}\n`;

describe('parseBundle', () => {
  it('reads YAML 1.1 (yes is a boolean, as kubectl reads it) and maps paths to lines', () => {
    const r = parseBundle([{ path: 'a.yaml', text: `${svc(1)}---\nkind: ConfigMap\ndata:\n  FLAG: yes\n` }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.docs).toHaveLength(2);
    expect((r.docs[1]!.value as { data: { FLAG: unknown } }).data.FLAG).toBe(true);
    expect(r.docs[0]!.rangeOf(['spec', 'ports', 0, 'port']).line).toBe(7);
    expect(r.docs[1]!.rangeOf(['data', 'FLAG']).line).toBeGreaterThan(8);
  });
  it('reports syntax errors with file and line instead of throwing', () => {
    const r = parseBundle([{ path: 'bad.yaml', text: `${svc(1)}---\nkind: [\n` }]);
    expect(r.docs).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: 'bad.yaml', code: 'yaml-syntax', severity: 'error' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(9);
  });
  it('says an unparsable file with {{ … }} is probably an unrendered Helm template', () => {
    const helm =
      'kind: Service\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  ports:\n  {{- range .Values.ports }}\n  - ' +
      'port: {{ . }}\n  {{- end }}\n';
    const r = parseBundle([{ path: 'svc.yaml', text: helm }]);
    expect(r.diagnostics[0]?.message).toMatch(/^svc\.yaml:\d+: .*unrendered Helm template/);
    const plain = parseBundle([{ path: 'bad.yaml', text: 'kind: [unclosed\n' }]);
    expect(plain.diagnostics[0]?.message).not.toMatch(/Helm/);
  });
  it('stops alias bombs (billion laughs) with a diagnostic', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    const t0 = performance.now();
    const r = parseBundle([{ path: 'bomb.yaml', text: bomb }]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-alias']);
  });
  it('refuses oversized input without parsing it', () => {
    const r = parseBundle([{ path: 'huge.yaml', text: 'a: b\n'.repeat(2_000_000) }]);
    expect(r.diagnostics[0]).toMatchObject({ file: 'huge.yaml', code: 'yaml-too-large' });
  });
  it('splits only at document markers at column 0', () => {
    expect(splitChunks(`a: |\n  ---x\n---\nb: 1\n--- # c\nc: 2`).map((c) => c.lineOffset)).toEqual([0, 2, 4]);
    expect(splitChunks(`%YAML 1.1\n---\na: 1\n---\nb: 2`)).toHaveLength(1);
  });
  it('re-parses only the edited document and shifts lines of the ones after it', () => {
    const cache = new YamlCache();
    const docs = Array.from({ length: 50 }, (_, i) => svc(i));
    parseBundle([{ path: 'b.yaml', text: docs.join('---\n') }], cache);
    const misses = cache.misses;
    docs[10] = `# an extra line\n${docs[10]}`;
    const r = parseBundle([{ path: 'b.yaml', text: docs.join('---\n') }], cache);
    expect(cache.misses - misses).toBe(1);
    expect(r.docs[11]!.rangeOf(['metadata', 'name']).line).toBe(11 * 8 + 1 + 4);
  });
});
