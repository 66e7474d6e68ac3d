/**
 * Walks a Program.cs syntax tree and runs the App Host calls it understands against an
 * AppModel. It is an interpreter of a small, straight-line subset of C#: local variables,
 * constants, fluent calls. Control flow (if, loops, try, local functions) is reported with its
 * line and not entered, because which branch runs is not knowable without running the code.
 */
import type { Node } from 'web-tree-sitter';
import { boolLiteralValue, decodeEscape, intLiteralValue, lineOf, readCall, stringLiteralValue, unwrap, type MethodCall } from './syntax';
import { builderCall } from './builder-calls';
import { constantFields } from './class-constants';
import { endpointCall, resourceCall } from './resource-calls';
import type { AppModel } from './state';
import { REPORTED, UNKNOWN, type Evaluator, type Value } from './values';

const CONTROL_FLOW: Record<string, string> = {
  if_statement: 'an if statement',
  switch_statement: 'a switch statement',
  for_statement: 'a for loop',
  foreach_statement: 'a foreach loop',
  while_statement: 'a while loop',
  do_statement: 'a do loop',
  try_statement: 'a try block',
  local_function_statement: 'a local function',
  using_statement: 'a using block',
  lock_statement: 'a lock block',
  goto_statement: 'a goto',
  labeled_statement: 'a label',
};

export class Interpreter implements Evaluator {
  private readonly vars = new Map<string, Value>();
  /** `Class.Field` → value of a class constant (see declareConstants). */
  private readonly qualified = new Map<string, Value>();
  /** Whether a `Main` method or top-level statements were seen (for the "nothing found" hint). */
  entryFound = false;

  constructor(readonly model: AppModel) {}

  run(root: Node): void {
    this.reportSyntaxErrors(root);
    this.declareConstants(root);
    this.members(root.namedChildren);
  }

  /**
   * Class constants are known before any statement runs, by simple name (code inside the
   * class, e.g. Main) and qualified (`Names.Api` from top-level statements). Only plain values
   * are kept: a field holding a resource builder would need the builder calls to run first.
   */
  private declareConstants(root: Node): void {
    for (const { className, field, init } of constantFields(root)) {
      const v = this.value(init);
      if (v.t !== 'string' && v.t !== 'int' && v.t !== 'bool') continue;
      if (!this.vars.has(field)) this.vars.set(field, v);
      this.qualified.set(`${className}.${field}`, v);
    }
  }

  private reportSyntaxErrors(root: Node): void {
    if (!root.hasError) return;
    const seen = new Set<number>();
    const visit = (n: Node) => {
      if (n.isError || n.isMissing) {
        const line = lineOf(n);
        if (!seen.has(line)) {
          seen.add(line);
          // One line per diagnostic: an error node can span lines, so its snippet is flattened.
          const near = n.text.replace(/\s+/g, ' ').trim().slice(0, 40) || n.type;
          this.model.warn('syntax-error', `Line ${line}: C# syntax error near "${near}"; the parser recovered and the rest is read.`, line);
        }
        return;
      }
      if (!n.hasError) return;
      for (const c of n.children) if (c) visit(c);
    };
    visit(root);
  }

  /** Compilation-unit and namespace members: top-level statements, classes with Main. */
  private members(nodes: (Node | null)[]): void {
    for (const n of nodes) {
      if (!n) continue;
      switch (n.type) {
        case 'global_statement':
          this.entryFound = true;
          for (const s of n.namedChildren) if (s) this.statement(s);
          break;
        case 'namespace_declaration': {
          const body = n.childForFieldName('body');
          if (body) this.members(body.namedChildren);
          break;
        }
        case 'class_declaration':
        case 'struct_declaration':
        case 'record_declaration':
          this.classDeclaration(n);
          break;
        default:
          // using directives, file-scoped namespaces, comments, attributes: nothing to run.
          break;
      }
    }
  }

  private classDeclaration(n: Node): void {
    const body = n.childForFieldName('body');
    const className = n.childForFieldName('name')?.text ?? '?';
    let hasMain = false;
    for (const m of body?.namedChildren ?? []) {
      if (!m) continue;
      if (m.type === 'method_declaration' && m.childForFieldName('name')?.text === 'Main') {
        hasMain = true;
        this.entryFound = true;
        const block = m.childForFieldName('body');
        if (block) this.statement(block);
        else this.model.warn('unsupported-statement', `Line ${lineOf(m)}: an expression-bodied Main is not read.`, lineOf(m));
      } else if (m.type === 'class_declaration') {
        this.classDeclaration(m);
      }
    }
    if (!hasMain && body && body.namedChildren.some((m) => m?.type === 'method_declaration')) {
      this.model.info('class-ignored', `Line ${lineOf(n)}: class ${className} is not run (custom extension methods it declares are reported where they are called).`, lineOf(n));
    }
  }

  private statement(s: Node): void {
    switch (s.type) {
      case 'block':
        for (const c of s.namedChildren) if (c) this.statement(c);
        return;
      case 'local_declaration_statement':
        this.declaration(s);
        return;
      case 'expression_statement': {
        const e = s.namedChildren.find((c) => c && c.type !== 'comment');
        if (e) this.expressionStatement(e);
        return;
      }
      case 'comment':
      case 'empty_statement':
      case 'return_statement':
        return;
      default: {
        const what = CONTROL_FLOW[s.type] ?? `a ${s.type.replace(/_/g, ' ')}`;
        this.model.warn('unsupported-statement', `Line ${lineOf(s)}: ${what} is not interpreted (which branch or how often it runs is unknown); its contents are not imported.`, lineOf(s));
      }
    }
  }

  private declaration(s: Node): void {
    const decl = s.namedChildren.find((c) => c?.type === 'variable_declaration');
    for (const d of decl?.namedChildren ?? []) {
      if (d?.type !== 'variable_declarator') continue;
      const name = d.childForFieldName('name')?.text;
      const init = d.namedChildren.filter((c) => c && c.type !== 'comment' && c !== d.childForFieldName('name')).at(-1);
      if (!name) continue;
      this.vars.set(name, init ? this.value(init) : UNKNOWN);
    }
  }

  private expressionStatement(e: Node): void {
    if (e.type === 'assignment_expression') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (left?.type === 'identifier' && right) {
        this.vars.set(left.text, this.value(right));
        return;
      }
    }
    const v = this.value(e);
    if (v.t === 'unknown' && !v.reported) {
      this.model.warn('unsupported-statement', `Line ${lineOf(e)}: "${e.text.slice(0, 60)}" is not understood; ignored.`, lineOf(e));
    }
  }

  value(node: Node): Value {
    const n = unwrap(node);
    const literal = stringLiteralValue(n);
    if (literal !== undefined) return { t: 'string', value: literal };
    const i = intLiteralValue(n);
    if (i !== undefined) return { t: 'int', value: i };
    const b = boolLiteralValue(n);
    if (b !== undefined) return { t: 'bool', value: b };
    switch (n.type) {
      case 'identifier':
        return this.vars.get(n.text) ?? UNKNOWN;
      case 'interpolated_string_expression':
        return this.interpolated(n);
      case 'binary_expression':
        return this.concat(n);
      case 'member_access_expression':
        return this.memberAccess(n);
      case 'invocation_expression': {
        const c = readCall(n);
        return c ? this.call(c) : UNKNOWN;
      }
      case 'cast_expression': {
        const inner = n.childForFieldName('value');
        return inner ? this.value(inner) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private memberAccess(n: Node): Value {
    const expr = n.childForFieldName('expression');
    const name = n.childForFieldName('name')?.text;
    if (!expr || !name) return UNKNOWN;
    const recv = expr.type === 'identifier' && !this.vars.has(expr.text) ? undefined : this.value(expr);
    if (recv?.t === 'resource' && name === 'Resource') return recv;
    if (recv?.t === 'resource' && name === 'ConnectionStringExpression') return recv;
    if (recv?.t === 'resource' && name === 'PasswordParameter') {
      const pw = this.model.passwords.get(recv.name);
      return pw ? { t: 'resource', name: pw } : UNKNOWN;
    }
    if (!recv) return this.qualified.get(`${expr.text}.${name}`) ?? { t: 'member', text: n.text };
    return recv.t === 'unknown' ? recv : UNKNOWN;
  }

  private concat(n: Node): Value {
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => c && !c.isNamed)?.text;
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (op !== '+' || !l || !r) return UNKNOWN;
    const lv = this.value(l);
    const rv = this.value(r);
    const a = this.templateOf(lv);
    const b = this.templateOf(rv);
    if (a === undefined || b === undefined) return UNKNOWN;
    return lv.t === 'string' && rv.t === 'string' ? { t: 'string', value: a + b } : { t: 'template', value: a + b };
  }

  private interpolated(n: Node): Value {
    let out = '';
    let plain = true;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') out += c.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
      else if (c.type === 'interpolation') {
        const e = c.namedChildren.find((x) => x && x.type !== 'interpolation_brace' && x.type !== 'interpolation_alignment_clause' && x.type !== 'interpolation_format_clause');
        const v = e ? this.value(e) : UNKNOWN;
        const t = this.templateOf(v);
        if (t === undefined) return UNKNOWN;
        if (v.t !== 'string' && v.t !== 'int' && v.t !== 'bool') plain = false;
        out += t;
      }
    }
    return plain ? { t: 'string', value: out } : { t: 'template', value: out };
  }

  str(node: Node): string | undefined {
    const v = this.value(node);
    return v.t === 'string' ? v.value : undefined;
  }

  int(node: Node): number | undefined {
    const v = this.value(node);
    return v.t === 'int' ? v.value : undefined;
  }

  bool(node: Node): boolean | undefined {
    const v = this.value(node);
    return v.t === 'bool' ? v.value : undefined;
  }

  template(node: Node): string | undefined {
    return this.templateOf(this.value(node));
  }

  private templateOf(v: Value): string | undefined {
    switch (v.t) {
      case 'string':
      case 'template':
        return v.value;
      case 'int':
        return String(v.value);
      case 'bool':
        return v.value ? 'true' : 'false';
      case 'endpoint':
        return `{${v.resource}.bindings.${v.endpoint}.${v.property ?? 'url'}}`;
      case 'resource': {
        const r = this.model.resources.get(v.name);
        if (!r) return undefined;
        if (r.kind === 'parameter') return `{${r.name}.value}`;
        if (r.connectionString !== undefined) return `{${r.name}.connectionString}`;
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private call(c: MethodCall): Value {
    if (!c.receiver) {
      this.model.warn('unknown-call', `Line ${c.line}: ${c.method}(…) is not an App Host call this tool understands; ignored.`, c.line);
      return REPORTED;
    }
    const recvNode = unwrap(c.receiver);
    if (c.method === 'CreateBuilder' && /(^|\.)DistributedApplication$/.test(recvNode.text)) return { t: 'builder' };
    if (c.method === 'Create' && /(^|\.)ReferenceExpression$/.test(recvNode.text) && c.args[0]) {
      const t = this.template(c.args[0].value);
      return t === undefined ? UNKNOWN : { t: 'template', value: t };
    }
    const recv = this.value(recvNode);
    switch (recv.t) {
      case 'builder': {
        const out = builderCall(this, c);
        if (out) return out;
        this.model.warn('unknown-call', `Line ${c.line}: builder.${c.method}(…) is not an App Host call this tool understands (a custom extension or an unsupported integration?); ignored.`, c.line);
        return REPORTED;
      }
      case 'app':
        if (c.method === 'Run' || c.method === 'RunAsync' || c.method === 'Start' || c.method === 'StartAsync') return { t: 'app' };
        break;
      case 'resource': {
        const r = this.model.resources.get(recv.name);
        if (r) return resourceCall(this, r, c);
        return REPORTED;
      }
      case 'endpoint':
        return endpointCall(this, recv, c);
      case 'unknown':
        if (recv.reported) return REPORTED;
        break;
      default:
        break;
    }
    this.model.warn('unknown-call', `Line ${c.line}: ${recvNode.text.slice(0, 40)}.${c.method}(…) is not understood; ignored.`, c.line);
    return REPORTED;
  }
}
