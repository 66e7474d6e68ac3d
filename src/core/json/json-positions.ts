/** Where parsed JSON values sit in their text: JSON pointer → offset → line and column. */
import type { LineIndex } from './line-index';

/** Offsets of values by JSON pointer ("/resources/api/bindings/http/port"), and line/column lookup. */
export class JsonPositions {
  constructor(
    private readonly offsets: Map<string, number>,
    private readonly lines: LineIndex,
  ) {}

  /** Line and column (1-based) of the value at a pointer, or of its nearest recorded ancestor. */
  at(pointer: string): { line: number; column: number } | undefined {
    let p = pointer;
    for (;;) {
      const off = this.offsets.get(p);
      if (off !== undefined) return this.lines.position(off);
      if (p === '') return undefined;
      const cut = p.lastIndexOf('/');
      p = cut <= 0 ? '' : p.slice(0, cut);
    }
  }
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
