/**
 * Lowering of TypeScript statements (blocks, declarations, if/for/switch, …) to the C# subset the
 * App Host interpreter runs; expressions are lowered by the caller (./lower.ts).
 */
import type * as TS from 'typescript';
import type { PositionedWriter } from './emitter';

/** What statement lowering needs from the expression lowering around it. */
export interface StatementContext {
  ts: typeof TS;
  sf: TS.SourceFile;
  out: PositionedWriter;
  at: (n: TS.Node) => void;
  lose: (n: TS.Node, construct: string, why: string) => void;
  id: (name: string) => string;
  expr: (n: TS.Expression) => void;
  params: (list: readonly TS.ParameterDeclaration[]) => void;
  functionBody: (body: TS.ConciseBody | undefined) => void;
}

export function statementLowering(cx: StatementContext): {
  block: (b: TS.Block) => void;
  stmt: (s: TS.Statement) => void;
} {
  const { ts, sf, out, at, lose, id, expr, params, functionBody } = cx;

  function block(b: TS.Block): void {
    at(b);
    out.write('{');
    for (const s of b.statements) stmt(s);
    out.moveTo(
      sf.getLineAndCharacterOfPosition(b.getEnd() - 1).line,
      sf.getLineAndCharacterOfPosition(b.getEnd() - 1).character,
    );
    out.write('}');
  }

  function variable(d: TS.VariableDeclaration): void {
    at(d);
    const init = d.initializer;
    if (!ts.isIdentifier(d.name)) {
      lose(d, 'destructuring', `the destructuring ${d.name.getText(sf)} is not read.`);
      return;
    }
    const name = id(d.name.text);
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
      // `const addCache = (name) => …`: a local function, called like one.
      out.write(`dynamic ${name}`);
      params(init.parameters);
      functionBody(init.body);
      return;
    }
    out.write(`var ${name} = `);
    if (init) expr(init);
    else out.write('default');
    out.write(';');
  }

  function stmt(s: TS.Statement): void {
    if (
      ts.isImportDeclaration(s) ||
      ts.isImportEqualsDeclaration(s) ||
      ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) ||
      ts.isExportDeclaration(s) ||
      ts.isEmptyStatement(s)
    )
      return;
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) variable(d);
      return;
    }
    at(s);
    if (ts.isExpressionStatement(s)) {
      const e = s.expression;
      // A stray `#name` or a bare literal does nothing: reported, not lowered (`default;` for
      // each of 100,000 stray `#` made 800 KB of C# out of a 100 KB file).
      if (ts.isPrivateIdentifier(e as TS.Node) || ts.isLiteralExpression(e)) {
        lose(e, ts.SyntaxKind[e.kind], `${e.getText(sf).slice(0, 50)} is not understood.`);
        return;
      }
      expr(e);
      out.write(';');
    } else if (ts.isBlock(s)) block(s);
    else if (ts.isIfStatement(s)) {
      out.write('if (');
      expr(s.expression);
      out.write(') ');
      stmt(s.thenStatement);
      if (s.elseStatement) {
        out.write(' else ');
        stmt(s.elseStatement);
      }
    } else if (ts.isForStatement(s)) {
      out.write('for (');
      const init = s.initializer;
      if (init && ts.isVariableDeclarationList(init)) {
        init.declarations.forEach((d, i) => {
          out.write(i === 0 ? `var ${d.name.getText(sf)} = ` : `, ${d.name.getText(sf)} = `);
          if (d.initializer) expr(d.initializer);
        });
      } else if (init) expr(init);
      out.write('; ');
      if (s.condition) expr(s.condition);
      out.write('; ');
      if (s.incrementor) expr(s.incrementor);
      out.write(') ');
      stmt(s.statement);
    } else if (ts.isForOfStatement(s)) {
      const d = ts.isVariableDeclarationList(s.initializer) ? s.initializer.declarations[0] : undefined;
      const name = d
        ? ts.isArrayBindingPattern(d.name)
          ? `(${d.name.elements.map((e) => (ts.isBindingElement(e) ? `var ${e.name.getText(sf)}` : '_')).join(', ')})`
          : `var ${d.name.getText(sf)}`
        : 'var _';
      out.write(`foreach (${name.startsWith('(') ? name : name} in `);
      expr(s.expression);
      out.write(') ');
      stmt(s.statement);
    } else if (ts.isFunctionDeclaration(s) && s.name) {
      out.write(`dynamic ${id(s.name.text)}`);
      params(s.parameters);
      functionBody(s.body);
    } else if (ts.isReturnStatement(s)) {
      out.write('return ');
      if (s.expression) expr(s.expression);
      out.write(';');
    } else if (ts.isBreakStatement(s) || ts.isContinueStatement(s))
      out.write(ts.isBreakStatement(s) ? 'break;' : 'continue;');
    else if (ts.isTryStatement(s)) {
      out.write('try ');
      block(s.tryBlock);
      out.write(' finally { }');
    } else if (ts.isSwitchStatement(s)) {
      out.write('switch (');
      expr(s.expression);
      out.write(') {');
      for (const c of s.caseBlock.clauses) {
        at(c);
        if (ts.isCaseClause(c)) {
          out.write('case ');
          expr(c.expression);
          out.write(': ');
        } else out.write('default: ');
        for (const x of c.statements) stmt(x);
      }
      out.write(' }');
    } else {
      const what = ts.SyntaxKind[s.kind].replace(/(Statement|Declaration)$/, '').toLowerCase();
      lose(s, what, `a ${what} is not interpreted; its contents are not imported.`);
    }
  }

  return { block, stmt };
}
