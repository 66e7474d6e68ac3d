/**
 * Constant fields of the classes in a Program.cs (`const string ApiName = "api";`,
 * `static readonly string Prefix = "shop";`). App Hosts written with a `Main` method keep
 * resource names there, and top-level programs often keep them in a small static class
 * declared *after* the statements that use them, so constants are collected from the whole
 * file before any statement runs.
 *
 * Only `const` and `readonly` fields: their value is fixed once initialised, so reading the
 * initialiser is what the program would see. Other fields may be reassigned anywhere.
 */
import type { Node } from 'web-tree-sitter';

export interface ConstantField {
  /** The declaring class, e.g. "Program" (nested classes: the innermost one). */
  className: string;
  field: string;
  init: Node;
}

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'struct_declaration', 'record_declaration']);

function isFixed(field: Node): boolean {
  return field.namedChildren.some((m) => m?.type === 'modifier' && (m.text === 'const' || m.text === 'readonly'));
}

/** Constant fields in source order (iterative: hostile nesting cannot overflow the stack). */
export function constantFields(root: Node): ConstantField[] {
  const out: ConstantField[] = [];
  // Depth-first in source order: push children reversed.
  const stack: { node: Node; className?: string }[] = [{ node: root }];
  while (stack.length) {
    const { node, className } = stack.pop()!;
    if (node.type === 'field_declaration') {
      if (className === undefined || !isFixed(node)) continue;
      const decl = node.namedChildren.find((c) => c?.type === 'variable_declaration');
      for (const d of decl?.namedChildren ?? []) {
        if (d?.type !== 'variable_declarator') continue;
        const name = d.childForFieldName('name');
        const init = d.namedChildren.filter((c) => c && c.type !== 'comment' && c.id !== name?.id).at(-1);
        if (name && init) out.push({ className, field: name.text, init });
      }
      continue;
    }
    const isClass = CLASS_TYPES.has(node.type);
    // Only declarations can hold fields; do not walk into method bodies or statements.
    if (
      !isClass &&
      !['compilation_unit', 'namespace_declaration', 'file_scoped_namespace_declaration', 'declaration_list'].includes(
        node.type,
      )
    )
      continue;
    const inner = isClass ? (node.childForFieldName('name')?.text ?? className) : className;
    const children = isClass ? [node.childForFieldName('body')] : node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c) stack.push({ node: c, ...(inner !== undefined ? { className: inner } : {}) });
    }
  }
  return out;
}
