/**
 * `aspire-parity check <topology-file> <yaml-file-or-dir>... [--json | --sarif]`
 * Reads a topology (Aspire manifest or design JSON) and Kubernetes YAML, prints the parity
 * table. Exit 0: no row fails; 1: some row fails; 2: bad input (unreadable file, invalid YAML,
 * alias bomb) with a one-line message naming the file.
 */
import type { Command } from 'commander';
import { withDefaults } from '../core/model/settings';
import { checklistStatus } from '../core/parity/checklist';
import { checkParity } from '../core/parity/engine';
import { toSarif } from '../core/parity/sarif';
import type { ParityRow } from '../core/parity/types';
import { collectYaml } from './collect-yaml';
import { CliError, type CliIo } from './io';
import { loadTopology } from './load-topology';
import { printJson, printLine, printText } from './print';
import { safeLine } from '../core/model/safe-text';

class InputError extends Error {}

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
      lines.push(`  ${mark[r.status]}  ${safeLine(r.declaration)}: ${safeLine(r.requirement)}${evidenceText(r) ? `  [${evidenceText(r)}]` : ''}`);
      if (r.status !== 'pass' && r.detail) lines.push(`        ${safeLine(r.detail)}`);
      if (r.status !== 'pass' && r.fix) lines.push(`        fix: ${safeLine(r.fix.text)}`);
    }
  }
  return lines.join('\n');
}

export function registerCheck(program: Command, setExit: (code: number) => void, io: CliIo): void {
  program
    .command('check')
    .description('Check Kubernetes YAML against an App Host topology (the parity table).')
    .argument('<topology-file>', 'Aspire manifest JSON or design JSON')
    .argument('<yaml...>', 'Kubernetes YAML files or directories; - reads standard input (rendered Kustomize or Helm output)')
    .option('--json', 'print JSON')
    .option('--sarif', 'print SARIF 2.1.0')
    .option('--pre-created-secret <name>', 'a Secret created outside the bundle (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .action(async (topologyFile: string, yamlPaths: string[], opts: { json?: boolean; sarif?: boolean; preCreatedSecret: string[] }) => {
      try {
        if (opts.json && opts.sarif) throw new InputError('choose one of --json and --sarif');
        const loaded = await loadTopology(topologyFile, (line) => printLine(io.stderr, line));
        const files = collectYaml(yamlPaths, undefined, (line) => printLine(io.stderr, `warning: ${line}`));
        if (files.length === 0) throw new InputError(`${yamlPaths.join(', ')}: no .yaml or .yml files`);
        const report = checkParity({ topology: loaded.topology, files, settings: withDefaults(loaded.settings), options: { preCreatedSecrets: opts.preCreatedSecret } });
        const bad = report.diagnostics.find((d) => d.severity === 'error');
        if (bad) throw new InputError(bad.message.startsWith(bad.file) ? bad.message : `${bad.file}: ${bad.message}`);
        if (opts.json) {
          const rows = report.rows.map((r) => ({ id: r.id, declaration: r.declaration, resource: r.resource, requirement: r.requirement, status: r.status, ...(r.detail ? { detail: r.detail } : {}), ...(r.evidence?.[0]?.file ? { evidence: { file: r.evidence[0].file, line: r.evidence[0].line } } : {}), ...(r.fix ? { fix: r.fix } : {}), rule: r.rule }));
          printJson(io.stdout, { rows, summary: report.summary, checklist: checklistStatus(report) });
        } else if (opts.sarif) printJson(io.stdout, toSarif(report));
        else {
          const s = report.summary;
          const cl = checklistStatus(report);
          printText(io.stdout, `${humanTable(report.rows)}\n\nChecklist: ${cl.filter((c) => c.status === 'satisfied').length} satisfied, ${cl.filter((c) => c.status === 'not').length} not, ${cl.filter((c) => c.status === 'not-verifiable').length} not verifiable from YAML\n${s.pass} pass, ${s.fail} fail, ${s.warn} warn, ${s.unknown} unknown\n`);
        }
        setExit(report.summary.fail > 0 ? 1 : 0);
      } catch (e) {
        if (!(e instanceof InputError) && !(e instanceof CliError)) throw e;
        printLine(io.stderr, `aspire-parity check: ${e.message}`);
        setExit(2);
      }
    });
}
