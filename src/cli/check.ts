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
import { redactSnippet } from '../core/parity/snippet-redaction';
import { summarize, type ParityFix, type ParityReport, type ParityRow } from '../core/parity/types';
import type { SourceFile } from '../core/yaml/parse';
import { topologyAndFiles } from './check-input';
import { writeFilesAtomically } from './check-write';
import { CliError, type CliIo } from './io';
import { printLine, printText } from './print';
import { relativeToRoot, repositoryRoot } from './repo-paths';
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

/** A Fix as the JSON report prints it: credentials masked (see redactSnippet); `--fix` applies the real one. */
function withoutCredentials(fix: ParityFix): ParityFix {
  return fix.snippet ? { ...fix, snippet: redactSnippet(fix.snippet) } : fix;
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
        ...(r.fix ? { fix: withoutCredentials(r.fix) } : {}),
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

/** Unparseable YAML (syntax, alias bomb, nesting) is bad input: exit 2 naming the file. */
function throwOnUnreadable(parity: ParityReport): void {
  const bad = parity.diagnostics?.find((d) => d.severity === 'error');
  if (bad) throw new CliError(bad.message.startsWith(bad.file ?? '') ? bad.message : `${bad.file}: ${bad.message}`);
}

/** What was read, for a message: standard input, or the paths named. */
function describeInput(files: readonly SourceFile[], yamlPaths: string[]): string {
  if (files.some((f) => f.path === STDIN_PATH)) return 'standard input';
  return yamlPaths.length ? yamlPaths.join(', ') : 'the bundle';
}

async function run(topologyArg: string, yamlPaths: string[], opts: CheckOptions, io: CliIo): Promise<number> {
  const format = formatOf(opts);
  if (opts.failOn !== 'fail' && opts.failOn !== 'warn' && opts.failOn !== 'unknown')
    throw new CliError(`--fail-on must be fail, warn or unknown (got "${opts.failOn}")`);
  const failOn: FailOn = opts.failOn;
  const input = await topologyAndFiles(topologyArg, yamlPaths, (line) => printLine(io.stderr, line));
  const settings = withDefaults(input.settings);
  const options = { preCreatedSecrets: opts.preCreatedSecret };
  const checker = createBundleChecker();
  let checked = checker.check(input.topology, settings, input.files, options);
  throwOnUnreadable(checked.report);
  // No object at all (empty standard input, a Markdown file, comments only) is bad input, not
  // a bundle where every declaration fails: exit 2, before --fix could write anything.
  if (checked.objects === 0)
    throw new CliError(`${describeInput(input.files, yamlPaths)}: no Kubernetes objects to check`);
  if (opts.fix) {
    if (input.fromZip) throw new CliError('--fix writes files: unzip the bundle and check the folder');
    const fixed = fixAll(
      { topology: input.topology, files: input.files, settings, options },
      new Set(input.files.filter((f) => f.path !== STDIN_PATH).map((f) => f.path)),
      failOn,
    );
    writeFilesAtomically(fixed.files.filter((f) => fixed.changed.includes(f.path)));
    for (const p of fixed.changed)
      printLine(
        io.stderr,
        `aspire-parity check: fixed ${p} (${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'} ` +
          `applied in all)`,
      );
    checked = checker.check(input.topology, settings, fixed.files, options);
  }
  const { report: parity, validation } = checked;
  const rows = [...parity.rows, ...validation.map(validationRow)];
  const report: ParityReport = { rows, summary: summarize(rows), diagnostics: parity.diagnostics };
  // SARIF and annotations name files as GitHub does: from the repository root.
  const root = format === 'sarif' || format === 'github' ? repositoryRoot(process.cwd()) : undefined;
  printText(io.stdout, render(format, root ? relativeToRoot(report, root) : report, failOn));
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
