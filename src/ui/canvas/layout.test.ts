import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/model/integrations/palette';
import { connect } from '../../core/model/commands';
import { emptyDesign, type DesignDoc } from '../../core/model/design';
import { gridLayout, layoutDesign, layoutTopology } from './layout';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { sharedRuns } from './route-overlap';
import { edgeEnds, routeCrossesRect } from './routes';

function design(): DesignDoc {
  let doc = emptyDesign();
  const resources = CATALOG.filter((c) => c.id !== 'database').flatMap((c) => c.create(`${c.baseName}`));
  const sql = resources.find((r) => r.engine === 'sqlserver')!;
  const db = CATALOG.find((c) => c.id === 'database')!.create('catalog', sql);
  doc = { ...doc, topology: { ...doc.topology, resources: [...resources, ...db] } };
  for (const [a, b] of [
    ['api', 'postgres'],
    ['api', 'catalog'],
    ['web', 'api'],
  ] as const) {
    const r = connect(doc, a, b);
    // A refused connect would leave the layout nothing to order: fail here, not silently.
    if (!r.ok) throw new Error(`${a} → ${b} refused: ${r.reason}`);
    doc = r.doc;
  }
  return doc;
}

describe('layoutTopology', () => {
  it('places every resource without overlaps, databases beside their server', { timeout: 180_000 }, async () => {
    const doc = design();
    const resources = doc.topology.resources;
    const pos = await layoutTopology(doc.topology);
    // elk, not the fallback: the grid never overlaps either, so "no overlaps" alone passes when
    // elk fails. Layered top → bottom puts the consumer above what it references.
    expect(pos, 'elk laid it out (not the grid fallback)').not.toEqual(gridLayout(doc.topology));
    expect(pos.api!.y, 'api is above postgres').toBeLessThan(pos.postgres!.y);
    const boxes = resources.map((r) => ({ ...pos[r.name]!, w: nodeWidth(r.name) }));
    expect(boxes.every((b) => Number.isFinite(b.x))).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;
        expect(overlap, `${resources[i]!.name} overlaps ${resources[j]!.name}`).toBe(false);
      }
    const server = resources.find((r) => r.engine === 'sqlserver')!.name;
    expect(pos['catalog']!.y).toBe(pos[server]!.y);
    expect(pos['catalog']!.x).toBeGreaterThan(pos[server]!.x);
  });

  it('routes every edge orthogonally and through no node it does not join', { timeout: 180_000 }, async () => {
    const doc = design();
    const { positions, routes } = await layoutDesign(doc.topology);
    expect(Object.keys(routes).length).toBeGreaterThanOrEqual(3);
    for (const [id, pts] of Object.entries(routes)) {
      for (let i = 1; i < pts.length; i++)
        expect(pts[i]!.x === pts[i - 1]!.x || pts[i]!.y === pts[i - 1]!.y, id).toBe(true);
      const ends = edgeEnds(id)!;
      for (const r of doc.topology.resources) {
        if (ends.includes(r.name)) continue;
        const p = positions[r.name]!;
        expect(
          routeCrossesRect(pts, { x: p.x, y: p.y, w: nodeWidth(r.name), h: NODE_HEIGHT }),
          `${id} through ${r.name}`,
        ).toBe(false);
      }
    }
  });

  it('gives every edge its own track: consumers of one bus do not share a line', { timeout: 180_000 }, async () => {
    // Four services that all use the same queue and cache (eShop's event bus): with one port per
    // node, elk routed them as one hyperedge, a single horizontal line with every label on it.
    const make = (name: string, kind: 'container' | 'project' = 'container') => ({
      name,
      kind,
      sourceType: 'container.v0',
      image: 'docker.io/library/nginx:1.29',
      args: [],
      env: [],
      endpoints: [],
      volumes: [],
      bindMounts: [],
      settings: {},
    });
    const apis = ['catalog', 'basket', 'ordering', 'payments'];
    const topology = {
      name: 'bus',
      resources: [make('web'), ...apis.map((a) => make(a)), make('queue'), make('cache')],
      references: [
        ...apis.map((a) => ({ from: 'web', to: a, kind: 'service-discovery' as const, waitFor: 'start' as const })),
        ...apis.flatMap((a) =>
          ['queue', 'cache'].map((t) => ({
            from: a,
            to: t,
            kind: 'service-discovery' as const,
            waitFor: 'start' as const,
          })),
        ),
      ],
    } as unknown as Parameters<typeof layoutDesign>[0];
    const { routes } = await layoutDesign(topology);
    expect(Object.keys(routes)).toHaveLength(12);
    expect(sharedRuns(new Map(Object.entries(routes)))).toEqual([]);
  });
});
