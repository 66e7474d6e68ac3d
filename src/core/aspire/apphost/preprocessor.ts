/**
 * `#if` / `#elif` / `#else` in App Host code: the compiler keeps one branch, so the reader does
 * too, deciding the condition as `aspire publish` builds the App Host (`dotnet run`, Debug, a
 * .NET target): DEBUG, TRACE and the NET… symbols are defined, any other symbol is undefined
 * unless the file `#define`s it. A project file can define more (DefineConstants), which this
 * reader does not see, so a branch chosen on such a symbol is reported with the choice made.
 * Before, statements under any `#if` were dropped without a trace.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from './syntax';

const STANDARD = /^(DEBUG|TRACE|NET|NETCOREAPP|NET\d+_\d+(_OR_GREATER)?|NETCOREAPP\d+_\d+(_OR_GREATER)?)$/;

/** Directives that change nothing the reader models. */
export const INERT_DIRECTIVES: ReadonlySet<string> = new Set([
  'preproc_region',
  'preproc_endregion',
  'preproc_pragma',
  'preproc_nullable',
  'preproc_line',
  'preproc_error',
  'preproc_warning',
  'preproc_define',
  'preproc_undef',
]);

export interface BranchChoice {
  line: number;
  /** The symbols the choice rested on that a project file might define. */
  assumed: string[];
  /** "#if", "#elif" or "#else" for the branch kept, or "no branch". */
  kept: string;
  at: Node;
}

/** Symbols the file itself `#define`s. */
export function definedSymbols(root: Node): Set<string> {
  const out = new Set<string>();
  for (const d of root.descendantsOfType('preproc_define')) {
    const name = d?.namedChildren.find((c) => c?.type === 'preproc_arg')?.text.trim();
    if (name) out.add(name);
  }
  return out;
}

function evaluate(n: Node, defined: ReadonlySet<string>, assumed: Set<string>): boolean {
  switch (n.type) {
    case 'identifier':
      if (defined.has(n.text) || STANDARD.test(n.text)) return true;
      if (n.text !== 'RELEASE') assumed.add(n.text); // Debug is how `aspire publish` builds
      return false;
    case 'boolean_literal':
      return n.text === 'true';
    case 'parenthesized_expression':
      return n.namedChild(0) ? evaluate(n.namedChild(0)!, defined, assumed) : false;
    case 'unary_expression':
    case 'prefix_unary_expression': {
      const arg = n.childForFieldName('argument') ?? n.childForFieldName('operand') ?? n.namedChild(0);
      return arg ? !evaluate(arg, defined, assumed) : false;
    }
    case 'binary_expression': {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      const op = n.children.find((c) => c !== null && !c.isNamed)?.text;
      if (!left || !right) return false;
      // Short-circuit as C# does, so a symbol that cannot change the outcome is not reported as a guess.
      const a = evaluate(left, defined, assumed);
      if (op === '&&' && !a) return false;
      if (op === '||' && a) return true;
      const b = evaluate(right, defined, assumed);
      return op === '&&' || op === '||' ? b : op === '==' ? a === b : op === '!=' ? a !== b : false;
    }
    default:
      return false;
  }
}

/** The statements (or members) of a branch: its named children except its condition and the next branch. */
function branchBody(n: Node): Node[] {
  const condition = n.childForFieldName('condition');
  const alternative = n.childForFieldName('alternative');
  return n.namedChildren.filter(
    (c): c is Node => c !== null && c.id !== condition?.id && c.id !== alternative?.id && c.type !== 'comment',
  );
}

/**
 * The nodes the compiler sees: each `#if` replaced by the branch it keeps (recursively), inert
 * directives left out. `choices` receives every decision that rested on a symbol we assumed.
 */
export function keptNodes(
  nodes: readonly (Node | null)[],
  defined: ReadonlySet<string>,
  choices: BranchChoice[],
): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (!n || INERT_DIRECTIVES.has(n.type)) continue;
    if (n.type !== 'preproc_if') {
      out.push(n);
      continue;
    }
    const assumed = new Set<string>();
    let branch: Node | null = n;
    let kept: Node | undefined;
    while (branch && !kept) {
      if (branch.type === 'preproc_else') kept = branch;
      else {
        const cond = branch.childForFieldName('condition');
        if (cond && evaluate(cond, defined, assumed)) kept = branch;
        else branch = branch.childForFieldName('alternative');
      }
    }
    if (assumed.size)
      choices.push({
        line: lineOf(n),
        assumed: [...assumed],
        kept: kept ? `#${kept.type.replace(/^preproc_/, '')}` : 'no branch',
        at: n,
      });
    if (kept) out.push(...keptNodes(branchBody(kept), defined, choices));
  }
  return out;
}
