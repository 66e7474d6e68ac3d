import { describe, expect, it } from 'vitest';
import { checkBundlePaths, unzipBundle, zipBundle } from './zip';

describe('zipBundle', () => {
  const files = [
    { path: 'k8s/trip-api.yaml', text: 'apiVersion: v1\nkind: Service\n# ünïcode ✓\n' },
    { path: 'README.md', text: '# Bundle\n' },
  ];

  it('round-trips text exactly, in order', () => {
    expect(unzipBundle(zipBundle(files))).toEqual(files);
  });

  it('is reproducible byte for byte', () => {
    expect(zipBundle(files)).toEqual(zipBundle(files));
  });

  it('puts files under a folder when asked', () => {
    expect(unzipBundle(zipBundle(files, 'travel')).map((f) => f.path)).toEqual([
      'travel/k8s/trip-api.yaml',
      'travel/README.md',
    ]);
  });

  it('refuses zip-slip and duplicate paths', () => {
    expect(checkBundlePaths([{ path: '../etc/passwd', text: '' }])).toHaveLength(1);
    expect(checkBundlePaths([{ path: '/abs.yaml', text: '' }])).toHaveLength(1);
    expect(
      checkBundlePaths([
        { path: 'a.yaml', text: '' },
        { path: 'a.yaml', text: '' },
      ]),
    ).toHaveLength(1);
    expect(() => zipBundle([{ path: 'a/../../b', text: '' }])).toThrow(/Unsafe/);
  });
});
