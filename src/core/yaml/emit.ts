/**
 * YAML emission for Kubernetes. Always YAML 1.1: kubectl and the apiserver read 1.1, where
 * bare `yes`, `on`, `off`, `y` are booleans; the 1.1 writer quotes such strings so an env value
 * of "on" stays a string. Output is deterministic: key order is construction order.
 */
import { Document, visit } from 'yaml';
import { escapeUnsafe, hasUnsafeChar, safeText } from '../model/safe-text';
import { fastYamlDocument } from './fast-emit';

export interface CommentedObject {
  object: unknown;
  comment?: string;
}

const OPTIONS = { version: '1.1' as const };
const TO_STRING = { lineWidth: 0, minContentWidth: 0, indentSeq: true };

/**
 * A library document's text with no unsafe character (see model/safe-text.ts) outside an
 * escape: a string holding one is written double-quoted, where `\uXXXX` keeps its value, and
 * since the library writes LS/PS, NEL and bidi controls raw even there, they are escaped after
 * it. Comments are escaped the same way, so nothing can end a comment line for kubectl.
 */
export function safeDocumentText(doc: Document, options: Parameters<Document['toString']>[0] = TO_STRING): string {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasUnsafeChar(node.value, '\n\t')) node.type = 'QUOTE_DOUBLE';
    },
  });
  return escapeUnsafe(doc.toString(options), '\n\t');
}

/** One YAML document, with an optional comment above it (made safe: it names input). */
export function toYamlDocument(item: CommentedObject): string {
  const comment = item.comment === undefined ? undefined : safeText(item.comment);
  const fast = fastYamlDocument(item.object, comment);
  if (fast !== undefined) return fast;
  const doc = new Document(item.object, OPTIONS);
  if (comment)
    doc.commentBefore = comment
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
  return safeDocumentText(doc);
}

/** A multi-document stream, documents separated by `---`. */
export function toYamlStream(items: readonly CommentedObject[]): string {
  return items.map(toYamlDocument).join('---\n');
}
