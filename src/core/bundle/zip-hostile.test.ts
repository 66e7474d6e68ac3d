/** Hostile zips given to `check bundle.zip`: bombs and paths out of the bundle are refused by name. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipBundle, ZIP_LIMITS, ZipRefused } from './zip';

const zeros = (n: number) => new Uint8Array(n);

describe('reading a hostile zip', () => {
  it('refuses an entry that expands past the limit before inflating it (a zip bomb)', () => {
    const bomb = zipSync({ 'all.yaml': zeros(ZIP_LIMITS.entryBytes + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => unzipBundle(bomb)).toThrow(ZipRefused);
    expect(() => unzipBundle(bomb)).toThrow(/"all.yaml" expands to 20 MB.*zip bomb/);
  });

  it('refuses entries that together expand past the total, and too many entries', () => {
    const small = { entries: 5, entryBytes: 1000, totalBytes: 2500 };
    const parts: Record<string, Uint8Array> = {};
    for (let i = 0; i < 3; i++) parts[`p${i}.yaml`] = zeros(999);
    expect(() => unzipBundle(zipSync(parts), undefined, small)).toThrow(/expands to over/);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 5; i++) many[`f${i}.txt`] = zeros(0);
    expect(() => unzipBundle(zipSync(many), undefined, small)).toThrow(/more than 5 entries/);
  });

  it('does not inflate entries it does not want (a bomb beside the YAML is never expanded)', () => {
    const zip = zipSync({ 'a.yaml': new TextEncoder().encode('x: 1'), 'big.bin': zeros(ZIP_LIMITS.entryBytes + 1) });
    expect(unzipBundle(zip, (p) => p.endsWith('.yaml'))).toEqual([{ path: 'a.yaml', text: 'x: 1' }]);
  });

  it('refuses paths that leave the bundle: .., absolute, drive letters, backslashes', () => {
    for (const name of ['../evil.yaml', 'b/../../evil.yaml', '/etc/evil.yaml', 'C:/evil.yaml', 'a\\..\\evil.yaml'])
      expect(() => unzipBundle(zipSync({ [name]: zeros(1) })), name).toThrow(/points outside the bundle/);
    expect(unzipBundle(zipSync({ 'travel/': zeros(0), 'travel/a.yaml': zeros(0) })).map((f) => f.path)).toEqual([
      'travel/a.yaml',
    ]);
  });
});
