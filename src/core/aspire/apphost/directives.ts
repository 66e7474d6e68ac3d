/**
 * File-based App Hosts (`apphost.cs` run with `dotnet run apphost.cs`) start with directives
 * the C# grammar does not know: `#:sdk Aspire.AppHost.Sdk@13.0.0`, `#:package X@1.0`,
 * `#:project ../Api/Api.csproj`, `#:property …`, and a `#!` shebang. They are blanked before
 * parsing (same length, so every line and column stays where the user sees it) and read here.
 */

export interface FileDirectives {
  /** The text with directive lines replaced by spaces. */
  text: string;
  sdk?: string;
  packages: string[];
  projects: string[];
}

const DIRECTIVE = /^[ \t]*#(:|!)(.*)$/;

export function readDirectives(source: string): FileDirectives {
  const out: FileDirectives = { text: source, packages: [], projects: [] };
  if (!/^[ \t]*#[:!]/m.test(source)) return out;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    if (m[1] === ':') {
      const [kind, ...rest] = m[2]!.trim().split(/\s+/);
      const value = rest.join(' ');
      if (kind === 'sdk') out.sdk = value;
      else if (kind === 'package') out.packages.push(value);
      else if (kind === 'project') out.projects.push(value);
    }
    lines[i] = line.replace(/[^\r]/g, ' ');
  }
  out.text = lines.join('\n');
  return out;
}

/** `Projects.X` type names a `#:project ../X/X.csproj` directive makes available. */
export function projectTypesFrom(projects: readonly string[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const p of projects) {
    const path = p.replace(/\\/g, '/');
    const file = /\.csproj$/i.test(path)
      ? path
      : `${path.replace(/\/$/, '')}/${path.replace(/\/$/, '').split('/').pop()}.csproj`;
    const base = file
      .split('/')
      .pop()!
      .replace(/\.csproj$/i, '');
    types.set(base.replace(/[^A-Za-z0-9_]/g, '_'), file);
  }
  return types;
}
