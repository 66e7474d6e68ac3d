/**
 * Resource names are user data. "constructor" is a valid Aspire and Kubernetes name, and also a
 * key every plain JS object inherits: lookups keyed by a resource name must not see it.
 */
import { describe, expect, it } from 'vitest';
import { importManifest } from '../aspire/manifest';
import { generate } from '../kube/generate';
import { withDefaults } from '../model/settings';
import { BUNDLE_FORMATS, layoutBundle } from './layout';
import { plainFileName } from './plain';

const manifest = JSON.stringify({
  resources: {
    constructor: {
      type: 'container.v0',
      image: 'nginx:1.27',
      bindings: { http: { scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 80 } },
    },
    web: { type: 'container.v0', image: 'nginx:1.27', env: { API: '{constructor.bindings.http.url}' } },
  },
});

describe('a resource named like an Object.prototype member', () => {
  it('plain: the file is constructor.yaml, after the shared files', () => {
    expect(plainFileName('constructor')).toBe('constructor.yaml');
    expect(plainFileName('secrets')).toBe('01-secrets.yaml');
  });

  it.each(BUNDLE_FORMATS)('%s: lays out without throwing, one file named after the resource', (format) => {
    const { topology } = importManifest(manifest, { fileName: 'aspire-manifest.json' });
    const settings = withDefaults({});
    const files = layoutBundle(format, generate(topology, settings), topology, settings);
    expect(files.map((f) => f.path).filter((p) => /native code|function/.test(p))).toEqual([]);
    expect(files.some((f) => /(^|\/)constructor\.yaml$/.test(f.path))).toBe(true);
  });
});
