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
    expect(() => collectYaml([dir])).toThrow(/gone\.yaml: cannot read: ENOENT/);
  });
});
