import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/model/integrations/palette';
import type { Topology } from '../../core/model/topology';
import { nodeWidth } from './node-size';
import { buildNodes, unmodelledByResource } from './to-flow';

const api = CATALOG.find((c) => c.id === 'project')!.create('a-rather-long-service-name')[0]!;
const topology: Topology = {
  name: 'app',
  resources: [api],
  references: [],
  unmodelled: [
    {
      resource: api.name,
      construct: 'WithCreationScript',
      message: 'the script is not applied',
      file: 'Program.cs',
      line: 12,
    },
    { construct: 'if', message: 'a branch on the environment' },
  ],
};

describe('canvas nodes', () => {
  it('carry what import could not model, with file and line, for the badge', () => {
    expect(unmodelledByResource(topology).get(api.name)).toBe(
      'WithCreationScript: the script is not applied (Program.cs:12)',
    );
    const [node] = buildNodes([], topology, { [api.name]: { x: 0, y: 0 } }, new Set());
    expect(node!.data.unmodelled).toContain('WithCreationScript');
  });

  it('are as wide as their name needs, and keep their object while nothing changed', () => {
    const first = buildNodes([], topology, { [api.name]: { x: 0, y: 0 } }, new Set());
    expect(first[0]!.width).toBe(nodeWidth(api.name));
    expect(nodeWidth(api.name)).toBeGreaterThan(nodeWidth('db'));
    expect(buildNodes(first, topology, { [api.name]: { x: 0, y: 0 } }, new Set())[0]).toBe(first[0]);
  });
});
