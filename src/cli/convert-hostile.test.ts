/** `convert` on hostile names: prototype keys, names that collide once normalised. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli';

const container = '{"type":"container.v0","image":"nginx:1.27"}';

describe('convert, hostile names', () => {
  it('prototype names deploy as objects of their own; a collision is reported once, naming both', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'convert-hostile-')), 'aspire-manifest.json');
    writeFileSync(
      file,
      `{"resources":{"__proto__":${container},"constructor":${container},"a-b":${container},"a_b":${container}}}`,
    );
    const r = await runCli(['convert', file, '--stdout']);
    expect(r.code).toBe(0);
    const names = [...r.stdout.matchAll(/^kind: Deployment\nmetadata:\n {2}name: (.+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(['proto', 'constructor', 'a-b', 'a-b-2']);
    const collisions = r.stderr.split('\n').filter((l) => l.includes('both become the Kubernetes name'));
    expect(collisions).toEqual([expect.stringContaining('"a_b" and "a-b" both become the Kubernetes name "a-b"')]);
  });
});
