/**
 * Reading the calls the C# exporter writes (`AddProject<Projects.Api>("api")`,
 * `WithHttpEndpoint(port: 8080, name: "web")`, `ReferenceExpression.Create($"…")`) so they can
 * be spelt in TypeScript. The exporter's output is a small, known subset of C#; this reads
 * exactly that subset: argument lists, named arguments, strings and interpolations.
 */

export interface ParsedCall {
  method: string;
  typeArg?: string;
  args: { name?: string; value: string }[];
}

/** Split at top-level commas, respecting strings, interpolations and brackets. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      // Skip a string (regular or $"…" with {…} holes); escapes are backslash-quoted.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    // Type arguments (`AddProject<Projects.Api>`) hold dots too; the exporter writes no `<` operator.
    if (ch === '(' || ch === '[' || ch === '{' || (ch === '<' && separator === '.')) depth++;
    else if (ch === ')' || ch === ']' || ch === '}' || (ch === '>' && separator === '.' && text[i - 1] !== '='))
      depth--;
    else if (ch === separator && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

/** `Method<T>(a, b: c)` → its parts; undefined when the text is not one call. */
export function parseCall(text: string): ParsedCall | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:<([^>]+)>)?\(([\s\S]*)\)$/.exec(text.trim());
  if (!m) return undefined;
  const args = splitTopLevel(m[3]!).map((a) => {
    const named = /^([a-zA-Z_][A-Za-z0-9_]*)\s*:\s*([\s\S]+)$/.exec(a);
    return named && !a.startsWith('"') ? { name: named[1]!, value: named[2]! } : { value: a };
  });
  return { method: m[1]!, ...(m[2] ? { typeArg: m[2] } : {}), args };
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A C# value the exporter writes, in TypeScript. Undefined when there is no TypeScript spelling. */
export function tsValue(v: string): string | undefined {
  const t = v.trim();
  if (/^"/.test(t) || /^-?\d+$/.test(t) || t === 'true' || t === 'false' || t === 'null') return t;
  const ref = /^ReferenceExpression\.Create\(\$"([\s\S]*)"\)$/.exec(t);
  if (ref) {
    let body = '';
    const s = ref[1]!;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '{' && s[i + 1] === '{') {
        body += '{';
        i++;
      } else if (ch === '}' && s[i + 1] === '}') {
        body += '}';
        i++;
      } else if (ch === '{') {
        let depth = 1;
        let j = i + 1;
        for (; j < s.length && depth > 0; j++) {
          if (s[j] === '{') depth++;
          else if (s[j] === '}') depth--;
        }
        const inner = tsValue(s.slice(i + 1, j - 1));
        if (inner === undefined) return undefined;
        body += `\${${inner}}`;
        i = j - 1;
      } else if (ch === '`' || ch === '$') body += `\\${ch}`;
      else body += ch;
    }
    return `refExpr\`${body}\``;
  }
  if (/^System\.Net\.Sockets\.ProtocolType\.(\w+)$/.test(t)) return t.replace('System.Net.Sockets.', '');
  if (/^(EndpointProperty|ProbeType|ProtocolType)\.\w+$/.test(t)) return t;
  // Member chains: `pg.Resource.PasswordParameter`, `api.GetEndpoint("http").Property(EndpointProperty.Host)`.
  const parts = splitTopLevel(t, '.');
  if (parts.length === 0 || !/^[A-Za-z_]\w*$/.test(parts[0]!)) return undefined;
  const out: string[] = [parts[0]!];
  for (const p of parts.slice(1)) {
    const c = parseCall(p);
    if (c) {
      const args = c.args.map((a) => (a.name ? undefined : tsValue(a.value)));
      if (args.some((a) => a === undefined)) return undefined;
      out.push(`${camel(c.method)}(${args.join(', ')})`);
    } else if (/^[A-Za-z_]\w*$/.test(p)) out.push(camel(p));
    else return undefined;
  }
  return out.join('.');
}
