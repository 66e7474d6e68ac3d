/**
 * The Job a service waits for (WaitForCompletion) is judged for the next release: the generator's
 * Job (named for its spec, a release object, no TTL) passes; a Helm hook (which deadlocks
 * `helm install --wait`), a TTL (the Job disappears and is re-created and re-run) and a fixed name
 * (the next changed spec fails to apply) each warn, saying why. The App Host is the oracle's.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../aspire/apphost/import';
import { testParser } from '../aspire/apphost/test-support';
import { generateBundle } from '../bundle/plain';
import { withDefaults } from '../model/settings';
import type { Topology } from '../model/topology';
import { checkParity } from './engine';

let topology: Topology;
let files: { path: string; text: string }[];
let job = '';
beforeAll(async () => {
  const parser = await testParser();
  const text = readFileSync('fixtures/oracle/waitfor-completion/apphost.cs', 'utf8');
  topology = importAppHost(parser, text, { fileName: 'apphost.cs' }).topology;
  files = generateBundle(topology).files.filter((f) => /\.ya?ml$/.test(f.path));
  job = /kind: Job\nmetadata:\n {2}name: (migrator-[0-9a-f]{8})/.exec(files.map((f) => f.text).join('\n'))![1]!;
});

/** The row for api's wait on migrator, after `edit` of every file's text. */
function jobRow(edit: (text: string) => string = (t) => t) {
  const r = checkParity({
    topology,
    files: files.map((f) => ({ ...f, text: edit(f.text) })),
    settings: withDefaults(undefined),
  });
  return r.rows.find((x) => x.id === 'waitfor-job:api:migrator')!;
}

describe('the Job a service waits for survives the next release', () => {
  it("the generator's Job passes", () => {
    expect(jobRow()).toMatchObject({ status: 'pass' });
    expect(jobRow().detail).toContain(job);
  });

  it('a post-install hook warns: helm install --wait never ends, and old hook Jobs are never pruned', () => {
    const hooked = jobRow((t) =>
      t.replace(
        `kind: Job\nmetadata:\n  name: ${job}\n`,
        `kind: Job\nmetadata:\n  name: ${job}\n  annotations:\n    helm.sh/hook: post-install,post-upgrade\n`,
      ),
    );
    expect(hooked.status).toBe('warn');
    expect(hooked.detail).toMatch(/post-install,post-upgrade hook: helm install --wait .* never ends/);
    expect(hooked.detail).toMatch(/never prunes/);
  });

  it('a TTL warns: a later pod waits for a Job that is gone, and apply runs it again', () => {
    const ttl = jobRow((t) => t.replace(/(kind: Job\n[\s\S]*?\nspec:\n)/, '$1  ttlSecondsAfterFinished: 300\n'));
    expect(ttl.status).toBe('warn');
    expect(ttl.detail).toMatch(/ttlSecondsAfterFinished: 300 .* runs it again/);
  });

  it('a fixed name warns (the next changed spec fails to apply); a release number counts as versioned', () => {
    const rename = (to: string) => (t: string) => t.split(job).join(to);
    const fixed = jobRow(rename('migrator'));
    expect(fixed.status).toBe('warn');
    expect(fixed.detail).toMatch(/its name migrator stays the same .* fails to apply/);
    expect(jobRow(rename('db-migrations')).status).toBe('warn');
    expect(jobRow(rename('migrator-12')).status).toBe('pass');
    expect(jobRow(rename('migrator-v2')).status).toBe('pass');
  });
});
