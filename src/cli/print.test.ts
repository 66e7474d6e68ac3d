/**
 * Issue 15, class 9: nothing the CLI prints from input reaches the terminal raw. In-process
 * runs of the real commands with stdout/stderr captured.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { hasUnsafeChar } from '../core/model/safe-text';
import { main } from './main';
import { printJson, printLine } from './print';

const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const CLEAR = '\u001b[2J\u001b[H';

describe('CLI output escapes input', () => {
  it('printLine and printJson leave no control character', () => {
    let s = '';
    printLine({ write: (t: string) => (s += t) }, `x${CLEAR}ALL CHECKS PASSED\u2028y\u202e`);
    expect(s).toBe('x\\u001B[2J\\u001B[HALL CHECKS PASSED\\u2028y\\u202E\n');
    s = '';
    printJson({ write: (t: string) => (s += t) }, { a: `\u0085${CLEAR}\u2029` });
    expect(hasUnsafeChar(s, '\n')).toBe(false);
    expect(JSON.parse(s)).toEqual({ a: `\u0085${CLEAR}\u2029` });
  });

  it('check: a file name and YAML content with ESC sequences print escaped (table, JSON, errors)', async () => {
    const topology = 'fixtures/parity/travel-design.json';
    const yaml = join(dir, `evil${CLEAR}.yaml`);
    writeFileSync(
      yaml,
      readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8').replace(
        'image: registry.example.com/trip-api:1.0.0',
        `image: registry.example.com/trip-api:latest\n          # ${CLEAR}`,
      ),
    );
    for (const flags of [[], ['--json'], ['--sarif']]) {
      const r = await capture(['check', topology, yaml, ...flags]);
      expect(r.code).toBe(1);
      expect(hasUnsafeChar(r.out, '\n'), `stdout ${flags.join(' ')}`).toBe(false);
      expect(hasUnsafeChar(r.err, '\n')).toBe(false);
      // JSON escapes ESC as \u001b; a SARIF URI percent-encodes it (%1B). Never raw.
      expect(r.out).toMatch(/\\u001[bB]\[2J|%1B%5B2J/);
    }
    const bad = join(dir, `bad${CLEAR}.yaml`);
    writeFileSync(bad, `kind: [${CLEAR}\n`);
    const r = await capture(['check', topology, bad]);
    expect(r.code).toBe(2);
    expect(hasUnsafeChar(r.err, '\n')).toBe(false);
    expect(r.err).toContain('\\u001B[2J');
  });

  it('convert: warnings and errors naming input print escaped', async () => {
    const r = await capture(['convert', join(dir, `missing${CLEAR}.json`), '--stdout']);
    expect(r.code).toBe(2);
    expect(hasUnsafeChar(r.err, '\n')).toBe(false);
    const r2 = await capture(['convert', 'fixtures/parity/travel-design.json', `--namespace=x${CLEAR}`, '--stdout']);
    expect(r2.code).toBe(2);
    expect(hasUnsafeChar(r2.err, '\n')).toBe(false);
  });
});
