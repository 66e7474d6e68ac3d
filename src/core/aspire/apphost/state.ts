/**
 * The app model the interpreter builds while it walks a Program.cs: resources, references and
 * diagnostics, plus the few facts App Host code implies but the Topology does not store (which
 * parameter is a server's password). Every mutation goes through here so the rules (one
 * reference per consumer/target, strongest kind wins, last env value wins) live in one place.
 */
import { aspireNameProblem } from '../../model/names';
import { diag, type Diagnostic } from '../../model/diagnostics';
import type { EnvVar, Reference, ReferenceKind, Resource, Topology, WaitMode } from '../../model/topology';
import { expressionsIn } from '../../model/template';
import { ensureUriEncodedParameters } from '../../model/integrations/references';
import { kindOfExpressionTemplate, RANK } from './reference-env';

export class AppModel {
  readonly resources = new Map<string, Resource>();
  readonly references: Reference[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** server name → its password parameter's name. */
  readonly passwords = new Map<string, string>();

  warn(code: string, message: string, line: number | undefined, resource?: string): void {
    this.diagnostics.push(diag('warning', code, message, { ...(line !== undefined ? { line } : {}), ...(resource ? { resource } : {}) }));
  }

  info(code: string, message: string, line: number | undefined, resource?: string): void {
    this.diagnostics.push(diag('info', code, message, { ...(line !== undefined ? { line } : {}), ...(resource ? { resource } : {}) }));
  }

  /** Add a resource; a duplicate name is reported and the first one kept (Aspire refuses duplicates). */
  add(resource: Resource, line: number): Resource {
    const existing = this.resources.get(resource.name);
    if (existing) {
      this.warn('duplicate-resource', `Line ${line}: a resource named "${resource.name}" already exists; this declaration is ignored.`, line, resource.name);
      return existing;
    }
    const problem = aspireNameProblem(resource.name);
    if (problem) this.warn('invalid-name', `Line ${line}: "${resource.name}" is not a valid Aspire name: ${problem}`, line, resource.name);
    this.resources.set(resource.name, resource);
    return resource;
  }

  /** Set an environment variable; a later value replaces an earlier one, like Aspire's callbacks. */
  setEnv(r: Resource, env: EnvVar): void {
    const i = r.env.findIndex((e) => e.name === env.name);
    if (i >= 0) r.env[i] = env;
    else r.env.push(env);
  }

  /** Record consumer → target; one reference per pair, the strongest kind and wait mode win. */
  reference(from: string, to: string, kind: ReferenceKind, waitFor: WaitMode = 'none'): void {
    if (from === to) return;
    const existing = this.references.find((r) => r.from === from && r.to === to);
    if (!existing) {
      this.references.push({ from, to, kind, waitFor });
      return;
    }
    if (RANK[kind] > RANK[existing.kind]) existing.kind = kind;
    if (waitFor !== 'none') existing.waitFor = waitFor;
  }

  /** References implied by the expressions of a template (env values, args). */
  referencesFromTemplate(from: string, text: string): void {
    const targets = new Set(expressionsIn(text).map((e) => e.resource));
    for (const t of targets) {
      if (t === from || !this.resources.has(t)) continue;
      const kind = kindOfExpressionTemplate(text, t);
      if (kind) this.reference(from, t, kind);
    }
  }

  topology(name: string): Topology {
    const names = new Set(this.resources.keys());
    // `{Parameter:uri}` in an integration's strings: Aspire's manifest writer adds `<p>-uri-encoded`.
    return ensureUriEncodedParameters({
      name,
      resources: [...this.resources.values()],
      references: this.references.filter((r) => names.has(r.from) && names.has(r.to)),
    });
  }
}

/** A fresh resource with every list present, so callers only set what they know. */
export function newResource(name: string, kind: Resource['kind'], sourceType: string): Resource {
  return { name, kind, sourceType, args: [], env: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
}
