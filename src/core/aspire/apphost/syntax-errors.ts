/**
 * Syntax errors in App Host code: one warning per line (tree-sitter recovers and the rest is
 * read), so a typo near one call does not hide the others.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from './syntax';
import type { AppModel } from './state';

export function reportSyntaxErrors(model: AppModel, root: Node): void {
  if (!root.hasError) return;
  const seen = new Set<number>();
  const visit = (n: Node) => {
    if (n.isError || n.isMissing) {
      const line = lineOf(n);
      if (!seen.has(line)) {
        seen.add(line);
        // One line per diagnostic: an error node can span lines, so its snippet is flattened.
        const near = n.text.replace(/\s+/g, ' ').trim().slice(0, 40) || n.type;
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
