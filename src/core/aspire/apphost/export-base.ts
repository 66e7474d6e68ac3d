/**
 * The exporter's state and the helpers every part of it uses: variable names, implicit
 * integration passwords, what cannot be declared, and how a template value is written in C#.
 * (./export.ts is the entry point; ./export-calls.ts writes the AddX and reference calls.)
 */
import { diag, type Diagnostic } from '../../model/diagnostics';
import { parseTemplate, type Expression } from '../../model/template';
import type { Resource, Topology } from '../../model/topology';
import {
  GENERATED_PASSWORD_LENGTH,
  integrationByEngine,
  passwordParameterName,
  splitImage,
  type Integration,
} from '../../model/integrations/apphost-view';
import { camelIdentifier, csInterpolatedText, csString } from './csharp';

export interface AppHostExport {
  code: string;
  diagnostics: Diagnostic[];
  /** Resources the code declares, or recreates implicitly (integration passwords): the round-trip subset. */
  expressed: string[];
}

/** A chain call: its text and the resources whose variables it uses. */
export interface Call {
  text: string;
  deps: Set<string>;
}

export const EXPRESSIBLE: ReadonlySet<Resource['kind']> = new Set([
  'project',
  'container',
  'dockerfile',
  'executable',
  'database',
  'parameter',
  'connection-string',
]);
export const isHttpScheme = (s: string) => s === 'http' || s === 'https';

/** The integration an exported container uses, when its image and connection string say so. */
export function integrationOf(r: Resource): Integration | undefined {
  if (r.kind !== 'container' || r.connectionString === undefined) return undefined;
  const i = integrationByEngine(r.engine);
  if (!i) return undefined;
  if (!r.image) return i;
  const repo = splitImage(r.image).repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  return repo === i.repository.replace(/^(docker\.io\/)?(library\/)?/, '') ? i : undefined;
}

/** The password parameter an integration container uses, found by rebuilding its connection string. */
export function passwordOf(r: Resource, i: Integration, byName: Map<string, Resource>): string | undefined {
  if (!i.password) return undefined;
  const std = passwordParameterName(r.name, i);
  if (r.connectionString === i.connectionString(r.name, std)) return std;
  for (const p of byName.values()) {
    if (p.kind === 'parameter' && r.connectionString === i.connectionString(r.name, p.name)) return p.name;
  }
  return std;
}

/** A generated integration password the `AddX` call recreates by itself. */
export function isImplicitPassword(p: Resource, server: Resource): boolean {
  return (
    p.kind === 'parameter' &&
    p.name === passwordParameterName(server.name, integrationOf(server)) &&
    p.parameter?.secret === true &&
    p.parameter.default?.kind === 'generate' &&
    p.parameter.default.minLength === GENERATED_PASSWORD_LENGTH
  );
}

export function isUriEncodedCompanion(r: Resource, byName: Map<string, Resource>): boolean {
  const raw = r.raw as { filter?: unknown; value?: unknown } | undefined;
  const param = r.name.endsWith('-uri-encoded') ? r.name.slice(0, -'-uri-encoded'.length) : undefined;
  return (
    r.sourceType === 'annotated.string' &&
    raw?.filter === 'uri' &&
    param !== undefined &&
    raw.value === `{${param}.value}` &&
    byName.get(param)?.kind === 'parameter'
  );
}

export abstract class ExporterBase {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly byName: Map<string, Resource>;
  protected readonly vars = new Map<string, string>();
  protected readonly used = new Set<string>();
  /** Resources the code does not declare: implicit passwords and inexpressible kinds. */
  protected readonly implicit = new Set<string>();
  protected readonly skipped = new Set<string>();
  protected readonly passwords = new Map<string, string>();
  /** Declared, but not 1:1 (a plain container that had a connection string). */
  protected readonly lossy = new Set<string>();

  constructor(protected readonly t: Topology) {
    this.byName = new Map(t.resources.map((r) => [r.name, r]));
    const taken = new Set<string>();
    for (const r of t.resources) this.vars.set(r.name, camelIdentifier(r.name, taken));
    for (const r of t.resources) {
      const i = integrationOf(r);
      const pw = i ? passwordOf(r, i, this.byName) : undefined;
      if (!pw) continue;
      this.passwords.set(r.name, pw);
      const p = this.byName.get(pw);
      if (!p || isImplicitPassword(p, r)) this.implicit.add(pw);
    }
    // `<p>-uri-encoded`: the manifest writer's companion of `{p:uri}`; import recreates it.
    for (const r of t.resources) if (isUriEncodedCompanion(r, this.byName)) this.implicit.add(r.name);
    for (const r of t.resources) if (!this.implicit.has(r.name) && !this.expressible(r)) this.skipped.add(r.name);
  }

  protected expressible(r: Resource): boolean {
    if (!EXPRESSIBLE.has(r.kind)) return false;
    if (r.kind === 'database') {
      const parent = r.parent ? this.byName.get(r.parent) : undefined;
      return parent !== undefined && integrationOf(parent)?.database !== undefined;
    }
    return true;
  }

  /** Record what the code cannot say; `lossy` when it changes a compared field (endpoints, volumes). */
  protected note(r: Resource | undefined, message: string, notes: string[], lossy = false): void {
    notes.push(message);
    if (lossy && r) this.lossy.add(r.name);
    this.diagnostics.push(diag('warning', 'apphost-not-expressible', message, r ? { resource: r.name } : {}));
  }

  protected v(name: string): string {
    // An implicit integration password has no variable: reach it through its server.
    const server = this.implicit.has(name) ? [...this.passwords].find(([, pw]) => pw === name)?.[0] : undefined;
    if (server) return `${this.v(server)}.Resource.PasswordParameter`;
    this.used.add(name);
    return this.vars.get(name)!;
  }

  /** The resource whose variable an expression on `name` needs declared first. */
  protected declaring(name: string): string {
    return this.implicit.has(name) ? ([...this.passwords].find(([, pw]) => pw === name)?.[0] ?? name) : name;
  }

  /** C# for one expression, or undefined when App Host code cannot name it. */
  protected expression(e: Expression, interpolated: boolean): { text: string; dep: string } | undefined {
    const target = this.byName.get(e.resource);
    if (!target || this.skipped.has(target.name)) return undefined;
    const p = e.path;
    const wrap = (s: string) => (interpolated ? `${s}.Resource` : s);
    if (p.kind === 'value' && target.kind === 'parameter') {
      const text = this.v(target.name);
      return {
        text: interpolated && !this.implicit.has(target.name) ? `${text}.Resource` : text,
        dep: this.declaring(target.name),
      };
    }
    if (p.kind === 'connectionString' && target.connectionString !== undefined && target.kind !== 'parameter')
      return { text: wrap(this.v(target.name)), dep: target.name };
    if (p.kind === 'binding') {
      const ep = `${this.v(target.name)}.GetEndpoint(${csString(p.endpoint)})`;
      if (p.property === 'url') return { text: ep, dep: target.name };
      const prop = { host: 'Host', port: 'Port', targetPort: 'TargetPort', scheme: 'Scheme', tlsEnabled: 'TlsEnabled' }[
        p.property
      ];
      return { text: `${ep}.Property(EndpointProperty.${prop})`, dep: target.name };
    }
    return undefined;
  }

  /** C# for a template value (env value or argument), or undefined when not expressible. */
  protected templateValue(text: string): { text: string; deps: Set<string> } | undefined {
    const parts = parseTemplate(text, (n) => this.byName.has(n), false);
    const deps = new Set<string>();
    if (parts.every((x) => typeof x === 'string')) return { text: csString(text), deps };
    if (parts.length === 1 && typeof parts[0] !== 'string') {
      const e = parts[0]!;
      const direct = e.path.kind === 'binding' && e.path.property !== 'url' ? undefined : this.expression(e, false);
      if (direct) return { text: direct.text, deps: new Set([direct.dep]) };
    }
    let body = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        body += csInterpolatedText(part);
        continue;
      }
      const x = this.expression(part, true);
      if (!x) return undefined;
      deps.add(x.dep);
      body += `{${x.text}}`;
    }
    return { text: `ReferenceExpression.Create($"${body}")`, deps };
  }

  protected call(text: string, deps: Iterable<string> = []): Call {
    return { text, deps: new Set(deps) };
  }

  /** The `builder.AddX(...)` that starts a resource's chain, plus what it implies by default. */
}
