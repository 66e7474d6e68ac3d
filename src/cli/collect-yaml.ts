/**
 * The YAML files `check` reads: files as given, `-` for standard input, folders walked
 * recursively. Only .yaml/.yml files count inside folders; node_modules and .git are skipped.
 * A Kustomize or Helm folder is refused with the command that renders it: read as loose files,
 * its patches look like broken objects, its generated Secrets are missing and its templates are
 * not YAML yet, so every row would fail for reasons that are not in the cluster.
 */
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../core/yaml/parse';
import { CliError } from './io';

/** The one-line input error for a path the file system refused. */
function unreadable(path: string, e: unknown): CliError {
  return new CliError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** Stat, or undefined for an entry that cannot be followed (a dangling symlink). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const KUSTOMIZATION = /^(kustomization\.ya?ml|Kustomization)$/;
const HELM_CHART = /^Chart\.ya?ml$/;

/** The render-first message for a folder that holds a Kustomize or Helm source, if it does. */
function renderFirst(dir: string, names: readonly string[]): string | undefined {
  if (names.some((n) => KUSTOMIZATION.test(n))) return `${dir} is a Kustomize folder: check what it renders, e.g. kubectl kustomize ${dir} | aspire-parity check <topology-file> -`;
  if (names.some((n) => HELM_CHART.test(n))) return `${dir} is a Helm chart: check what it renders, e.g. helm template <release> ${dir} | aspire-parity check <topology-file> -`;
  return undefined;
}

const STDIN = '-';

export function collectYaml(paths: string[], readStdin: () => string = () => readFileSync(0, 'utf8')): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (p: string, explicit: boolean) => {
    if (explicit && p === STDIN) {
      out.push({ path: '<stdin>', text: readStdin() });
      return;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw unreadable(p, e);
    }
    if (st.isDirectory()) {
      if (!explicit && /(^|\/)(node_modules|\.git)$/.test(p)) return;
      const names = readdirSync(p).sort();
      const refusal = renderFirst(p, names);
      if (refusal) throw new CliError(refusal);
      for (const name of names) {
        const child = join(p, name);
        // A dangling link is not a folder; if it is named like YAML, readText says it cannot
        // be read (naming it), otherwise it is skipped like any other non-YAML file.
        if (statOrUndefined(child)?.isDirectory()) walk(child, false);
        else if (/\.ya?ml$/i.test(name)) out.push({ path: relative(process.cwd(), child) || child, text: readText(child) });
      }
    } else out.push({ path: p, text: readText(p) });
  };
  for (const p of paths) walk(p, true);
  return out;
}
