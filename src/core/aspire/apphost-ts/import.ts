/**
 * importAppHostTs: a TypeScript App Host (`apphost.ts` / `apphost.mts`, Aspire 13.2+) →
 * Topology + diagnostics, through the same interpreter and integration catalogue as C#. The
 * caller supplies the TypeScript compiler (loaded lazily: it is large) and the C# parser.
 */
import type * as TS from 'typescript';
import { importAppHost, type AppHostImport, type AppHostImportOptions } from '../apphost/import';
import type { CSharpParser } from '../apphost/parser';
import { lowerTypeScript } from './lower';
import { mergeSameLine } from '../../model/bounded-findings';

export function importAppHostTs(
  ts: typeof TS,
  parser: CSharpParser,
  text: string,
  options: Omit<AppHostImportOptions, 'siblings' | 'language' | 'lost'> = {},
): AppHostImport {
  const fileName = options.fileName ?? 'apphost.ts';
  const lowered = lowerTypeScript(ts, text, fileName);
  // Merged before the interpreter sees them: 100,000 stray `#` on a line are one finding.
  const lost = [
    ...lowered.syntaxErrors.map((e) => ({ ...e, code: 'syntax-error' })),
    ...mergeSameLine(lowered.lost, (l) => `${l.line}\0${l.construct}\0${l.message}`),
  ];
  return importAppHost(parser, lowered.csharp, { ...options, fileName, language: 'ts', lost });
}

/** Whether a file name or text is a TypeScript App Host. */
export function looksLikeTypeScriptAppHost(text: string, fileName?: string): boolean {
  if (fileName && /\.(m?ts)$/i.test(fileName)) return true;
  return /\bcreateBuilder\s*\(/.test(text) && /\bfrom\s+['"][^'"]*aspire(\.m?js)?['"]/.test(text);
}
