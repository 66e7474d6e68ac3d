import { describe, expect, it } from 'vitest';
import { catalogItem } from '../core/model/integrations/palette';
import { emptyDesign } from '../core/model/design';
import { ownRecord } from './own-record';
import { decodeShareHash, encodeShareHash } from './share-link';

describe('share links', () => {
  it('round-trip a design without secret values', () => {
    const doc = emptyDesign();
    const secret = {
      ...catalogItem('secret').create('apikey')[0]!,
      parameter: { secret: true, default: { kind: 'value' as const, value: 'hunter2' } },
    };
    const plain = {
      ...catalogItem('parameter').create('region')[0]!,
      parameter: { secret: false, default: { kind: 'value' as const, value: 'eu-west' } },
    };
    doc.topology.resources.push(secret, plain, ...catalogItem('postgres').create('pg'));
    doc.edits['k8s/apikey/secret.yaml'] = 'kind: Secret\nstringData:\n  v: hunter2\n';
    doc.edits['k8s/pg/statefulset.yaml'] = 'kind: StatefulSet\n';
    const enc = encodeShareHash(doc);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    const dec = decodeShareHash(enc.hash);
    expect(dec?.ok).toBe(true);
    if (!dec?.ok) return;
    expect(JSON.stringify(dec.doc)).not.toContain('hunter2');
    expect(dec.doc.topology.resources.map((r) => r.name)).toEqual(['apikey', 'region', 'pg', 'pg-password']);
    expect(dec.doc.topology.resources[1]!.parameter?.default).toEqual({ kind: 'value', value: 'eu-west' });
    expect(Object.keys(dec.doc.edits)).toEqual(['k8s/pg/statefulset.yaml']);
  });

  it('keeps edit paths named __proto__ and constructor as ordinary edits', () => {
    const doc = {
      ...emptyDesign(),
      edits: ownRecord([
        ['__proto__', 'kind: ConfigMap\n'],
        ['constructor', 'kind: ConfigMap\n'],
        ['k8s/x/secret.yaml', 'kind: Secret\n'],
      ]),
    };
    const enc = encodeShareHash(doc);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    const dec = decodeShareHash(enc.hash);
    expect(dec?.ok).toBe(true);
    if (!dec?.ok) return;
    expect(Object.keys(dec.doc.edits).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(dec.doc.edits)).toBe(null);
    expect(dec.doc.edits['constructor']).toBe('kind: ConfigMap\n');
  });

  it('reports a damaged link', () => {
    expect(decodeShareHash('#design=%%%garbage')?.ok).toBe(false);
    expect(decodeShareHash('#other')).toBeUndefined();
  });
});
