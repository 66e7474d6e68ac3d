/**
 * `aspire-parity convert <input> (--out DIR | --stdout) [--format plain|kustomize|helm|apphost|apphost-ts]`
 * Input: an Aspire manifest, an App Host Program.cs, or a saved design. Warnings go to stderr;
 * bad input exits 2 with one line naming the file and the problem, and writes nothing.
 */
import { Option, type Command } from 'commander';
import { exportAppHost } from '../core/aspire/apphost/export';
import { layoutBundle, type BundleFormat } from '../core/bundle/layout';
import { plainStream } from '../core/bundle/plain';
import { generate } from '../core/kube/generate';
import type { BundleFile } from '../core/kube/objects';
import { CliError, writeBundleAtomically } from './io';
import { formatDiagnostic, loadTopology } from './load-topology';
import { bundleSettings, flagSettings, type SettingsFlags } from './settings-flags';

interface ConvertOptions extends SettingsFlags {
  out?: string;
  stdout?: boolean;
  format: BundleFormat | 'apphost' | 'apphost-ts';
  force?: boolean;
  quiet?: boolean;
}

async function runConvert(input: string, opts: ConvertOptions): Promise<number> {
  if (!opts.out === !opts.stdout) throw new CliError('convert: give exactly one of --out DIR or --stdout');
  flagSettings(opts); // bad flags fail before the input is read
  const loaded = await loadTopology(input);
  const merged = bundleSettings(loaded.settings, opts);
  const warn = (line: string) => {
    if (!opts.quiet) process.stderr.write(`warning: ${line}\n`);
  };
  for (const d of loaded.diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(input, d));

  if (opts.format === 'apphost' || opts.format === 'apphost-ts') {
    const ts = opts.format === 'apphost-ts';
    const code = ts ? (await import('../core/aspire/apphost-ts/export')).exportAppHostTs(loaded.topology) : exportAppHost(loaded.topology);
    if (opts.stdout) process.stdout.write(code);
    else writeBundleAtomically(opts.out!, [{ path: ts ? 'apphost.ts' : 'Program.cs', text: code }], opts.force ?? false);
    return 0;
  }
  const gen = generate(loaded.topology, merged);
  for (const d of gen.diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(input, d));
  if (opts.stdout) {
    if (opts.format !== 'plain') throw new CliError(`convert: --stdout prints plain YAML only; use --out DIR for --format ${opts.format}`);
    process.stdout.write(plainStream(gen));
    return 0;
  }
  const files: BundleFile[] = layoutBundle(opts.format, gen, loaded.topology, merged);
  writeBundleAtomically(opts.out!, files, opts.force ?? false);
  if (!opts.quiet) process.stderr.write(`wrote ${files.length} files to ${opts.out}\n`);
  return 0;
}

export function registerConvert(program: Command, setExit: (code: number) => void): void {
  program
    .command('convert')
    .description('Convert an Aspire manifest, App Host Program.cs or saved design into a Kubernetes bundle')
    .argument('<input>', 'aspire-manifest.json, Program.cs or a saved design (.json)')
    .option('--out <dir>', 'write the bundle into this folder (atomically)')
    .option('--stdout', 'print one multi-document YAML stream (plain format)')
    .addOption(new Option('--format <format>', 'bundle layout').choices(['plain', 'kustomize', 'helm', 'apphost', 'apphost-ts']).default('plain'))
    .option('--namespace <name>', 'namespace for every object')
    .option('--registry <registry>', 'registry prefix for images we build')
    .option('--tag <tag>', 'tag for images we build')
    .option('--otlp-endpoint <url>', 'OTLP collector URL for every service')
    .option('--ingress-host <host>', 'host name for public endpoints')
    .option('--ingress-class <class>', 'IngressClass for public endpoints')
    .option('--exposure <kind>', 'ingress (default) or loadbalancer')
    .option('--force', 'replace a non-empty --out folder')
    .option('--quiet', 'do not print warnings')
    .action(async (input: string, opts: ConvertOptions) => {
      try {
        setExit(await runConvert(input, opts));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        process.stderr.write(`aspire-parity: ${e.message}\n`);
        setExit(e.exitCode);
      }
    });
}
