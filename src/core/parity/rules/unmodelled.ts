/**
 * What import could not model is a row: each `Topology.unmodelled` entry becomes an `unknown`
 * row on its resource (or the application), with the App Host file and line, so a bundle can
 * never look complete because the input was half read.
 */
import { row, type CheckContext } from '../context';
import type { ParityRow } from '../types';

export function unmodelledRows(ctx: CheckContext): ParityRow[] {
  return (ctx.topology.unmodelled ?? []).map((u) => {
    const where = u.file
      ? `${u.file}${u.line !== undefined ? `:${u.line}${u.column !== undefined ? `:${u.column}` : ''}` : ''}`
      : '';
    return row({
      rule: 'unmodelled',
      resource: u.resource && ctx.resources.has(u.resource) ? u.resource : ctx.topology.name,
      detailKey: `${u.construct}@${where}`,
      declaration: u.construct,
      requirement: 'Everything the App Host or manifest declares was read, so the bundle can recreate it',
      status: 'unknown',
      detail:
        `${where ? `${where}: ` : ''}${u.message} Import did not model it, so no row can prove the bundle ` +
        `recreates it; verify it by hand.`,
      ...(u.file ? { evidence: [{ file: u.file, line: Math.max(1, u.line ?? 1) }] } : {}),
    });
  });
}
