/**
 * The CLI as users start it: the bundle `prepare` builds (scripts/build-cli.mjs) run by a real
 * Node process. Every command's behaviour is tested in process (check.test.ts, through
 * `main(argv, io)`); this proves what only a process can: the bundle builds and starts, exit
 * codes reach the shell, standard input is read for `-`, and `npm run cli` resolves relative
 * paths against the folder the user typed it in (INIT_CWD), not the product's folder.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';

const root = resolve(import.meta.dirname, '..', '..');
// Inside the repository, so the bundle resolves its on-disk dependencies from node_modules.
const outdir = mkdtempSync(join(root, '.cache', 'cli-test-'));
const userDir = mkdtempSync(join(tmpdir(), 'aspire-parity-user-'));
let entry = '';

function node(
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) => {
        done({
          code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
          stdout,
          stderr: err && typeof err.code !== 'number' ? `${stderr}\n${String(err)}` : stderr,
        });
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

beforeAll(async () => {
  entry = (await buildCli(outdir)) as string;
  copyFileSync(join(root, 'fixtures/parity/travel-design.json'), join(userDir, 'design.json'));
}, 120_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  rmSync(userDir, { recursive: true, force: true });
});

describe('aspire-parity as a process', () => {
  it(
    'the bundle needs only Node built-ins and production dependencies (what `npm install` of the ' + 'package brings)',
    () => {
      const dependencies = Object.keys(
        (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
          .dependencies,
      );
      const code = readdirSync(outdir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mjs'))
        .map((f) => readFileSync(join(outdir, f), 'utf8'))
        .join('\n');
      const specifiers = [
        ...code.matchAll(
          /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\w*(?:\.resolve)?\(\s*)["']((?:@[a-z0-9-]+\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)["']/g,
        ),
      ].map((m) => m[1]!);
      const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
      const outside = [...new Set(specifiers.map(packageOf))].filter(
        (p) => !p.startsWith('node:') && !builtinModules.includes(p) && !dependencies.includes(p),
      );
      expect(outside).toEqual([]);
      // The App Host reader's grammar and runtime are read from installed dependencies.
      expect(specifiers).toEqual(
        expect.arrayContaining([
          'web-tree-sitter/web-tree-sitter.wasm',
          'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm',
        ]),
      );
    },
  );

  it('`npm run cli` from the user folder: relative input and --out resolve there', async () => {
    // What npm sets when `npm run cli -- …` is typed in userDir: the script runs in the product's folder.
    const r = await node([entry, 'convert', 'design.json', '--out', 'k8s', '--quiet'], {
      cwd: root,
      env: { npm_lifecycle_event: 'cli', INIT_CWD: userDir },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(userDir, 'k8s'))).toBe(true);
    expect(existsSync(join(root, 'k8s'))).toBe(false);
  });

  it('reads YAML from standard input for `-` and exits 1 when a row fails', async () => {
    const good = readFileSync(join(root, 'fixtures/parity/travel-good/bundle.yaml'), 'utf8');
    const failing = good.replace(
      'image: registry.example.com/trip-api:1.0.0',
      'image: registry.example.com/trip-api:latest',
    );
    const r = await node([entry, 'check', 'design.json', '-', '--json'], { cwd: userDir, stdin: failing });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { fail: number }; rows: { status: string; resource: string }[] };
    // The unpinned image fails its rows (image pin, and the lint rows that judge the same tag), all on trip-api.
    expect(report.summary.fail).toBeGreaterThan(0);
    expect(new Set(report.rows.filter((x) => x.status === 'fail').map((x) => x.resource))).toEqual(
      new Set(['trip-api']),
    );
  });
});
