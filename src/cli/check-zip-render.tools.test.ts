/**
 * Every download checks from the zip alone (`aspire-parity check <download>.zip`), the Kustomize
 * and Helm ones as the real kubectl and helm render them: the generated bundle passes, and one
 * broken Service port in the base or the chart fails (a render that read nothing would pass).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutBundle, type BundleFormat } from '../core/bundle/layout';
import { zipBundle } from '../core/bundle/zip';
import { generate } from '../core/kube/generate';
import { withDefaults } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import { readFileSync } from 'node:fs';
import { ensureK8sTools } from '../test-support/k8s-tools';
import { runCli } from '../test-support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'aspire-parity-zips-'));
const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const settings = withDefaults(undefined);

/** The download as the app builds it; `broken` moves the last `targetPort: tcp` (the database's Service) to 1434. */
function download(format: BundleFormat, broken = false): string {
  const files = layoutBundle(format, generate(topology, settings), topology, settings).map((f) => {
    const at = f.text.lastIndexOf('targetPort: tcp');
    if (!broken || !/catalog-sql/.test(f.path) || at < 0) return f;
    return { ...f, text: `${f.text.slice(0, at)}targetPort: 1434${f.text.slice(at + 'targetPort: tcp'.length)}` };
  });
  const path = join(dir, `${format}${broken ? '-broken' : ''}.zip`);
  writeFileSync(path, zipBundle(files));
  return path;
}

beforeAll(() => {
  const tools = ensureK8sTools();
  process.env.PATH = `${dirname(tools.kubectl)}:${dirname(tools.helm)}:${process.env.PATH}`;
}, 600_000);

describe('check <download>.zip, as rendered', () => {
  for (const format of ['plain', 'kustomize', 'helm'] as const) {
    it(`${format}: the generated bundle passes; a broken database Service port fails`, async () => {
      const good = await runCli(['check', download(format)]);
      expect(good.stderr).toBe('');
      expect([good.code, good.stdout]).toEqual([0, expect.stringMatching(/\d\d+ pass, 0 fail/)]);
      const bad = await runCli(['check', download(format, true), '--format', 'github']);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^::error .*reachability::.*catalog-sql/m);
    }, 120_000);
  }
});
