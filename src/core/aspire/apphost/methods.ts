/**
 * Methods the App Host declares itself: local functions, private/static helpers and extension
 * methods (`AddMyServices(this IDistributedApplicationBuilder builder)`), in the entry file and
 * in sibling files of the project. Calling one runs its body with the arguments bound, so a
 * topology declared in a helper is read like one declared inline.
 */
import type { Node } from 'web-tree-sitter';
import type { Scope } from './scope';

export interface UserMethod {
  name: string;
  /** Parameter names in order; the first is the `this` receiver for an extension method. */
  params: { name: string; fallback?: Node }[];
  extension: boolean;
  /** A block, or the expression of `=> expr`. */
  body: Node | undefined;
  /** Local functions see the variables around them. */
  closure?: Scope;
  /** The file that declares it (diagnostics name it). */
  file?: string;
}

export function readMethod(n: Node, file: string | undefined, closure?: Scope): UserMethod | undefined {
  const name = n.childForFieldName('name')?.text;
  if (!name) return undefined;
  const list = n.childForFieldName('parameters') ?? n.namedChildren.find((c) => c?.type === 'parameter_list') ?? null;
  const params: UserMethod['params'] = [];
  let extension = false;
  for (const p of list?.namedChildren ?? []) {
    if (p?.type !== 'parameter') continue;
    const pname = p.childForFieldName('name')?.text;
    if (!pname) continue;
    if (params.length === 0 && p.namedChildren.some((m) => m?.type === 'modifier' && m.text === 'this'))
      extension = true;
    // `string name = "x"`: the default value follows the `=`.
    const eq = p.children.findIndex((c) => c?.type === '=');
    const fallback = eq >= 0 ? (p.children[eq + 1] ?? undefined) : undefined;
    params.push({ name: pname, ...(fallback ? { fallback } : {}) });
  }
  const block =
    n.childForFieldName('body') ??
    n.namedChildren.find((c) => c?.type === 'block' || c?.type === 'arrow_expression_clause') ??
    null;
  const body =
    block?.type === 'arrow_expression_clause'
      ? (block.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined)
      : (block ?? undefined);
  return { name, params, extension, body, ...(closure ? { closure } : {}), ...(file !== undefined ? { file } : {}) };
}

const CLASS_TYPES = new Set(['class_declaration', 'struct_declaration', 'record_declaration']);

/** Every method declared in the classes of a file (Main excluded: it is the entry point). */
export function classMethods(root: Node, file: string | undefined): UserMethod[] {
  const out: UserMethod[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'method_declaration') {
      const m = readMethod(n, file);
      if (m && m.name !== 'Main') out.push(m);
      continue;
    }
    if (n.type === 'global_statement' || n.type === 'block') continue;
    const containers = CLASS_TYPES.has(n.type) ? [n.childForFieldName('body')] : n.namedChildren;
    for (const c of containers) if (c) stack.push(c);
  }
  return out;
}

/** Pick the declaration an invocation calls: by name, then by how many arguments it can take. */
export function pickMethod(
  candidates: readonly UserMethod[] | undefined,
  argCount: number,
  withReceiver: boolean,
): UserMethod | undefined {
  if (!candidates) return undefined;
  const fits = (m: UserMethod) => {
    const offered = argCount + (withReceiver ? 1 : 0);
    const required = m.params.filter((p) => !p.fallback).length;
    return (!withReceiver || m.extension) && offered >= required && offered <= m.params.length;
  };
  return candidates.find(fits);
}
