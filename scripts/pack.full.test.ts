/**
 * Full tier: the package as users get it. `npm pack` (which runs `prepare`, building the CLI
 * bundle) → install the tarball into an empty folder with production dependencies only →
 * the installed `aspire-parity` bin converts a manifest and an App Host Program.cs (tree-sitter's
 * .wasm files found in the installed dependencies) and checks a bundle, from that folder.
 * Slow (npm resolves the app's whole dependency tree, from its cache where it can); the default
 * tier proves the bundle's imports statically (src/cli/cli-process.tools.test.ts).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'aspire-parity-pack-'));
const app = join(work, 'app');

function run(
  cmd: string,
  args: string[],
  cwd: string,
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(cmd, args, { cwd, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({
        code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
        stdout,
        stderr: err && typeof err.code !== 'number' ? `${stderr}\n${String(err)}` : stderr,
      });
    });
    child.stdin?.end(stdin);
  });
}

let tarball = '';
const bin = () => join(app, 'node_modules', '.bin', 'aspire-parity');

beforeAll(async () => {
  const pack = await run('npm', ['pack', '--pack-destination', work, '--json', '--silent'], root);
  expect(pack.code, pack.stderr).toBe(0);
  tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
  const install = await run(
    'npm',
    ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    app,
  );
  expect(install.code, install.stderr).toBe(0);
  copyFileSync(join(root, 'fixtures/manifests/playground-postgresendtoend.json'), join(app, 'aspire-manifest.json'));
  copyFileSync(join(root, 'fixtures/apphost/seed-travel.cs'), join(app, 'Program.cs'));
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack → install → the aspire-parity bin', () => {
  it('ships the bundle, not the sources', async () => {
    const files = (await run('tar', ['-tzf', tarball], work)).stdout.split('\n');
    expect(files).toContain('package/dist-cli/aspire-parity.mjs');
    expect(files).toContain('package/bin/aspire-parity.mjs');
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/fixtures/'))).toEqual([]);
  });

  it('converts a manifest and an App Host Program.cs from the user folder, and checks the result', async () => {
    const manifest = await run(bin(), ['convert', 'aspire-manifest.json', '--out', 'k8s', '--quiet'], app);
    expect(manifest.stderr).toBe('');
    expect(manifest.code).toBe(0);
    const apphost = await run(bin(), ['convert', 'Program.cs', '--stdout', '--quiet'], app);
    expect(apphost.stderr).toBe('');
    expect(apphost.code).toBe(0);
    expect(apphost.stdout).toContain('kind: Deployment');
    const check = await run(bin(), ['check', 'aspire-manifest.json', 'k8s', '--json'], app);
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as { summary: { pass: number; fail: number } };
    expect(report.summary.pass).toBeGreaterThan(10);
    expect(report.summary.fail).toBe(0);
    expect(check.code).toBe(0);
    expect(readFileSync(join(app, 'package.json'), 'utf8')).toContain('aspire-parity');
  });
});
