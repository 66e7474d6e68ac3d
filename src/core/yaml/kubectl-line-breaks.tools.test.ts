/**
 * Issue 15, class 1 (reading side): `check` reads YAML the way kubectl does. go-yaml ends a line
 * at NEL, LS, PS and a lone CR, so a hand-made file can hide a field or a whole object inside
 * what the `yaml` library takes for a comment. Proved against the real kubectl (kustomize
 * parses offline): every object and namespace kubectl sees, the checker sees.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, run, writeBundle } from '../../test-support/k8s-tools';
import { parseBundle, withKubectlLineBreaks } from './parse';

const SEPARATORS = { nel: '\u0085', ls: '\u2028', ps: '\u2029', cr: '\r' };

const files = Object.entries(SEPARATORS).flatMap(([n, s]) => [
  {
    path: `${n}-field.yaml`,
    text:
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${n}\n  # x${s}  namespace: ` +
      `evil-${n}\ndata:\n  a: b\n`,
  },
  {
    path: `${n}-object.yaml`,
    text: `# only a comment${s}apiVersion: v1${s}kind: Secret${s}metadata:${s}  name: s-${n}\n`,
  },
]);

type Obj = { kind: string; metadata: { name: string; namespace?: string } };
const key = (o: Obj) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

let dir = '';
afterAll(() => dir && removeDir(dir));

describe('check reads line breaks as kubectl does', () => {
  it('sees every object and field kubectl sees (real kubectl kustomize)', () => {
    dir = writeBundle(files, 'linebreaks-');
    writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n${files.map((f) => `- ${f.path}`).join('\n')}\n`);
    const r = run('kubectl', ['kustomize', dir]);
    expect(r.stderr).toBe('');
    const kubectlSees = r.stdout
      .split(/^---$/m)
      .map((d) => parse(d) as Obj)
      .map(key)
      .sort();
    const parsed = parseBundle(files);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.docs.map((d) => key(d.value as Obj)).sort()).toEqual(kubectlSees);
    expect(kubectlSees).toContain('Secret//s-ls');
    expect(kubectlSees).toContain('ConfigMap/evil-nel/cm-nel');
  });

  it('keeps offsets: one character for one, CRLF untouched', () => {
    expect(withKubectlLineBreaks('a\r\nb\rc\u2028d')).toBe('a\r\nb\nc\nd');
  });
});
