/**
 * The Kustomize README tells how a WaitForCompletion Job's previous revision goes (apply --prune
 * by the app's label, or delete), and that an overlay's image change needs the Job deleted first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAppHost } from '../aspire/apphost/import';
import { testParser } from '../aspire/apphost/test-support';
import { generate } from '../kube/generate';
import { withDefaults } from '../model/settings';
import { kustomizeBundle } from './kustomize';

describe('Kustomize README', () => {
  it('names the run-once Jobs and how their earlier revisions go; says nothing of Jobs without any', async () => {
    const parser = await testParser();
    const text = readFileSync('fixtures/oracle/waitfor-completion/apphost.cs', 'utf8');
    const { topology } = importAppHost(parser, text, { fileName: 'apphost.cs' });
    const settings = withDefaults({ namespace: 'shop' });
    const readmeOf = (t: typeof topology) =>
      kustomizeBundle(generate(t, settings), t, settings).find((f) => f.path === 'README.md')!.text;
    const readme = readmeOf(topology);
    const job = /`(migrator-[0-9a-f]{8})`/.exec(readme)?.[1];
    expect(job).toBeDefined();
    expect(generate(topology, settings).objects.some((o) => o.object.metadata.name === job)).toBe(true);
    expect(readme).toContain('kubectl apply -k overlays/prod --prune -l app.kubernetes.io/part-of=');
    expect(readme).toMatch(/`images:` change .* delete the Job before applying/);
    const noJobs = { ...topology, references: topology.references.filter((r) => r.waitFor !== 'completion') };
    expect(readmeOf(noJobs)).not.toContain('Jobs that run once');
  });
});
