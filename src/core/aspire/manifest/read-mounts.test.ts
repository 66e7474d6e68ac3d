import { describe, expect, it } from 'vitest';
import { importManifest } from './import-manifest';
import { volumeMeaning } from './read-mounts';

describe('generated volume names', () => {
  it('drop the application name and App Host path hash Aspire puts in front', () => {
    expect(volumeMeaning('apphost-b9095966c3-postgres-data', 'postgres')).toBe('postgres-data');
    expect(volumeMeaning('testshop.apphost-a23213a1a9-basketcache-data', 'basketcache')).toBe('basketcache-data');
    expect(volumeMeaning('my-app-0123456789-order-db-data', 'order-db')).toBe('order-db-data');
  });

  it('keep names the user chose', () => {
    expect(volumeMeaning('shop-pg', 'postgres')).toBe('shop-pg');
    expect(volumeMeaning('apphost-b9095966c3-other-data', 'postgres')).toBe('apphost-b9095966c3-other-data');
    expect(volumeMeaning('apphost-b9095966c3-postgres-', 'postgres')).toBe('apphost-b9095966c3-postgres-');
    expect(volumeMeaning('apphost-notahash00-postgres-data', 'postgres')).toBe('apphost-notahash00-postgres-data');
  });

  it('so manifests published from two folders import the same volume', () => {
    const manifest = (hash: string) =>
      JSON.stringify({
        resources: {
          pg: {
            type: 'container.v0',
            image: 'postgres:18.3',
            volumes: [{ name: `apphost-${hash}-pg-data`, target: '/var/lib/postgresql', readOnly: false }],
          },
        },
      });
    const a = importManifest(manifest('05339faf58')).topology.resources[0]!.volumes;
    const b = importManifest(manifest('b9095966c3')).topology.resources[0]!.volumes;
    expect(a).toEqual([{ name: 'pg-data', target: '/var/lib/postgresql', readOnly: false }]);
    expect(b).toEqual(a);
  });
});
