/**
 * The CI formats judged by what reads them, not by their own writer: SARIF by the SARIF 2.1.0
 * JSON schema (fixtures/sarif/sarif-2.1.0-rtm.5.json, as shipped in the npm package
 * @microsoft/jest-sarif 1.0.0-beta.0, MIT) with ajv; JUnit by an XML parser (happy-dom's, which
 * reports malformed XML as a parsererror) reading every hostile string back; GitHub workflow
 * commands by the runner's own grammar and unescaping (actions/runner ActionCommand).
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { STDIN_PATH } from './check-bundle';
import { checkParity } from './engine';
import { MUTATIONS, mutate } from './mutations.fixture';
import { toGitHub, toJUnit } from './report-formats';
import { toSarif } from './sarif';
import type { ParityRow } from './types';

const HOSTILE = 'a<b>&"c\' 100% done, x:y\r\nnext\tline \u0007bell \ud800 end';
const rows: ParityRow[] = [
  {
    id: 'r1',
    rule: 'reachability',
    resource: `trip-api ${HOSTILE}`,
    declaration: `WithReference(${HOSTILE})`,
    requirement: HOSTILE,
    status: 'fail',
    detail: HOSTILE,
    evidence: [{ file: 'k8s/a, b: c%.yaml', line: 3, endLine: 5 }],
    fix: { text: HOSTILE },
  },
  { id: 'r2', rule: 'probes', resource: 'w', declaration: 'd', requirement: 'q', status: 'warn' },
  { id: 'r3', rule: 'waitfor', resource: 'w', declaration: 'd', requirement: 'q', status: 'unknown' },
  { id: 'r4', rule: 'workload', resource: 'w', declaration: 'd', requirement: 'q', status: 'pass' },
  {
    ...{ id: 'r5', rule: 'workload', resource: 'x', declaration: 'd', requirement: 'q', status: 'fail' },
    evidence: [{ file: STDIN_PATH, line: 7 }],
  },
];

describe('SARIF meets the SARIF 2.1.0 schema and what code scanning needs', () => {
  const schema = JSON.parse(readFileSync('fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8')) as Record<string, unknown>;
  // The schema is draft-04 (`id`, not `$id`); ajv 8 reads it as such once told its id. Its
  // language-tag pattern is not valid with the `u` flag, hence unicodeRegExp: false.
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile({ ...rest, $id: id as string });

  it('a hostile report validates; a wrong level does not (the validator can fail)', () => {
    const log = toSarif({ rows });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(log) as { runs: { results: { level: string }[] }[] };
    bad.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(bad)).toBe(false);
  });

  it('relative URIs on %SRCROOT%, 1-based lines, no location for standard input', () => {
    const results = (toSarif({ rows }).runs[0] as { results: Record<string, unknown>[] }).results;
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
    expect(results[0]!.locations).toEqual([
      {
        physicalLocation: {
          // Percent-encoded: a space or `%` is no valid URI reference, and `x:` would read as a scheme.
          artifactLocation: { uri: 'k8s/a%2C%20b%3A%20c%25.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, endLine: 5 },
        },
      },
    ]);
    expect(results[3]!.locations).toBeUndefined();
  });

  it('a real bundle: valid, and its fingerprints are the same in a second, independent run', () => {
    const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
      .topology;
    const text = mutate(
      readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8'),
      MUTATIONS.find((m) => m.name === 'misspell ConnectionStrings__catalg')!,
    );
    const run = () => toSarif(checkParity({ topology, files: [{ path: 'k8s/bundle.yaml', text }] }));
    const a = run();
    expect(validate(a), JSON.stringify(validate.errors)).toBe(true);
    const prints = (log: typeof a) =>
      (log.runs[0] as { results: { partialFingerprints: object }[] }).results.map((r) => r.partialFingerprints);
    expect(prints(a).length).toBeGreaterThan(0);
    expect(prints(run())).toEqual(prints(a));
  });
});

describe('JUnit XML is well-formed and reads back what was written', () => {
  const xml = toJUnit({ rows });
  const doc = new new Window().DOMParser().parseFromString(xml, 'application/xml');

  it('parses, one testcase per row, failures and skipped counted', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const suites = doc.documentElement;
    expect(doc.getElementsByTagName('testcase')).toHaveLength(rows.length);
    expect([suites.getAttribute('tests'), suites.getAttribute('failures'), suites.getAttribute('skipped')]).toEqual([
      '5',
      '2',
      '1',
    ]);
    expect(toJUnit({ rows }, 'warn')).toMatch(/<testsuites [^>]*failures="3"/);
  });

  it('escapes < & " and line breaks in attributes; drops what XML cannot carry', () => {
    const failure = doc.getElementsByTagName('failure')[0]!;
    // Control characters (BEL) and the lone surrogate are dropped; everything else comes back.
    const readable = HOSTILE.replace('\u0007', '').replace('\ud800', '');
    expect(failure.getAttribute('message')).toBe(readable);
    expect(doc.getElementsByTagName('testsuite')[0]!.getAttribute('name')).toBe(`trip-api ${readable}`);
    expect(failure.textContent).toContain(readable);
  });
});

describe('GitHub workflow commands follow the runner grammar', () => {
  /** actions/runner: `::name k=v,k=v::data`; properties unescape %25 %0D %0A %3A %2C, data %25 %0D %0A. */
  const parseCommand = (line: string) => {
    const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line)!;
    const unescape = (s: string) =>
      s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const props = Object.fromEntries(
      (m[2] ?? '').split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]),
    );
    const data = m[3]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    return { name: m[1], props, data };
  };
  const lines = toGitHub({ rows }).trimEnd().split('\n');

  it('one line per row that is not a pass: error, warning, notice', () => {
    expect(lines.map((l) => parseCommand(l).name)).toEqual(['error', 'warning', 'notice', 'error']);
    expect(toGitHub({ rows }, 'warn').split('\n')[1]).toMatch(/^::error /);
  });

  it('file, line and title read back exactly; standard input gets no file', () => {
    const first = parseCommand(lines[0]!);
    expect(first.props).toEqual({
      file: 'k8s/a, b: c%.yaml',
      line: '3',
      endLine: '5',
      title: `trip-api ${HOSTILE}: reachability`,
    });
    expect(first.data).toContain(`WithReference(${HOSTILE}): ${HOSTILE}.`);
    expect(parseCommand(lines[3]!).props).toEqual({ title: 'x: workload' });
  });
});
