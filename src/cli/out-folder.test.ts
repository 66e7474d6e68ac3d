/**
 * Issue 15, class 2: `convert --out` never removes anything it did not write. Real folders in a
 * temp dir; `cwd` is passed in (a test worker cannot chdir).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, writeBundleAtomically } from './io';
import { OUT_MARKER } from './out-folder';

const bundle = [{ path: 'app.yaml', text: 'kind: ConfigMap\n' }];
let root = '';
let project = '';
let input = '';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aspire-parity-out-'));
  project = join(root, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  writeFileSync(join(project, 'Program.cs'), '// sources');
  input = join(project, 'aspire-manifest.json');
  writeFileSync(input, '{"resources":{}}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function refused(dir: string, force: boolean, cwd = project): string {
  try {
    writeBundleAtomically(dir, bundle, force, [input], cwd);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error(`--out ${dir} was not refused`);
}

function intact(): void {
  expect(readFileSync(join(project, 'Program.cs'), 'utf8')).toBe('// sources');
  expect(existsSync(join(project, '.git'))).toBe(true);
  expect(existsSync(input)).toBe(true);
}

describe('convert --out refuses folders it did not write', () => {
  it('the current folder, even with --force', () => {
    expect(refused('.', true)).toContain('the current folder');
    intact();
  });

  it('an ancestor of the current folder', () => {
    expect(refused('..', true)).toContain('contains the current folder');
    expect(refused(root, true, join(project, '.git'))).toContain('contains the current folder');
    intact();
  });

  it('the folder holding the input', () => {
    expect(refused(project, true, root)).toMatch(/holds the input/);
    intact();
  });

  it('a non-empty folder without our marker, even with --force', () => {
    const other = join(root, 'docs');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.md'), 'mine');
    expect(refused(other, true)).toContain(OUT_MARKER);
    expect(readFileSync(join(other, 'notes.md'), 'utf8')).toBe('mine');
  });

  it('a symlink to the current folder', () => {
    symlinkSync(project, join(root, 'link'));
    expect(refused(join(root, 'link'), true)).toContain('current folder');
    intact();
  });

  it('a folder it wrote: needs --force, then replaces it', () => {
    const out = join(root, 'k8s');
    writeBundleAtomically(out, bundle, false, [input], project);
    expect(existsSync(join(out, OUT_MARKER))).toBe(true);
    expect(refused(out, false)).toContain('--force');
    writeBundleAtomically(out, [{ path: 'new.yaml', text: 'kind: Secret\n' }], true, [input], project);
    expect(existsSync(join(out, 'app.yaml'))).toBe(false);
    expect(readFileSync(join(out, 'new.yaml'), 'utf8')).toBe('kind: Secret\n');
  });

  it('a new or empty folder is fine', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    writeBundleAtomically(empty, bundle, false, [input], project);
    writeBundleAtomically(join(root, 'a', 'b'), bundle, false, [input], project);
    expect(readFileSync(join(root, 'a', 'b', 'app.yaml'), 'utf8')).toBe('kind: ConfigMap\n');
  });
});
