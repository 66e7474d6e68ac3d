/**
 * A Kustomize or Helm zip is checked as it renders, not as its raw files (patches, templates
 * with `{{ }}` are no objects to judge): the zip is unpacked into a private temporary folder,
 * rendered with the same command its README gives (`kubectl kustomize overlays/prod`,
 * `helm template <chart> <chart> -f <chart>/ci/test-values.yaml`), and the output checked.
 * Secret files a user creates before building (Kustomize `base/secrets/*.env`) are not in a
 * download; their `.env.example` stands in, as values are never judged. Without the tool on
 * PATH the answer is exit 2 with the command to run, never a verdict on the unrendered files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BundleFile } from '../core/kube/objects';
import type { SourceFile } from '../core/yaml/parse';
import { CliError } from './io';

export type RenderedLayout = 'kustomize' | 'helm';

function commandOf(layout: RenderedLayout, entries: readonly BundleFile[]): { tool: string; args: string[] } {
  if (layout === 'kustomize') return { tool: 'kubectl', args: ['kustomize', 'overlays/prod'] };
  const chart = entries.find((f) => /^[^/]+\/Chart\.yaml$/.test(f.path))?.path.split('/')[0] ?? '.';
  const values = `${chart}/ci/test-values.yaml`;
  return {
    tool: 'helm',
    args: ['template', chart, chart, ...(entries.some((f) => f.path === values) ? ['-f', values] : [])],
  };
}

/** The rendered YAML as one source, named by the command that made it. */
export function renderLayout(zipPath: string, layout: RenderedLayout, entries: readonly BundleFile[]): SourceFile {
  const { tool, args } = commandOf(layout, entries);
  const command = `${tool} ${args.join(' ')}`;
  const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-render-'));
  try {
    for (const f of entries) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
    }
    for (const f of entries) {
      const real = join(dir, f.path.replace(/\.example$/, ''));
      if (layout === 'kustomize' && f.path.endsWith('.env.example') && !existsSync(real)) writeFileSync(real, f.text);
    }
    let text: string;
    try {
      text = execFileSync(tool, args, { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === 'ENOENT')
        throw new CliError(
          `${zipPath}: a ${layout === 'helm' ? 'Helm chart' : 'Kustomize layout'} is checked as it renders, and ` +
            `${tool} is not on PATH; unzip it and run: ${command} | aspire-parity check aspire-parity.design.json -`,
        );
      const why = (err.stderr ?? err.message).trim().split('\n')[0] ?? '';
      throw new CliError(`${zipPath}: ${command} failed: ${why}`);
    }
    return { path: `<${command}>`, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
