/** Hostile input files: pipes in folders, link loops, UTF-16 and bytes that are not UTF-8. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectYaml } from './collect-yaml';
import { readInput } from './io';
import { decodeText } from './read-text';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
const dir = () => mkdtempSync(join(tmpdir(), 'hostile-input-'));

describe('hostile input files', () => {
  it('a pipe named like YAML inside a folder is noted, not read (reading it would block for ever)', () => {
    const d = dir();
    writeFileSync(join(d, 'a.yaml'), CM);
    execFileSync('mkfifo', [join(d, 'pipe.yaml')]);
    const notes: string[] = [];
    expect(collectYaml([d], undefined, (n) => notes.push(n)).map((f) => f.path)).toEqual([
      expect.stringMatching(/a\.yaml$/),
    ]);
    expect(notes).toEqual([expect.stringMatching(/pipe\.yaml: not a regular file/)]);
  });

  it('a loop of symbolic links is named as one', () => {
    const d = dir();
    symlinkSync(join(d, 'b.yaml'), join(d, 'a.yaml'));
    symlinkSync(join(d, 'a.yaml'), join(d, 'b.yaml'));
    expect(() => readInput(join(d, 'a.yaml'))).toThrow(/a\.yaml: cannot read \(a loop of symbolic links\)/);
    expect(() => collectYaml([join(d, 'a.yaml')])).toThrow(/a loop of symbolic links/);
  });

  it('reads UTF-16 with a BOM (either order) and drops a UTF-8 BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CM, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le, 'x')).toBe(CM);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'x')).toBe(CM);
    expect(decodeText(Buffer.from(`\uFEFF${CM}`), 'x')).toBe(CM);
  });

  it('refuses bytes that are not UTF-8 with the file, line and byte', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(() => decodeText(bytes, 'x.yaml')).toThrow('x.yaml:2: not UTF-8 text (byte 8 is not valid UTF-8)');
  });
});
