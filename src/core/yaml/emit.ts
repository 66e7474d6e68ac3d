/**
 * YAML emission for Kubernetes. Always YAML 1.1: kubectl and the apiserver read 1.1, where
 * bare `yes`, `on`, `off`, `y` are booleans; the 1.1 writer quotes such strings so an env value
 * of "on" stays a string. Output is deterministic: key order is construction order.
 */
import { Document } from 'yaml';
import { fastYamlDocument } from './fast-emit';

export interface CommentedObject {
  object: unknown;
  comment?: string;
}

const OPTIONS = { version: '1.1' as const };
const TO_STRING = { lineWidth: 0, minContentWidth: 0, indentSeq: true };

/** One YAML document, with an optional comment above it. */
export function toYamlDocument(item: CommentedObject): string {
  const fast = fastYamlDocument(item.object, item.comment);
  if (fast !== undefined) return fast;
  const doc = new Document(item.object, OPTIONS);
  if (item.comment) doc.commentBefore = item.comment.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString(TO_STRING);
}

/** A multi-document stream, documents separated by `---`. */
export function toYamlStream(items: readonly CommentedObject[]): string {
  return items.map(toYamlDocument).join('---\n');
}
