/**
 * Syntax errors in App Host code: one warning per line (tree-sitter recovers and the rest is
 * read), so a typo near one call does not hide the others.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from './syntax';
import type { AppModel } from './state';

/**
 * Broken code quoted without its literals: the call a typo breaks is often the one holding a
 * password (`WithEnvironment("DB_PASSWORD", "…"` left open), an open literal runs on over the
 * rest of the line, and in broken code no name tells which literal is the secret. So every
 * string and char literal (verbatim, interpolated, unterminated) is shown as `"…"`, before
 * cutting to 40 characters so no cut can reopen one; the code's shape still locates the error.
 */
export function quoteNear(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A literal: its prefix (@, $, $@, @$), its quote, then to its closing quote or the end.
  const masked = flat.replace(
    /([@$]{0,2})(["'])(?:""|\\.|(?!\2).)*(?:\2|$)/g,
    (_m, prefix: string, quote: string) => `${prefix}${quote}…${quote}`,
  );
  return masked.slice(0, 40);
}

export function reportSyntaxErrors(model: AppModel, root: Node): void {
  if (!root.hasError) return;
  const seen = new Set<number>();
  const visit = (n: Node) => {
    if (n.isError || n.isMissing) {
      const line = lineOf(n);
      if (!seen.has(line)) {
        seen.add(line);
        // One line per diagnostic: an error node can span lines, so its snippet is flattened.
        const near = quoteNear(n.text) || n.type;
        model.warn(
          'syntax-error',
          `Line ${line}: C# syntax error near "${near}"; the parser recovered and the rest is read.`,
          n,
          undefined,
          'syntax',
        );
      }
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
}
