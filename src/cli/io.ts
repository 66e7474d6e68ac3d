/**
 * Small Node I/O helpers shared by the CLI commands: reading input with a clear error, and
 * writing an output folder atomically (all files or nothing, never half a bundle).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BundleFile } from '../core/kube/objects';
import { checkOutFolder, OUT_MARKER, OUT_MARKER_TEXT } from './out-folder';
import { decodeText } from './read-text';

/** Where text goes: `process.stdout`/`process.stderr`, or a test's buffer. */
export interface OutStream {
  write(text: string): unknown;
}

/**
 * Where one CLI run reads and writes. The installed bin passes the real process streams; tests
 * run `main(argv, io)` in process with buffers, so a case costs a function call, not a Node boot.
 */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Standard input as text, read when an argument is `-`. */
  readStdin(): string;
}

/** The real process. Streams are read at call time, so a test spying on process.stdout sees them. */
export const processIo: CliIo = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  readStdin: () => decodeText(readFileSync(0), 'standard input'),
};

/** A user-facing failure: the CLI prints the message on one line and exits with the code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Why the file system refused a path, in words for the common cases. */
export function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'EACCES') return 'permission denied';
  return code ?? (e as Error).message;
}

export function readInput(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new CliError(`${file}: is a directory, expected a file`);
    return decodeText(readFileSync(file), file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot read (${whyUnreadable(e)})`);
  }
}

function isSafeRelative(path: string): boolean {
  return !path.startsWith('/') && !path.split(/[\\/]/).includes('..');
}

/**
 * Write files into `dir` atomically: everything goes to a temporary sibling first, then one
 * rename. Only a folder we wrote before (it holds our marker) is replaced, and only with
 * `force`; out-folder.ts says what is refused and why. `inputs` are this run's input files.
 */
export function writeBundleAtomically(
  dir: string,
  files: readonly BundleFile[],
  force: boolean,
  inputs: readonly string[] = [],
  cwd = process.cwd(),
): void {
  checkOutFolder({ dir, force, inputs, cwd });
  const target = resolve(cwd, dir);
  files = [...files, { path: OUT_MARKER, text: OUT_MARKER_TEXT }];
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const f of files) {
      if (!isSafeRelative(f.path)) throw new CliError(`refusing to write outside the output folder: ${f.path}`);
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
    }
    if (existsSync(target)) {
      const old = `${tmp}-old`;
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, target);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
