/**
 * Where a reader reports problems: one resource (or the document), with field paths that
 * become both the diagnostic's `field` ("bindings.http.port") and, through the parsed
 * positions, its line and column.
 */
// Type-only: the JSON toolkit is a leaf; Diagnostic is a plain shape shared by the whole core.
import type { Diagnostic, Severity } from '../model/diagnostics';
import { pointerSegment, type JsonPositions } from './json-parse';

export type FieldPath = readonly (string | number)[];

export interface Scope {
  /** The Aspire resource concerned, if any. */
  readonly resource?: string;
  report(severity: Severity, code: string, message: string, path?: FieldPath): void;
}

/** Collects diagnostics for one document, placing them with the JSON positions when known. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly positions?: JsonPositions,
    /** Pointer prefix of the resource map, e.g. "/resources" or "/topology/resources". */
    private readonly resourcePointer: (resource: string) => string = (r) => `/resources/${pointerSegment(r)}`,
  ) {}

  add(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** A scope for one resource (or the whole document when `resource` is undefined). */
  scope(resource?: string, basePointer?: string): Scope {
    const base = basePointer ?? (resource !== undefined ? this.resourcePointer(resource) : '');
    return {
      ...(resource !== undefined ? { resource } : {}),
      report: (severity, code, message, path = []) => {
        const pointer = base + path.map((p) => `/${pointerSegment(String(p))}`).join('');
        const pos = this.positions?.at(pointer);
        const field = path.length ? path.join('.') : undefined;
        this.diagnostics.push({
          severity,
          code,
          message,
          ...(resource !== undefined ? { resource } : {}),
          ...(field !== undefined ? { field } : {}),
          ...(pos ?? {}),
        });
      },
    };
  }
}
