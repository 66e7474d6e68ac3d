/**
 * `aspire-parity check <topology> [yaml...]`: the parity table as a CI gate. The same check the
 * browser runs (parity rows plus strict Kubernetes validation, src/core/parity/check-bundle.ts).
 * The topology is an Aspire manifest, an App Host, a saved design, or a downloaded bundle zip
 * (its aspire-parity.design.json and YAML). Formats: table, json, sarif, junit, github.
 * Exit 0: nothing fails (per --fail-on); 1: some row fails; 2: bad input or usage, one line.
 */
import type { Command } from 'commander';
import { withDefaults } from '../core/model/settings';
import { createBundleChecker, STDIN_PATH, type ValidationMarker } from '../core/parity/check-bundle';
import { checklistStatus } from '../core/parity/checklist';
import { fixAll } from '../core/parity/fix-all';
import { isFailing, toGitHub, toJUnit, type FailOn } from '../core/parity/report-formats';
import { toSarif } from '../core/parity/sarif';
import { summarize, type ParityReport, type ParityRow } from '../core/parity/types';
import { topologyAndFiles } from './check-input';
import { writeFilesAtomically } from './check-write';
import { CliError, type CliIo } from './io';
import { printLine, printText } from './print';
import { safeLine } from '../core/model/safe-text';

const FORMATS = ['table', 'json', 'sarif', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

function evidenceText(r: ParityRow): string {
  const e = r.evidence?.[0];
  return e && e.file ? safeLine(`${e.file}:${e.line}`) : '';
}

function humanTable(rows: ParityRow[]): string {
  const byResource = new Map<string, ParityRow[]>();
  for (const r of rows) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);
  const mark = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', unknown: '????' } as const;
  const lines: string[] = [];
  for (const [resource, rs] of byResource) {
    // Every cell comes from input (names, values, file names): one safe line each, so no
    // cell can add a row, move the cursor or clear the screen.
    lines.push('', safeLine(resource));
    for (const r of rs) {
      lines.push(
        `  ${mark[r.status]}  ${safeLine(r.declaration)}: ` +
          `${safeLine(r.requirement)}${evidenceText(r) ? `  [${evidenceText(r)}]` : ''}`,
      );
      if (r.status !== 'pass' && r.detail) lines.push(`        ${safeLine(r.detail)}`);
      if (r.status !== 'pass' && r.fix) lines.push(`        fix: ${safeLine(r.fix.text)}`);
    }
  }
  return lines.join('\n');
}

/** A strict-validation finding is a failing row: the API server would reject the object. */
function validationRow(v: ValidationMarker): ParityRow {
  return {
    id: `kube-schema:${v.file}:${v.line}:${v.path}`,
    rule: 'kube-schema',
    resource: v.file,
    declaration: 'Kubernetes schema',
    requirement: 'The object is valid for the Kubernetes API (strict)',
    status: 'fail',
    detail: v.message,
    evidence: [{ file: v.file, line: v.line, ...(v.endLine > v.line ? { endLine: v.endLine } : {}) }],
  };
}

function render(format: Format, report: ParityReport, failOn: FailOn): string {
  switch (format) {
    case 'json': {
      const rows = report.rows.map((r) => ({
        id: r.id,
        declaration: r.declaration,
        resource: r.resource,
        requirement: r.requirement,
        status: r.status,
        ...(r.detail ? { detail: r.detail } : {}),
        ...(r.evidence?.[0]?.file ? { evidence: { file: r.evidence[0].file, line: r.evidence[0].line } } : {}),
        ...(r.fix ? { fix: r.fix } : {}),
        rule: r.rule,
      }));
      return `${JSON.stringify({ rows, summary: report.summary, checklist: checklistStatus(report) }, null, 2)}\n`;
    }
    case 'sarif':
      return `${JSON.stringify(toSarif(report), null, 2)}\n`;
    case 'junit':
      return toJUnit(report, failOn);
    case 'github': {
      const s = report.summary;
      return (
        `${toGitHub(report, failOn)}aspire-parity: ${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ` +
        `${s.unknown} unknown\n`
      );
    }
    default: {
      const s = report.summary;
      const cl = checklistStatus(report);
      return (
        `${humanTable(report.rows)}\n\nChecklist: ${cl.filter((c) => c.status === 'satisfied').length} ` +
        `satisfied, ${cl.filter((c) => c.status === 'not').length} not, ` +
        `${cl.filter((c) => c.status === 'not-verifiable').length} not verifiable from YAML\n${s.pass} pass, ` +
        `${s.fail} fail, ${s.warn} warn, ${s.unknown} unknown\n`
      );
    }
  }
}

interface CheckOptions {
  json?: boolean;
  sarif?: boolean;
  format?: string;
  failOn: string;
  fix?: boolean;
  preCreatedSecret: string[];
}

function formatOf(opts: CheckOptions): Format {
  if ([opts.json, opts.sarif, opts.format !== undefined].filter(Boolean).length > 1)
    throw new CliError('choose one of --format, --json and --sarif');
  const f = opts.json ? 'json' : opts.sarif ? 'sarif' : (opts.format ?? 'table');
  if (!(FORMATS as readonly string[]).includes(f))
    throw new CliError(`--format must be one of ${FORMATS.join(', ')} (got "${f}")`);
  return f as Format;
}

async function run(topologyArg: string, yamlPaths: string[], opts: CheckOptions, io: CliIo): Promise<number> {
  const format = formatOf(opts);
  if (opts.failOn !== 'fail' && opts.failOn !== 'warn' && opts.failOn !== 'unknown')
    throw new CliError(`--fail-on must be fail, warn or unknown (got "${opts.failOn}")`);
  const failOn: FailOn = opts.failOn;
  const input = await topologyAndFiles(topologyArg, yamlPaths, (line) => printLine(io.stderr, line));
  const settings = withDefaults(input.settings);
  const options = { preCreatedSecrets: opts.preCreatedSecret };
  let files = input.files;
  if (opts.fix) {
    if (input.fromZip) throw new CliError('--fix writes files: unzip the bundle and check the folder');
    const fixed = fixAll(
      { topology: input.topology, files, settings, options },
      new Set(files.filter((f) => f.path !== STDIN_PATH).map((f) => f.path)),
      failOn,
    );
    writeFilesAtomically(fixed.files.filter((f) => fixed.changed.includes(f.path)));
    for (const p of fixed.changed)
      printLine(
        io.stderr,
        `aspire-parity check: fixed ${p} (${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'} ` +
          `applied in all)`,
      );
    files = fixed.files;
  }
  const { report: parity, validation } = createBundleChecker().check(input.topology, settings, files, options);
  const bad = parity.diagnostics.find((d) => d.severity === 'error');
  if (bad) throw new CliError(bad.message.startsWith(bad.file ?? '') ? bad.message : `${bad.file}: ${bad.message}`);
  const rows = [...parity.rows, ...validation.map(validationRow)];
  const report: ParityReport = { rows, summary: summarize(rows), diagnostics: parity.diagnostics };
  printText(io.stdout, render(format, report, failOn));
  return rows.some((r) => isFailing(r, failOn)) ? 1 : 0;
}

export function registerCheck(program: Command, setExit: (code: number) => void, io: CliIo): void {
  program
    .command('check')
    .description('Check Kubernetes YAML against an App Host topology (the parity table).')
    .argument(
      '<topology>',
      'Aspire manifest JSON, App Host Program.cs, saved design (aspire-parity.design.json) or a downloaded bundle .zip',
    )
    .argument(
      '[yaml...]',
      'Kubernetes YAML files or directories; - reads standard input (rendered Kustomize or Helm output). Optional ' +
        'with a .zip',
    )
    .option('--format <format>', `output: ${FORMATS.join(', ')} (github prints ::error file=…,line=…:: annotations)`)
    .option('--json', 'same as --format json')
    .option('--sarif', 'same as --format sarif')
    .option(
      '--fail-on <level>',
      'exit 1 on rows that fail; fail or warn; or (unknown) anything not a pass, such as what import could not read',
      'fail',
    )
    .option(
      '--fix',
      "apply each failing row's Fix to the YAML files given (atomically; never standard input), then report",
    )
    .option(
      '--pre-created-secret <name>',
      'a Secret created outside the bundle (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(async (topologyFile: string, yamlPaths: string[], opts: CheckOptions) => {
      try {
        setExit(await run(topologyFile, yamlPaths, opts, io));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        printLine(io.stderr, `aspire-parity check: ${e.message}`);
        setExit(2);
      }
    });
}
