/**
 * Evaluating C# expressions to constants where the program would: literals, variables, class
 * constants, interpolation (with format specifiers and alignment), concatenation, arithmetic,
 * comparisons, `!`/`&&`/`||`, ternaries, arrays and collection initialisers, tuples, element
 * access and publish-mode facts. Calls are dispatched by the subclass (the interpreter).
 */
import type { Node } from 'web-tree-sitter';
import {
  boolLiteralValue,
  decodeEscape,
  intLiteralValue,
  lineOf,
  readCall,
  stringLiteralValue,
  unwrap,
  type MethodCall,
} from './syntax';
import { publishModeProperty } from './conditions';
import { align, arithmetic, compare, formatInt } from './folding';
import { Scope } from './scope';
import type { AppModel } from './state';
import { UNKNOWN, type Evaluator, type Value } from './values';

const ITEM_TYPES = new Set(['initializer_expression', 'collection_expression']);

export abstract class Expressions implements Evaluator {
  scope = new Scope();
  /** `Class.Field` → value of a class constant. */
  protected readonly qualified = new Map<string, Value>();

  constructor(readonly model: AppModel) {}

  protected abstract call(c: MethodCall): Value;
  /** An undecidable condition: run both alternatives, report the line; returns the first's value. */
  protected abstract alternatives(condition: Node, first: () => Value, second: () => Value): Value;

  value(node: Node): Value {
    const n = unwrap(node);
    const literal = stringLiteralValue(n);
    if (literal !== undefined) return { t: 'string', value: literal };
    const i = intLiteralValue(n);
    if (i !== undefined) return { t: 'int', value: i };
    const b = boolLiteralValue(n);
    if (b !== undefined) return { t: 'bool', value: b };
    switch (n.type) {
      case 'null_literal':
        return { t: 'null' };
      case 'identifier':
        return this.scope.get(n.text) ?? UNKNOWN;
      case 'interpolated_string_expression':
        return this.interpolated(n);
      case 'binary_expression':
        return this.binary(n);
      case 'prefix_unary_expression':
        return this.unary(n);
      case 'conditional_expression':
        return this.conditional(n);
      case 'member_access_expression':
        return this.memberAccess(n);
      case 'element_access_expression':
        return this.elementAccess(n);
      case 'invocation_expression': {
        const c = readCall(n);
        return c ? this.call(c) : UNKNOWN;
      }
      case 'cast_expression': {
        const inner = n.childForFieldName('value');
        return inner ? this.value(inner) : UNKNOWN;
      }
      case 'tuple_expression':
        return {
          t: 'array',
          items: n.namedChildren
            .filter((c): c is Node => c?.type === 'argument')
            .map((a) => this.value(a.namedChildren.at(-1)!)),
        };
      case 'collection_expression':
      case 'implicit_array_creation_expression':
      case 'array_creation_expression':
      case 'object_creation_expression':
        return this.collection(n);
      default:
        return UNKNOWN;
    }
  }

  /** `new[] { … }`, `new List<string> { … }`, `[a, b]`: the items; unknown when an item is not an expression. */
  private collection(n: Node): Value {
    const init =
      n.type === 'collection_expression' ? n : n.namedChildren.find((c) => c !== null && ITEM_TYPES.has(c.type));
    if (!init) return UNKNOWN;
    const items: Value[] = [];
    for (const c of init.namedChildren) {
      if (!c || c.type === 'comment') continue;
      const e = c.type === 'collection_element' ? c.namedChild(0)?.namedChild(0) : c;
      // object or dictionary initialiser
      if (!e || e.type === 'assignment_expression' || e.type === 'initializer_expression') return UNKNOWN;
      items.push(this.value(e));
    }
    return { t: 'array', items };
  }

  private elementAccess(n: Node): Value {
    const target = n.childForFieldName('expression');
    const index = n.namedChildren
      .find((c) => c?.type === 'bracketed_argument_list')
      ?.namedChild(0)
      ?.namedChild(0);
    const arr = target ? this.value(target) : UNKNOWN;
    const i = index ? this.value(index) : UNKNOWN;
    if (arr.t === 'array' && i.t === 'int') return arr.items[i.value] ?? UNKNOWN;
    return UNKNOWN;
  }

  protected memberAccess(n: Node): Value {
    const fixed = publishModeProperty(n.text);
    if (fixed !== undefined) return { t: 'bool', value: fixed };
    const expr = n.childForFieldName('expression');
    const name = n.childForFieldName('name')?.text;
    if (!expr || !name) return UNKNOWN;
    const recv = expr.type === 'identifier' && !this.scope.has(expr.text) ? undefined : this.value(expr);
    if (recv?.t === 'resource' && (name === 'Resource' || name === 'ConnectionStringExpression')) return recv;
    if (recv?.t === 'resource' && name === 'PasswordParameter') {
      const pw = this.model.passwords.get(recv.name);
      return pw ? { t: 'resource', name: pw } : UNKNOWN;
    }
    // The App Host directory: paths built from it are written relative to it, as the manifest does.
    if (recv?.t === 'builder' && name === 'AppHostDirectory') return { t: 'string', value: '.' };
    // `var context = builder.ExecutionContext;` then `context.IsPublishMode` (C# and TypeScript).
    if (recv?.t === 'builder' && (name === 'ExecutionContext' || name === 'Environment' || name === 'Configuration'))
      return { t: 'member', text: name };
    if (recv?.t === 'member' && recv.text === 'ExecutionContext') {
      const mode = publishModeProperty(`ExecutionContext.${name}`);
      if (mode !== undefined) return { t: 'bool', value: mode };
    }
    if (recv?.t === 'string' && name === 'Length') return { t: 'int', value: recv.value.length };
    if (recv?.t === 'array' && (name === 'Length' || name === 'Count')) return { t: 'int', value: recv.items.length };
    if (!recv) return this.qualified.get(`${expr.text}.${name}`) ?? { t: 'member', text: n.text };
    return recv.t === 'unknown' ? recv : UNKNOWN;
  }

  private unary(n: Node): Value {
    const op = n.children[0]?.text;
    const inner = n.namedChild(0);
    const v = inner ? this.value(inner) : UNKNOWN;
    if (op === '!' && v.t === 'bool') return { t: 'bool', value: !v.value };
    if (op === '-' && v.t === 'int') return { t: 'int', value: -v.value };
    if (op === '+' && v.t === 'int') return v;
    return UNKNOWN;
  }

  protected binary(n: Node): Value {
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => c && !c.isNamed)?.text ?? '';
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return UNKNOWN;
    const lv = this.value(l);
    // Short-circuit as C# does: the right side of a decided && / || / ?? is never evaluated.
    if (op === '&&' && lv.t === 'bool' && !lv.value) return lv;
    if (op === '||' && lv.t === 'bool' && lv.value) return lv;
    if (op === '??' && lv.t !== 'null' && lv.t !== 'unknown') return lv;
    const rv = this.value(r);
    if ((op === '&&' || op === '||' || op === '??') && (lv.t === 'bool' || lv.t === 'null')) return rv;
    if (lv.t === 'int' && rv.t === 'int') {
      const a = arithmetic(op, lv.value, rv.value);
      if (a !== undefined) return { t: 'int', value: a };
    }
    const scalar = (v: Value) => (v.t === 'int' || v.t === 'string' || v.t === 'bool' ? v.value : undefined);
    const [a, b] = [scalar(lv), scalar(rv)];
    if (a !== undefined && b !== undefined) {
      const c = compare(op, a, b);
      if (c !== undefined) return { t: 'bool', value: c };
    }
    if (op === '==' || op === '!=') {
      if (lv.t === 'null' || rv.t === 'null') {
        const other = lv.t === 'null' ? rv : lv;
        if (other.t !== 'unknown') return { t: 'bool', value: (other.t === 'null') === (op === '==') };
      }
      return UNKNOWN;
    }
    if (op !== '+') return UNKNOWN;
    const ta = this.templateOf(lv);
    const tb = this.templateOf(rv);
    if (ta === undefined || tb === undefined) return UNKNOWN;
    const plain = (v: Value) => v.t === 'string' || v.t === 'int' || v.t === 'bool';
    return plain(lv) && plain(rv) ? { t: 'string', value: ta + tb } : { t: 'template', value: ta + tb };
  }

  private conditional(n: Node): Value {
    const cond = n.childForFieldName('condition');
    const yes = n.childForFieldName('consequence');
    const no = n.childForFieldName('alternative');
    if (!cond || !yes || !no) return UNKNOWN;
    const c = this.value(cond);
    if (c.t === 'bool') return this.value(c.value ? yes : no);
    return this.alternatives(
      cond,
      () => this.value(yes),
      () => this.value(no),
    );
  }

  private interpolated(n: Node): Value {
    let out = '';
    let plain = true;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') out += c.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
      else if (c.type === 'interpolation') {
        const e = c.namedChildren.find(
          (x) =>
            x &&
            x.type !== 'interpolation_brace' &&
            x.type !== 'interpolation_alignment_clause' &&
            x.type !== 'interpolation_format_clause',
        );
        const v = e ? this.value(e) : UNKNOWN;
        const spec = c.namedChildren.find((x) => x?.type === 'interpolation_format_clause')?.text.slice(1);
        const width = c.namedChildren.find((x) => x?.type === 'interpolation_alignment_clause')?.namedChild(0);
        let t = spec !== undefined ? (v.t === 'int' ? formatInt(v.value, spec) : undefined) : this.templateOf(v);
        if (t === undefined) {
          if (spec !== undefined && v.t !== 'unknown')
            this.model.warn(
              'unresolved-argument',
              `Line ${lineOf(c)}: the format "${spec}" in ${c.text} is not understood.`,
              c,
              undefined,
              'interpolation',
            );
          return UNKNOWN;
        }
        if (width) {
          const w = this.int(width);
          if (w !== undefined) t = align(t, w);
        }
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

  templateOf(v: Value): string | undefined {
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
}
