/**
 * Writing C#: identifiers from Aspire names and string literals. Kept apart from the exporter
 * so the rules (camelCase variables, PascalCase project types, escaping) are easy to check.
 */

const KEYWORDS = new Set(
  (
    'abstract as base bool break byte case catch char checked class const continue decimal default delegate ' +
    'do double ' +
    'else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface ' +
    'internal is lock long namespace new null object operator out override params private protected public ' +
    'readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try ' +
    'typeof uint ulong unchecked unsafe ushort using virtual void volatile while var'
  ).split(' '),
);

/** Names the generated Program.cs already uses. */
const RESERVED = new Set(['builder', 'args', 'app']);

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** `catalog-sql` → `catalogSql`; unique against `taken`, never a keyword. */
export function camelIdentifier(name: string, taken: Set<string>): string {
  const w = words(name);
  let id =
    w
      .map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1)))
      .join('') || 'resource';
  if (/^[0-9]/.test(id)) id = `r${id}`;
  if (KEYWORDS.has(id) || RESERVED.has(id)) id = `${id}Resource`;
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
  taken.add(candidate);
  return candidate;
}

/** `trip-api` → `TripApi` (the type the .NET SDK would generate for such a project). */
export function pascalIdentifier(name: string): string {
  const id = words(name)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return /^[0-9]/.test(id) ? `_${id}` : id || 'Project';
}

/** A project file name → the `Projects.X` type name (the SDK replaces '.' and '-' with '_'). */
export function projectTypeName(csprojPath: string): string {
  const file = csprojPath.replace(/\\/g, '/').split('/').pop() ?? csprojPath;
  const base = file.replace(/\.csproj$/i, '');
  const id = base.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '"':
      return '\\"';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\0':
      return '\\0';
    default: {
      const code = ch.charCodeAt(0);
      return code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
    }
  }
}

/** A regular C# string literal. */
export function csString(text: string): string {
  return `"${[...text].map(escapeChar).join('')}"`;
}

/** Literal text inside `$"…"`: braces doubled as well. */
export function csInterpolatedText(text: string): string {
  return [...text].map((ch) => (ch === '{' ? '{{' : ch === '}' ? '}}' : escapeChar(ch))).join('');
}
