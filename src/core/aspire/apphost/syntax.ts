/**
 * Small readers over the C# syntax tree: fluent call chains, call arguments and literal values.
 * They only look at shapes; what a call means is decided by the interpreter.
 */
import type { Node } from 'web-tree-sitter';

/** 1-based line of a node, as diagnostics report it. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/** Strip wrappers that do not change meaning: parentheses, `await`, `!` null-forgiving. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (
      (n.type === 'parenthesized_expression' ||
        n.type === 'await_expression' ||
        n.type === 'postfix_unary_expression') &&
      n.namedChildCount === 1
    ) {
      n = n.namedChild(0)!;
      continue;
    }
    if (n.type === 'parenthesized_expression' || n.type === 'await_expression') {
      const inner = n.namedChildren.find((c) => c !== null && c.type !== 'comment');
      if (inner) {
        n = inner;
        continue;
      }
    }
    return n;
  }
}

export interface CallArgument {
  /** The argument's name for `name: value`, else undefined. */
  name?: string;
  value: Node;
}

export interface MethodCall {
  /** The method name without type arguments, e.g. "AddProject". */
  method: string;
  /** Type arguments as written, e.g. ["Projects.TripApi"]. */
  typeArgs: string[];
  /** The expression the method is called on, or undefined for a bare call `Foo(...)`. */
  receiver?: Node;
  args: CallArgument[];
  /** Line of the method name: the line a reader sees in a chain split across lines. */
  line: number;
  /** The method name node: diagnostics point at its line and column. */
  at: Node;
  node: Node;
  /**
   * The argument list holds (or the call sits inside) a parse error: tree-sitter's recovery may
   * have moved another call's arguments into it (an unterminated string swallowing the rest of a
   * line), so no argument of it can be trusted — not even as a name, which is never redacted.
   */
  damaged: boolean;
}

/** True when the node holds a parse error or missing node, or sits inside an error node. */
function parseDamaged(node: Node): boolean {
  if (node.hasError) return true;
  for (let p = node.parent; p; p = p.parent) if (p.isError || p.isMissing) return true;
  return false;
}

/** Read an invocation `recv.Method<T>(args)` into its parts; undefined when it is not one. */
export function readCall(node: Node): MethodCall | undefined {
  if (node.type !== 'invocation_expression') return undefined;
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  if (!fn || !argList) return undefined;
  let nameNode: Node | null = fn;
  let receiver: Node | undefined;
  if (fn.type === 'member_access_expression') {
    nameNode = fn.childForFieldName('name');
    receiver = fn.childForFieldName('expression') ?? undefined;
  } else if (fn.type === 'conditional_access_expression') {
    return undefined;
  }
  if (!nameNode) return undefined;
  let method: string;
  let typeArgs: string[] = [];
  if (nameNode.type === 'generic_name') {
    method = nameNode.namedChild(0)?.text ?? '';
    const list = nameNode.namedChildren.find((c) => c?.type === 'type_argument_list');
    typeArgs = list ? list.namedChildren.filter((c): c is Node => c !== null).map((c) => c.text) : [];
  } else if (nameNode.type === 'identifier') {
    method = nameNode.text;
  } else {
    return undefined;
  }
  const args: CallArgument[] = [];
  for (const a of argList.namedChildren) {
    if (!a || a.type !== 'argument') continue;
    const name = a.childForFieldName('name')?.text;
    const value = a.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment').at(-1);
    if (!value) continue;
    args.push(name !== undefined ? { name, value } : { value });
  }
  const damaged = parseDamaged(argList);
  return {
    method,
    typeArgs,
    ...(receiver ? { receiver } : {}),
    args,
    line: lineOf(nameNode),
    at: nameNode,
    node,
    damaged,
  };
}

/**
 * Match call arguments to parameter names the way C# does: positional first, then named.
 * Returns the node for each parameter that was given.
 */
export function bindArguments(args: readonly CallArgument[], params: readonly string[]): Map<string, Node> {
  const bound = new Map<string, Node>();
  let position = 0;
  for (const a of args) {
    if (a.name !== undefined) {
      bound.set(a.name, a.value);
    } else {
      const p = params[position++];
      if (p !== undefined) bound.set(p, a.value);
    }
  }
  return bound;
}

/** Decode the escapes of a regular C# string literal body. */
export function decodeEscape(esc: string): string {
  switch (esc[1]) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case '0':
      return '\0';
    case '\\':
      return '\\';
    case '"':
      return '"';
    case "'":
      return "'";
    case 'u':
    case 'x':
      return String.fromCharCode(parseInt(esc.slice(2), 16));
    default:
      return esc.slice(1);
  }
}

/** The text of a literal string node (regular, verbatim or raw); undefined for other nodes. */
export function stringLiteralValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      let out = '';
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'string_literal_content') out += c.text;
        else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
      }
      return out;
    }
    case 'verbatim_string_literal':
      return node.text.slice(2, -1).replace(/""/g, '"');
    case 'raw_string_literal': {
      const m = /^("{3,})([\s\S]*?)\1$/.exec(node.text);
      if (!m) return undefined;
      const body = m[2]!;
      // Multi-line raw strings drop the first and last line breaks and the closing indentation.
      if (!body.includes('\n')) return body;
      const lines = body.split('\n');
      const indent = /^[ \t]*$/.test(lines.at(-1)!) ? lines.at(-1)!.length : 0;
      return lines
        .slice(1, -1)
        .map((l) => l.slice(indent))
        .join('\n');
    }
    default:
      return undefined;
  }
}

/** An integer literal (with optional unary minus); undefined for anything else. */
export function intLiteralValue(node: Node): number | undefined {
  const n = unwrap(node);
  if (n.type === 'integer_literal') {
    const text = n.text.replace(/_/g, '').replace(/[uUlL]+$/, '');
    const v = text.startsWith('0x') || text.startsWith('0X') ? parseInt(text.slice(2), 16) : parseInt(text, 10);
    return Number.isFinite(v) ? v : undefined;
  }
  if (n.type === 'prefix_unary_expression' && n.text.startsWith('-')) {
    const inner = n.namedChild(0);
    const v = inner ? intLiteralValue(inner) : undefined;
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

export function boolLiteralValue(node: Node): boolean | undefined {
  const n = unwrap(node);
  if (n.type === 'boolean_literal') return n.text === 'true';
  return undefined;
}

/** True for `null` / `default`. */
export function isNullLiteral(node: Node): boolean {
  const n = unwrap(node);
  return n.type === 'null_literal' || n.text === 'null' || n.text === 'default';
}
