/**
 * The parity report in the formats CI systems read, besides SARIF (./sarif.ts): JUnit XML (one
 * test suite per resource, one test case per row) and GitHub workflow commands
 * (`::error file=…,line=…::`), which GitHub turns into annotations on the pull request's diff.
 * `failOn` decides what counts as failing: rows that fail; rows that fail or warn; or, with
 * `unknown`, every row that is not a pass (a strict gate: nothing left to verify by hand).
 */
import type { ParityReport, ParityRow } from './types';

export type FailOn = 'fail' | 'warn' | 'unknown';

export function isFailing(r: Pick<ParityRow, 'status'>, failOn: FailOn): boolean {
  if (failOn === 'unknown') return r.status !== 'pass';
  return r.status === 'fail' || (failOn === 'warn' && r.status === 'warn');
}

function xml(s: string): string {
  // XML 1.0 forbids most control characters even escaped, and U+FFFE, U+FFFF and lone
  // surrogates outright: drop them.
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // A raw CR is read back as a line feed.
      .replace(/\r/g, '&#13;')
  );
}

/** In an attribute a raw tab or line break is read back as a space (attribute normalisation). */
function attr(s: string): string {
  return xml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function where(r: ParityRow): string {
  const e = r.evidence?.find((x) => x.file);
  return e ? `${e.file}:${e.line}` : '';
}

function message(r: ParityRow): string {
  return `${r.declaration}: ${r.requirement}.${r.detail ? ` ${r.detail}` : ''}${r.fix ? ` Fix: ${r.fix.text}` : ''}`;
}

export function toJUnit(report: Pick<ParityReport, 'rows'>, failOn: FailOn = 'fail'): string {
  const byResource = new Map<string, ParityRow[]>();
  for (const r of report.rows) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);
  const total = { tests: 0, failures: 0, skipped: 0 };
  const suites: string[] = [];
  for (const [resource, rows] of byResource) {
    const failures = rows.filter((r) => isFailing(r, failOn)).length;
    const skipped = rows.filter((r) => r.status === 'unknown').length;
    total.tests += rows.length;
    total.failures += failures;
    total.skipped += skipped;
    const cases = rows.map((r) => {
      const fileAttr = where(r) ? ` file="${attr(r.evidence!.find((x) => x.file)!.file)}"` : '';
      const head =
        `    <testcase classname="${attr(`aspire-parity.${r.rule}`)}" ` +
        `name="${attr(`${r.declaration} — ${r.requirement}`)}"${fileAttr}>`;
      if (isFailing(r, failOn)) {
        const body = xml(`${message(r)}${where(r) ? `\n at ${where(r)}` : ''}`);
        return (
          `${head}\n      <failure type="${r.status}" ` +
          `message="${attr(r.detail ?? r.requirement)}">${body}</failure>\n    </testcase>`
        );
      }
      if (r.status === 'unknown')
        return (
          `${head}\n      <skipped message="${attr(r.detail ?? 'needs verification on the cluster')}"/>\n    ` +
          `</testcase>`
        );
      if (r.status === 'warn')
        return `${head}\n      <system-out>${xml(`WARN ${message(r)}`)}</system-out>\n    </testcase>`;
      return `${head}</testcase>`;
    });
    suites.push(
      `  <testsuite name="${attr(resource)}" tests="${rows.length}" failures="${failures}" errors="0" ` +
        `skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="aspire-parity" tests="${total.tests}" ` +
    `failures="${total.failures}" errors="0" skipped="${total.skipped}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}

/** GitHub's escaping: data (%, CR, LF) and, in properties, also ':' and ','. */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command per row that is not a pass: fail → error, warn → warning (error with --fail-on warn), unknown →
 * notice.
 */
export function toGitHub(report: Pick<ParityReport, 'rows'>, failOn: FailOn = 'fail'): string {
  const lines: string[] = [];
  for (const r of report.rows) {
    if (r.status === 'pass') continue;
    const level = isFailing(r, failOn) ? 'error' : r.status === 'warn' ? 'warning' : 'notice';
    // Standard input (`<stdin>`) is no file of the pull request: the annotation has no place.
    const e = r.evidence?.find((x) => x.file && !x.file.startsWith('<'));
    const props = [
      ...(e
        ? [`file=${ghProp(e.file)}`, `line=${Math.max(1, e.line)}`, ...(e.endLine ? [`endLine=${e.endLine}`] : [])]
        : []),
      `title=${ghProp(`${r.resource}: ${r.rule}`)}`,
    ];
    lines.push(`::${level} ${props.join(',')}::${ghData(message(r))}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
