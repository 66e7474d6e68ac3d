/**
 * The designer's document: the topology plus what only the designer knows (node positions,
 * deployment settings, hand edits of generated files). Pure data, JSON-serialisable; the
 * versioned on-disk envelope lives in ./design-document.ts.
 */
import type { DeploySettings } from './settings';
import { emptyTopology, type Topology } from './topology';

export interface XY {
  x: number;
  y: number;
}

export interface DesignDoc {
  topology: Topology;
  /** Canvas position of each resource, keyed by resource name. */
  positions: Record<string, XY>;
  settings: Partial<DeploySettings>;
  /** Hand edits of generated files, keyed by file path. */
  edits: Record<string, string>;
}

/**
 * A resource's saved position. Own keys only: positions are keyed by resource name, and
 * "constructor" is a valid name that a plain lookup would find on Object.prototype.
 */
export function positionOf(positions: Record<string, XY>, name: string): XY | undefined {
  return Object.hasOwn(positions, name) ? positions[name] : undefined;
}

export function emptyDesign(name = 'app'): DesignDoc {
  return { topology: emptyTopology(name), positions: {}, settings: {}, edits: {} };
}
