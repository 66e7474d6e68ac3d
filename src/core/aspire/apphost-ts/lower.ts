/**
 * apphost.ts → the C# subset the App Host interpreter runs. The TypeScript App Host API is
 * generated from the C# one (`builder.addPostgres("pg").withDataVolume()` is
 * `builder.AddPostgres("pg").WithDataVolume()`; a trailing options object holds the optional
 * parameters by name; property reads are `prop.get()`), so lowering keeps every call, argument
 * and control-flow statement and only changes spelling. One interpreter and one integration
 * catalogue then serve both languages. Each piece of output is written at the line and column
 * of the TypeScript it came from. What has no C# counterpart is listed in `lost`.
 */
import type * as TS from 'typescript';
import { csInterpolatedText, csString } from '../apphost/csharp';
import { PositionedWriter } from './emitter';
import { syntaxErrorsOf, type LostConstruct, type Lowered } from './lowered';
import { statementLowering } from './lower-statements';

export type { LostConstruct, Lowered } from './lowered';

const CS_KEYWORDS = new Set(
  (
    'base bool byte char checked decimal delegate double event explicit extern fixed float goto implicit ' +
    'int internal ' +
    'lock long object operator out override params readonly ref sbyte sealed short sizeof stackalloc string struct ' +
    'uint ulong unchecked unsafe ushort using virtual volatile'
  ).split(' '),
);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const BINARY: Record<string, string> = { '===': '==', '!==': '!=' };

export function lowerTypeScript(ts: typeof TS, text: string, fileName = 'apphost.ts'): Lowered {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new PositionedWriter();
  const lost: LostConstruct[] = [];
  const K = ts.SyntaxKind;

  const pos = (n: TS.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf));
  const at = (n: TS.Node) => {
    const p = pos(n);
    out.moveTo(p.line, p.character);
  };
  const lose = (n: TS.Node, construct: string, why: string) => {
    const p = pos(n);
    lost.push({ construct, message: `Line ${p.line + 1}: ${why}`, line: p.line + 1, column: p.character + 1 });
  };
  // Where the parser reported an error: a call whose argument list holds one is not read (below).
  const errorStarts = ((sf as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? []).map(
    (d) => d.start ?? -1,
  );
  const id = (name: string) => (CS_KEYWORDS.has(name) ? `@${name}` : name);
  const { block, stmt } = statementLowering({ ts, sf, out, at, lose, id, expr, params, functionBody });

  function args(list: readonly TS.Expression[], named: boolean): void {
    out.write('(');
    list.forEach((a, i) => {
      if (i > 0) out.write(', ');
      const last = i === list.length - 1;
      if (named && last && ts.isObjectLiteralExpression(a)) {
        // `{ tag: "latest" }` as the last argument: the C# optional parameters, by name.
        a.properties.forEach((p, j) => {
          if (j > 0) out.write(', ');
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
            at(p);
            out.write(`${id(p.name.text)}: `);
            expr(p.initializer);
          } else if (ts.isShorthandPropertyAssignment(p)) {
            at(p);
            out.write(`${id(p.name.text)}: ${id(p.name.text)}`);
          } else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) {
            out.write(`${p.name.text}: () => { }`);
          } else lose(p, 'options', `the option ${p.getText(sf).slice(0, 40)} is not understood.`);
        });
        return;
      }
      expr(a);
    });
    out.write(')');
  }

  function params(list: readonly TS.ParameterDeclaration[]): void {
    out.write('(');
    list.forEach((p, i) => {
      if (i > 0) out.write(', ');
      out.write(`dynamic ${ts.isIdentifier(p.name) ? id(p.name.text) : `_p${i}`}`);
      if (p.initializer) {
        out.write(' = ');
        expr(p.initializer);
      }
    });
    out.write(')');
  }

  function functionBody(body: TS.ConciseBody | undefined): void {
    if (!body) out.write(' { }');
    else if (ts.isBlock(body)) block(body);
    else {
      out.write(' => ');
      expr(body);
      out.write(';');
    }
  }

  /**
   * An argument list with a syntax error in it (an unterminated string swallows the next call's
   * arguments): none of them can be trusted, not even the first as a resource name, which is
   * never redacted. The call is written without arguments and reported as not read.
   */
  function damagedArgs(n: TS.CallExpression, method: string): readonly TS.Expression[] {
    if (!errorStarts.some((e) => e >= n.arguments.pos && e <= n.end)) return n.arguments;
    lose(n.expression, method, `${method}(…) has a syntax error in its arguments; it is not read.`);
    return [];
  }

  function call(n: TS.CallExpression): void {
    const callee = n.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      // `x.prop.get()`: a property read in the generated SDK.
      if (callee.name.text === 'get' && n.arguments.length === 0 && ts.isPropertyAccessExpression(callee.expression)) {
        expr(callee.expression);
        return;
      }
      expr(callee.expression);
      // The dot one column before the name, so the method name keeps the user's column.
      const p = pos(callee.name);
      out.moveTo(p.line, p.character - 1);
      out.write(`.${pascal(callee.name.text)}`);
      args(damagedArgs(n, callee.name.text), true);
      return;
    }
    if (ts.isIdentifier(callee) && callee.text === 'createBuilder') {
      out.write('DistributedApplication.CreateBuilder(args)');
      return;
    }
    expr(callee);
    args(damagedArgs(n, callee.getText(sf).slice(0, 40)), false);
  }

  function template(n: TS.TemplateExpression): void {
    out.write(`$"${csInterpolatedText(n.head.text)}`);
    for (const span of n.templateSpans) {
      out.write('{');
      expr(span.expression);
      out.write(`}${csInterpolatedText(span.literal.text)}`);
    }
    out.write('"');
  }

  function expr(n: TS.Expression): void {
    at(n);
    if (ts.isParenthesizedExpression(n)) {
      out.write('(');
      expr(n.expression);
      out.write(')');
    } else if (
      ts.isAwaitExpression(n) ||
      ts.isNonNullExpression(n) ||
      ts.isAsExpression(n) ||
      ts.isTypeAssertionExpression(n) ||
      ts.isSatisfiesExpression(n)
    ) {
      expr(n.expression);
    } else if (ts.isCallExpression(n)) call(n);
    else if (ts.isPropertyAccessExpression(n)) {
      expr(n.expression);
      out.write(`.${pascal(n.name.text)}`);
    } else if (ts.isElementAccessExpression(n)) {
      expr(n.expression);
      out.write('[');
      expr(n.argumentExpression);
      out.write(']');
    } else if (ts.isIdentifier(n)) out.write(n.text === 'undefined' ? 'null' : id(n.text));
    else if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.write(csString(n.text));
    else if (ts.isTemplateExpression(n)) template(n);
    else if (ts.isTaggedTemplateExpression(n) && n.tag.getText(sf) === 'refExpr') {
      // refExpr`…${x}…`: a ReferenceExpression, as C# writes ReferenceExpression.Create($"…").
      out.write('ReferenceExpression.Create(');
      if (ts.isTemplateExpression(n.template)) template(n.template);
      else out.write(`$"${csInterpolatedText(n.template.text)}"`);
      out.write(')');
    } else if (ts.isNumericLiteral(n)) out.write(n.text);
    else if (n.kind === K.TrueKeyword || n.kind === K.FalseKeyword || n.kind === K.NullKeyword)
      out.write(n.getText(sf));
    else if (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) {
      const op = ts.tokenToString(n.operator) ?? '';
      if (ts.isPrefixUnaryExpression(n)) out.write(op);
      expr(n.operand);
      if (ts.isPostfixUnaryExpression(n)) out.write(op);
    } else if (ts.isBinaryExpression(n)) {
      expr(n.left);
      const op = n.operatorToken.getText(sf);
      out.write(` ${BINARY[op] ?? op} `);
      expr(n.right);
    } else if (ts.isConditionalExpression(n)) {
      expr(n.condition);
      out.write(' ? ');
      expr(n.whenTrue);
      out.write(' : ');
      expr(n.whenFalse);
    } else if (ts.isArrayLiteralExpression(n)) {
      out.write(n.elements.length ? 'new[] { ' : 'new object[] { ');
      n.elements.forEach((e, i) => {
        if (i > 0) out.write(', ');
        expr(e);
      });
      out.write(' }');
    } else if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      params(n.parameters);
      out.write(' =>');
      if (ts.isBlock(n.body)) block(n.body);
      else {
        out.write(' ');
        expr(n.body);
      }
    } else if (ts.isObjectLiteralExpression(n)) {
      // A plain object (not an options argument): C# has no equivalent the interpreter reads.
      out.write('new { }');
    } else {
      lose(n, ts.SyntaxKind[n.kind], `${n.getText(sf).replace(/\s+/g, ' ').slice(0, 50)} is not understood.`);
      out.write('default');
    }
  }

  for (const s of sf.statements) stmt(s);
  const syntaxErrors = syntaxErrorsOf(ts, sf);
  return { csharp: `${out.text()}\n`, lost, syntaxErrors };
}
