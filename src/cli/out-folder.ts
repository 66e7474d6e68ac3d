/**
 * Where `convert --out` may write. `--out . --force` once replaced the working folder (sources,
 * `.git`, the input itself) with the bundle and exited 0. The rule now: we only ever replace a
 * folder we wrote before, recognised by our marker file; never the working folder or one of its
 * ancestors, never a folder holding the input, never a non-empty folder of someone else's.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CliError } from './io';

/** The file every folder `convert --out` writes holds; `--force` replaces only such folders. */
export const OUT_MARKER = '.aspire-parity-bundle';
export const OUT_MARKER_TEXT =
  'This folder was written by `aspire-parity convert --out`. `--force` may replace it as a whole; do not keep other ' +
  'files here.\n';

/** The real path of a path whose tail may not exist yet (its nearest existing ancestor resolved). */
function realOrResolved(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : resolve(realOrResolved(parent), relative(parent, abs));
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface OutCheck {
  /** The folder as given, for messages. */
  dir: string;
  force: boolean;
  /** Input files of this run: the output must not contain them. */
  inputs: readonly string[];
  cwd?: string;
}

/**
 * Throws a CliError naming the reason when `dir` must not be written; returns whether an old
 * folder of ours is there to be replaced.
 */
export function checkOutFolder({ dir, force, inputs, cwd = process.cwd() }: OutCheck): { replace: boolean } {
  const target = realOrResolved(resolve(cwd, dir));
  const here = realOrResolved(cwd);
  if (within(here, target)) {
    throw new CliError(
      `--out ${dir}: refusing to write to ` +
        `${target === here ? 'the current folder' : 'a folder that contains the current folder'}; give a new or ` +
        `empty folder (e.g. --out k8s)`,
    );
  }
  for (const input of inputs) {
    const path = resolve(cwd, input);
    if (input === '-' || !existsSync(path)) continue;
    if (within(realOrResolved(path), target))
      throw new CliError(
        `--out ${dir}: refusing to write to the folder that holds the input ${input}; give a new or empty folder`,
      );
  }
  if (!existsSync(target)) return { replace: false };
  if (!statSync(target).isDirectory()) throw new CliError(`--out ${dir}: exists and is not a folder`);
  const entries = readdirSync(target);
  if (entries.length === 0) return { replace: false };
  const marker = resolve(target, OUT_MARKER);
  const ours = entries.includes(OUT_MARKER) && lstatSync(marker).isFile();
  if (!ours)
    throw new CliError(
      `--out ${dir}: folder is not empty and was not written by aspire-parity (no ${OUT_MARKER} file); nothing was ` +
        `written. Give a new or empty folder`,
    );
  if (!force) throw new CliError(`--out ${dir}: holds a bundle written before (use --force to replace it)`);
  return { replace: true };
}
