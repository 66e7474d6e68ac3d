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

/** A zip `check` reads is hostile until proven otherwise: these bound what it may expand to. */
export const ZIP_LIMITS = { entries: 10_000, entryBytes: 20 << 20, totalBytes: 100 << 20 };

/** A zip refused for what it is (a bomb, a path outside the bundle), with the entry named. */
export class ZipRefused extends Error {}

const MB = (n: number) => `${Math.round(n / (1 << 20))} MB`;

/**
 * Read a zip back into files: `wanted` entries only (the rest are never inflated). Refused
 * before anything is inflated: more than ZIP_LIMITS.entries entries, an entry or a total that
 * declares more than the limits (each entry is inflated into a buffer of its declared size, so
 * the declaration bounds memory), and paths that leave the bundle (`..`, absolute, drive, `\`).
 */
export function unzipBundle(
  data: Uint8Array,
  wanted: (path: string) => boolean = () => true,
  limits = ZIP_LIMITS,
): BundleFile[] {
  let entries = 0;
  let total = 0;
  const out = unzipSync(data, {
    filter(f) {
      if (++entries > limits.entries)
        throw new ZipRefused(`more than ${limits.entries} entries; not a bundle this app wrote`);
      if (checkBundlePaths([{ path: f.name.replace(/\/+$/, '') || f.name, text: '' }]).length)
        throw new ZipRefused(`the entry ${JSON.stringify(f.name)} points outside the bundle; refused`);
      if (f.name.endsWith('/') || !wanted(f.name)) return false;
      if (f.originalSize > limits.entryBytes)
        throw new ZipRefused(
          `${JSON.stringify(f.name)} expands to ${MB(f.originalSize)}, over the ${MB(limits.entryBytes)} ` +
            'a bundle file may have (a zip bomb?); refused',
        );
      total += f.originalSize;
      if (total > limits.totalBytes)
        throw new ZipRefused(`expands to over ${MB(limits.totalBytes)} (a zip bomb?); refused`);
      return true;
    },
  });
  return Object.keys(out).map((path) => ({ path, text: strFromU8(out[path]!) }));
}
