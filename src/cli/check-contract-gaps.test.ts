/**
 * Inputs a CI gate meets from the outside that once gave a verdict they should not (in process):
 * nothing to check (empty standard input, a Markdown file) was a bundle where every declaration
 * "fails" (exit 1); `--fix` turned a 0640 file into 0644, replaced a symbolic link by a copy, and
 * wrote LF lines into a CRLF file. Each now: exit 2 and nothing written, or the file kept as it was.
 */
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUTATIONS, mutate } from '../core/parity/mutations.fixture';
import { runCli } from '../test-support/run-cli';

const TOPOLOGY = 'fixtures/parity/travel-design.json';
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const misspelt = mutate(
  good,
  MUTATIONS.find((m) => m.name === 'misspell ConnectionStrings__catalg')!,
);
const root = mkdtempSync(join(tmpdir(), 'aspire-parity-gaps-'));
let n = 0;
/** A fresh folder (name with a space and non-ASCII letters, as users have) holding `files`. */
function folder(files: Record<string, string>): string {
  const dir = join(root, `case ${++n} – überprüft`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('nothing to check is bad input, not a failing bundle', () => {
  it.each([
    ['empty standard input', ''],
    ['comments only', '# rendered nothing\n---\n'],
  ])('%s on - → exit 2', async (_name, stdin) => {
    const r = await runCli(['check', TOPOLOGY, '-'], stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('aspire-parity check: standard input: no Kubernetes objects to check\n');
  });

  it('a file that is not YAML, named explicitly → exit 2, and --fix writes nothing', async () => {
    const dir = folder({ 'README.md': '# notes\n' });
    const r = await runCli(['check', TOPOLOGY, join(dir, 'README.md'), '--fix']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/README\.md: no Kubernetes objects to check\n$/);
    expect(readdirSync(dir)).toEqual(['README.md']);
  });
});

describe('check --fix keeps the file what it was, but fixed', () => {
  it('restores the misspelt connection string in a CRLF file: CRLF kept, mode kept, nothing else changed', async () => {
    const dir = folder({ 'bundle.yaml': misspelt.replace(/\n/g, '\r\n') });
    const path = join(dir, 'bundle.yaml');
    chmodSync(path, 0o640);
    const r = await runCli(['check', TOPOLOGY, path, '--fix']);
    expect(r.code).toBe(0);
    const after = readFileSync(path, 'utf8');
    expect(after).toBe(good.replace(/\n/g, '\r\n'));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    // The temporary sibling was renamed, not left behind.
    expect(readdirSync(dir)).toEqual(['bundle.yaml']);
  });

  it('refuses a symbolic link (even one inside the folder) before writing anything', async () => {
    const dir = folder({ 'real.yaml': misspelt });
    const link = join(dir, 'bundle.yaml');
    symlinkSync(join(dir, 'real.yaml'), link);
    const r = await runCli(['check', TOPOLOGY, link, '--fix']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bundle.yaml: a symbolic link; --fix writes only regular files (nothing was written)');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(misspelt);
    expect(readdirSync(dir).sort()).toEqual(['bundle.yaml', 'real.yaml']);
  });

  it('never writes a file it did not change (same inode, same mtime)', async () => {
    const dir = folder({
      'bundle.yaml': misspelt,
      'extra.yaml': '# mine\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: mine\n',
    });
    const extra = join(dir, 'extra.yaml');
    const before = statSync(extra);
    expect((await runCli(['check', TOPOLOGY, dir, '--fix'])).code).toBe(0);
    const after = statSync(extra);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });
});
