#!/usr/bin/env node
/**
 * Bundles the CLI into one JavaScript file, dist-cli/aspire-parity.mjs, so the installed bin
 * starts like any Node program instead of compiling TypeScript (tsx) on every run. Runs at
 * install (`prepare`) and before `npm pack`. Everything the CLI imports is bundled in (one
 * file to parse instead of ~100 module look-ups at every start; the generated schema validator
 * and devDependency helpers included, so the package works with production dependencies only),
 * except the few dependencies in ON_DISK.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Dependencies read from their installed folders at run time, never bundled: the tree-sitter
 * runtime and C# grammar (their .wasm files are resolved through node_modules) and TypeScript
 * (the apphost.ts reader; 9 MB, loaded only for such input).
 */
const ON_DISK = ['web-tree-sitter', 'tree-sitter-c-sharp', 'typescript'];

/** Build into `outdir` (default dist-cli/); returns the entry's path, `<outdir>/aspire-parity.mjs`. */
export async function buildCli(outdir = path.join(root, 'dist-cli')) {
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'bin.ts')],
    outdir,
    entryNames: 'aspire-parity',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // One chunk per command (main.ts imports them on demand): a run loads only its own code.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ON_DISK.flatMap((name) => [name, `${name}/*`]),
    // Bundled CommonJS dependencies (commander) require Node's built-ins.
    banner: {
      js:
        "#!/usr/bin/env node\nimport { createRequire as __bundleRequire } from 'node:module';\nconst require = " +
        '__bundleRequire(import.meta.url);',
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return path.join(outdir, 'aspire-parity.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
