/**
 * Diagnostics: what import, generation and parsing say about user input. Nothing in the core
 * throws for user input; it returns results plus diagnostics that name what and where.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. "json-syntax", "dangling-reference". */
  code: string;
  message: string;
  /** The Aspire resource concerned, when there is one. */
  resource?: string;
  /** The field inside the resource, e.g. "bindings.http.port". */
  field?: string;
  /**
   * The file the position is in, as the user named it, when the input is several files (an App
   * Host project's sibling `.cs` files): without it, a warning from a helper file would be shown
   * against the entry file's line numbers.
   */
  file?: string;
  /** 1-based source position, when known. */
  line?: number;
  column?: number;
}

export function diag(
  severity: Severity,
  code: string,
  message: string,
  where: Omit<Diagnostic, 'severity' | 'code' | 'message'> = {},
): Diagnostic {
  return { severity, code, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
