import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectYaml } from './collect-yaml';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'collect-yaml-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'a.yaml'), 'kind: ConfigMap\n');
  writeFileSync(join(dir, 'notes.txt'), 'not yaml');
  return dir;
}

describe('collectYaml', () => {
  it('walks nested folders and keeps only YAML files', () => {
    const files = collectYaml([folder()]);
    expect(files.map((f) => f.path.split(/[\\/]/).slice(-2).join('/'))).toEqual(['nested/a.yaml']);
  });

  it('skips a dangling link that is not YAML instead of failing on it', () => {
    const dir = folder();
    symlinkSync(join(dir, 'missing-target'), join(dir, 'gone'));
    expect(collectYaml([dir])).toHaveLength(1);
  });

  it('names a dangling YAML link as unreadable (a one-line input error)', () => {
    const dir = folder();
    symlinkSync(join(dir, 'missing-target'), join(dir, 'gone.yaml'));
    expect(() => collectYaml([dir])).toThrow(/gone\.yaml: cannot read: no such file/);
  });

  it('refuses a Kustomize folder, even nested, naming the command that renders it', () => {
    const dir = folder();
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'kustomization.yaml'), 'resources: [a.yaml]\n');
    writeFileSync(join(dir, 'base', 'a.yaml'), 'kind: ConfigMap\n');
    expect(() => collectYaml([dir])).toThrow(
      /base is a Kustomize folder: check what it renders, e\.g\. kubectl kustomize \S*base \| aspire-parity check <topology-file> -/,
    );
  });

  it('refuses a Helm chart, whose templates are not YAML until rendered', () => {
    const dir = folder();
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    expect(() => collectYaml([dir])).toThrow(/is a Helm chart: check what it renders, e\.g\. helm template <release> /);
  });

  it("refuses a chart's templates read without their Chart.yaml, but keeps other {{ }} text", () => {
    const dir = join(folder(), 'templates');
    mkdirSync(dir);
    writeFileSync(join(dir, 'deployment.yaml'), 'kind: Deployment\nspec:\n  image: "{{ .Values.image }}"\n');
    expect(() => collectYaml([dir])).toThrow(/deployment\.yaml holds Helm template actions .* helm template <release>/);
    const rules = join(folder(), 'alerting');
    mkdirSync(rules);
    writeFileSync(join(rules, 'rules.yaml'), 'kind: ConfigMap\ndata:\n  alert: "{{ $labels.instance }} is down"\n');
    expect(collectYaml([rules]).map((f) => f.path)).toEqual([expect.stringContaining('rules.yaml')]);
  });

  it('reads standard input for "-", so rendered output can be piped in', () => {
    const files = collectYaml(['-', folder()], () => 'kind: Service\n');
    expect(files.map((f) => f.path.split(/[\\/]/).at(-1))).toEqual(['<stdin>', 'a.yaml']);
    expect(files[0]!.text).toBe('kind: Service\n');
  });
});

describe('collectYaml and symbolic links (issue 15, class 5)', () => {
  it('two links to "." do not loop: each real file is read once', () => {
    const dir = folder();
    symlinkSync('.', join(dir, 'loop1'));
    symlinkSync('.', join(dir, 'loop2'));
    symlinkSync('..', join(dir, 'nested', 'up'));
    const files = collectYaml([dir]);
    expect(files.map((f) => f.path.split(/[\\/]/).slice(-2).join('/'))).toEqual(['nested/a.yaml']);
  });

  it('a file linked many times is read once', () => {
    const dir = folder();
    for (let i = 0; i < 40; i++) symlinkSync(join(dir, 'nested', 'a.yaml'), join(dir, `copy-${i}.yaml`));
    expect(collectYaml([dir, join(dir, 'nested', 'a.yaml')])).toHaveLength(1);
  });

  it('a link leading outside the folder is named, not followed', () => {
    const dir = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.yaml'), 'kind: Secret\n');
    symlinkSync(outside, join(dir, 'elsewhere'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'secret.yaml'));
    const notes: string[] = [];
    const files = collectYaml([dir], undefined, (n) => notes.push(n));
    expect(files).toHaveLength(1);
    expect(notes).toHaveLength(2);
    expect(notes.join('\n')).toMatch(/elsewhere: a link to .* not followed/);
    expect(notes.join('\n')).toMatch(/secret\.yaml: a link to .* not followed/);
  });
});
