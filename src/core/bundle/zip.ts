/**
 * Bundle files → one zip archive. Pure and synchronous (fflate's zipSync), so the browser's
 * "Download bundle", the CLI and tests all produce byte-for-byte the same archive.
 */
import { strToU8, unzipSync, strFromU8, zipSync, type Zippable } from 'fflate';
import type { BundleFile } from '../kube/objects';

/** A fixed timestamp keeps archives reproducible: the same files give the same bytes. */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

/** Reject paths that could escape the extraction folder or collide (zip-slip, duplicates). */
export function checkBundlePaths(files: readonly BundleFile[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const p = f.path;
    if (
      p === '' ||
      p.startsWith('/') ||
      p.includes('\\') ||
      /^[a-zA-Z]:/.test(p) ||
      p.split('/').some((s) => s === '..' || s === '.' || s === '')
    ) {
      problems.push(`Unsafe path in bundle: "${p}"`);
    }
    if (seen.has(p)) problems.push(`Duplicate path in bundle: "${p}"`);
    seen.add(p);
  }
  return problems;
}

/** Zip the files, in the order given, under an optional top-level folder. Throws on unsafe paths. */
export function zipBundle(files: readonly BundleFile[], folder?: string): Uint8Array {
  const problems = checkBundlePaths(files);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : '';
  const entries: Zippable = {};
  for (const f of files) entries[prefix + f.path] = [strToU8(f.text), { mtime: FIXED_MTIME }];
  return zipSync(entries, { level: 6 });
}

/** Read a zip back into files (tests and the CLI's round-trip checks). */
export function unzipBundle(data: Uint8Array): BundleFile[] {
  const out = unzipSync(data);
  return Object.keys(out)
    .filter((k) => !k.endsWith('/'))
    .map((path) => ({ path, text: strFromU8(out[path]!) }));
}
