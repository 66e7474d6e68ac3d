/**
 * `aspire-parity convert <input> (--out DIR | --stdout) [--format plain|kustomize|helm|apphost|apphost-ts]`
 * Input: an Aspire manifest, an App Host Program.cs, or a saved design. Warnings go to stderr;
 * bad input exits 2 with one line naming the file and the problem, and writes nothing.
 */
import { Option, type Command } from 'commander';
import { exportAppHost } from '../core/aspire/apphost/export';
import { redactTopology } from '../core/kube/secret-redaction';
import { layoutBundle, type BundleFormat } from '../core/bundle/layout';
import { plainStream } from '../core/bundle/plain';
import { generate } from '../core/kube/generate';
import type { BundleFile } from '../core/kube/objects';
import { CliError, writeBundleAtomically, type CliIo } from './io';
import { formatDiagnostic, loadTopology } from './load-topology';
import { printLine, printText } from './print';
import { safeText } from '../core/model/safe-text';
import { bundleSettings, flagSettings, type SettingsFlags } from './settings-flags';

interface ConvertOptions extends SettingsFlags {
  out?: string;
  stdout?: boolean;
  format: BundleFormat | 'apphost' | 'apphost-ts';
  force?: boolean;
  quiet?: boolean;
  keepSecrets?: boolean;
}

async function runConvert(input: string, opts: ConvertOptions, io: CliIo): Promise<number> {
  if (!opts.out === !opts.stdout) throw new CliError('convert: give exactly one of --out DIR or --stdout');
  flagSettings(opts); // bad flags fail before the input is read
  const loaded = await loadTopology(input, (line) => printLine(io.stderr, line));
  const merged = bundleSettings(loaded.settings, opts);
  // Import and generation can both report one fact (a name collision): printed once.
  const printed = new Set<string>();
  const warn = (line: string) => {
    if (!opts.quiet && !printed.has(line)) printLine(io.stderr, `warning: ${line}`);
    printed.add(line);
  };
  for (const d of loaded.diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(input, d));

  if (opts.format === 'apphost' || opts.format === 'apphost-ts') {
    // Like the app's "Download App Host": secret defaults stay out unless asked for.
    const topology = opts.keepSecrets ? loaded.topology : redactTopology(loaded.topology).value;
    const ts = opts.format === 'apphost-ts';
    const code = ts
      ? (await import('../core/aspire/apphost-ts/export')).exportAppHostTs(topology)
      : exportAppHost(topology);
    if (opts.stdout) printText(io.stdout, code);
    else
      writeBundleAtomically(
        opts.out!,
        [{ path: ts ? 'apphost.ts' : 'Program.cs', text: safeText(code) }],
        opts.force ?? false,
        [input],
      );
    return 0;
  }
  const gen = generate(loaded.topology, merged);
  for (const d of gen.diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(input, d));
  if (opts.stdout) {
    if (opts.format !== 'plain')
      throw new CliError(`convert: --stdout prints plain YAML only; use --out DIR for --format ${opts.format}`);
    printText(io.stdout, plainStream(gen));
    return 0;
  }
  const files: BundleFile[] = layoutBundle(opts.format, gen, loaded.topology, merged);
  writeBundleAtomically(opts.out!, files, opts.force ?? false, [input]);
  if (!opts.quiet) printLine(io.stderr, `wrote ${files.length} files to ${opts.out}`);
  return 0;
}

export function registerConvert(program: Command, setExit: (code: number) => void, io: CliIo): void {
  program
    .command('convert')
    .description('Convert an Aspire manifest, App Host Program.cs or saved design into a Kubernetes bundle')
    .argument('<input>', 'aspire-manifest.json, Program.cs or a saved design (.json)')
    .option('--out <dir>', 'write the bundle into this folder (atomically)')
    .option('--stdout', 'print one multi-document YAML stream (plain format)')
    .addOption(
      new Option('--format <format>', 'bundle layout')
        .choices(['plain', 'kustomize', 'helm', 'apphost', 'apphost-ts'])
        .default('plain'),
    )
    .option('--namespace <name>', 'namespace for every object')
    .option('--registry <registry>', 'registry prefix for images we build')
    .option('--tag <tag>', 'tag for images we build')
    .option('--otlp-endpoint <url>', 'OTLP collector URL for every service')
    .option('--ingress-host <host>', 'host name for public endpoints')
    .option('--ingress-class <class>', 'IngressClass for public endpoints')
    .option('--exposure <kind>', 'ingress (default) or loadbalancer')
    .option('--force', 'replace an --out folder written by an earlier convert')
    .option(
      '--keep-secrets',
      'with --format apphost: keep secret parameter values and written-out credentials (left out by default)',
    )
    .option('--quiet', 'do not print warnings')
    .action(async (input: string, opts: ConvertOptions) => {
      try {
        setExit(await runConvert(input, opts, io));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        printLine(io.stderr, `aspire-parity: ${e.message}`);
        setExit(e.exitCode);
      }
    });
}
