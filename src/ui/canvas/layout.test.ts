import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/model/catalog';
import { connect } from '../../core/model/commands';
import { emptyDesign } from '../../core/model/design';
import { gridLayout, layoutTopology } from './layout';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow';

describe('layoutTopology', () => {
  it('places every resource without overlaps', { timeout: 180_000 }, async () => {
    let doc = emptyDesign();
    const resources = CATALOG.filter((c) => c.id !== 'database').flatMap((c) => c.create(`${c.baseName}`));
    doc = { ...doc, topology: { ...doc.topology, resources } };
    const r = connect(doc, 'api', 'postgres');
    expect(r.ok, 'api → postgres connects').toBe(true);
    if (r.ok) doc = r.doc;
    const pos = await layoutTopology(doc.topology);
    // elk, not the fallback: the grid never overlaps either, so "no overlaps" alone passes when
    // elk fails. Layered left → right puts the consumer left of what it references.
    expect(pos, 'elk laid it out (not the grid fallback)').not.toEqual(gridLayout(doc.topology));
    expect(pos.api!.x, 'api is left of postgres').toBeLessThan(pos.postgres!.x);
    const boxes = resources.map((r) => pos[r.name]!);
    expect(boxes.every(Boolean)).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;
        expect(overlap, `${resources[i]!.name} overlaps ${resources[j]!.name}`).toBe(false);
      }
  });
});
