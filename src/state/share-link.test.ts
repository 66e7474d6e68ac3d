import { describe, expect, it } from 'vitest';
import { catalogItem } from '../core/model/integrations/palette';
import { emptyDesign, type DesignDoc } from '../core/model/design';
import { ownRecord } from './own-record';
import { decodeShareHash, encodeShareHash } from './share-link';

/** Encode as a link, decode it again; fails the test when either step refuses. */
function roundTrip(doc: DesignDoc): DesignDoc {
  const enc = encodeShareHash(doc);
  if (!enc.ok) throw new Error(`encode refused: ${enc.message}`);
  const dec = decodeShareHash(enc.hash);
  if (!dec?.ok) throw new Error(`decode refused: ${dec ? dec.message : 'no design in the hash'}`);
  return dec.doc;
}

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
    const back = roundTrip(doc);
    expect(JSON.stringify(back)).not.toContain('hunter2');
    expect(back.topology.resources.map((r) => r.name)).toEqual(['apikey', 'region', 'pg', 'pg-password']);
    expect(back.topology.resources[1]!.parameter?.default).toEqual({ kind: 'value', value: 'eu-west' });
    expect(Object.keys(back.edits)).toEqual(['k8s/pg/statefulset.yaml']);
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
    const back = roundTrip(doc);
    expect(Object.keys(back.edits).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(back.edits)).toBe(null);
    expect(back.edits['constructor']).toBe('kind: ConfigMap\n');
  });

  it('reports a damaged link', () => {
    expect(decodeShareHash('#design=%%%garbage')?.ok).toBe(false);
    expect(decodeShareHash('#other')).toBeUndefined();
  });
});
