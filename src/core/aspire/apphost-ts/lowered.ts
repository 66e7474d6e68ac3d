/**
 * What lowering apphost.ts gives: the C# text, what had no C# counterpart, and the TypeScript
 * syntax errors (positions 1-based, as diagnostics report them).
 */
import type * as TS from 'typescript';

export interface LostConstruct {
  construct: string;
  message: string;
  line: number;
  column: number;
}

export interface Lowered {
  csharp: string;
  lost: LostConstruct[];
  /** TypeScript syntax errors (1-based positions). */
  syntaxErrors: LostConstruct[];
}

/**
 * The parser's own syntax errors for a source file, the first of each line (as C#'s are: a
 * line of 100,000 stray characters is one error there, not 100,000).
 */
export function syntaxErrorsOf(ts: typeof TS, sf: TS.SourceFile): LostConstruct[] {
  const diagnostics = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const lines = new Set<number>();
  const firstPerLine = diagnostics.filter((d) => {
    const line = sf.getLineAndCharacterOfPosition(d.start).line;
    return !lines.has(line) && !!lines.add(line);
  });
  return firstPerLine.map((d) => {
    const p = sf.getLineAndCharacterOfPosition(d.start);
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return {
      construct: 'syntax',
      message: `Line ${p.line + 1}: TypeScript syntax error: ${message}`,
      line: p.line + 1,
      column: p.character + 1,
    };
  });
}
