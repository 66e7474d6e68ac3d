/**
 * The YAML files `check` reads: files as given, folders walked recursively. Only .yaml/.yml
 * files count inside folders; Helm templates (not YAML until rendered), Chart.yaml,
 * values.yaml, node_modules and .git are skipped.
 */
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../core/yaml/parse';
import { CliError } from './io';

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${path}: cannot read: ${errorCode(e)}`);
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

export function collectYaml(paths: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new CliError(`${p}: cannot read: ${errorCode(e)}`);
    }
    if (st.isDirectory()) {
      if (!explicit && (p.endsWith('/templates') || /(^|\/)(node_modules|\.git)$/.test(p))) return;
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        // A dangling link is not a folder; if it is named like YAML, readText says it cannot
        // be read (naming it), otherwise it is skipped like any other non-YAML file.
        if (statOrUndefined(child)?.isDirectory()) walk(child, false);
        else if (/\.ya?ml$/i.test(name) && !/^(Chart|values)\.ya?ml$/.test(name)) out.push({ path: relative(process.cwd(), child) || child, text: readText(child) });
      }
    } else out.push({ path: p, text: readText(p) });
  };
  for (const p of paths) walk(p, true);
  return out;
}
