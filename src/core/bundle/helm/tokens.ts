/**
 * Turning generated objects into Helm templates without hand-writing YAML: we put unique
 * placeholder tokens where a value varies, emit ordinary YAML (so quoting and indentation are
 * the YAML library's job), then replace each token with its template text. A scalar token
 * becomes `{{ expr }}` (quotes the emitter put around it are dropped, the expression quotes
 * itself); a block token replaces its whole `key: TOKEN` line with lines built for that indent.
 *
 * A line token is a list item (`- TOKEN`) replaced by a whole template line, such as the
 * `{{- if … }}` / `{{- end }}` around list items that only some database modes have.
 *
 * User strings can contain `{{`, which Helm would execute; `escapeTemplates` rewrites every
 * such string (and map key) to print the braces literally. Tokens contain no braces.
 */

type Block = (indent: string, key: string) => string;

export class Tokens {
  private readonly scalars = new Map<string, string>();
  private readonly blocks = new Map<string, Block>();
  private readonly lines = new Map<string, string>();
  private n = 0;

  private next(): string {
    return `HELMTOKEN${(this.n++).toString(36)}X`;
  }

  /** A token replaced by `{{ expr }}`; expr must render a complete YAML scalar (use `| quote`, `| int`). */
  scalar(expr: string): string {
    const t = this.next();
    this.scalars.set(t, `{{ ${expr} }}`);
    return t;
  }

  /** A token whose `key: TOKEN` line is replaced by `render(indent, key)` (indent = the key's). */
  block(render: Block): string {
    const t = this.next();
    this.blocks.set(t, render);
    return t;
  }

  /** A list item whose `- TOKEN` line is replaced by `text` (a template action) at the item's indent. */
  line(text: string): string {
    const t = this.next();
    this.lines.set(t, text);
    return t;
  }

  /** Replace every token in emitted YAML. A token that survives means a bug, so it is reported. */
  apply(text: string): { text: string; leftover: string[] } {
    let out = text.replace(
      /^( *)([^\s#][^\n]*?): (HELMTOKEN[0-9a-z]+X)$/gm,
      (line, indent: string, key: string, token: string) => {
        const render = this.blocks.get(token);
        return render ? render(indent, key) : line;
      },
    );
    // After blocks: a block's own text may hold line and scalar tokens.
    out = out.replace(/^( *)- (HELMTOKEN[0-9a-z]+X)$/gm, (line, indent: string, token: string) => {
      const text = this.lines.get(token);
      return text === undefined ? line : `${indent}${text}`;
    });
    out = out.replace(
      /(["']?)(HELMTOKEN[0-9a-z]+X)\1/g,
      (m, _q: string, token: string) => this.scalars.get(token) ?? m,
    );
    return { text: out, leftover: out.match(/HELMTOKEN[0-9a-z]+X/g) ?? [] };
  }
}

/** Make `{{` print literally in Helm: `{{` → {{`{{`}} (a raw-string action; survives YAML quoting). */
export function escapeTemplate(s: string): string {
  return s.includes('{{') ? s.replace(/\{\{/g, '{{`{{`}}') : s;
}

/** Deep-copy JSON data, escaping `{{` in every string and key. */
export function escapeTemplates<T>(v: T): T {
  if (typeof v === 'string') return escapeTemplate(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => escapeTemplates(x)) as T;
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[escapeTemplate(k)] = escapeTemplates(x);
    return out as T;
  }
  return v;
}

/** A Go template string literal (double-quoted, escaped). */
export function goString(s: string): string {
  return JSON.stringify(s);
}

/** `index .Values.<map> "<key>"`: keys with dashes cannot use dot access. */
export function valuesAt(map: string, key: string): string {
  return `(index .Values.${map} ${goString(key)})`;
}
