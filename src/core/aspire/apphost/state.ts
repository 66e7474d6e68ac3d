/**
 * The app model the interpreter builds while it walks App Host code: resources, references and
 * diagnostics, plus the few facts App Host code implies but the Topology does not store (which
 * parameter is a server's password). Every mutation goes through here so the rules (one
 * reference per consumer/target, strongest kind wins, last env value wins, nothing lost in
 * silence) live in one place.
 */
import { allocatePublishPorts } from '../../model/integrations/publish-ports';
import { ensureUriEncodedParameters } from '../../model/integrations/references';
import { aspireNameProblem } from '../../model/names';
import { diag, type Diagnostic } from '../../model/diagnostics';
import {
  emptyResource,
  type EnvVar,
  type Reference,
  type ReferenceKind,
  type Resource,
  type Topology,
  type Unmodelled,
  type WaitMode,
} from '../../model/topology';
import { expressionsIn } from '../../model/template';
import { kindOfExpressionTemplate, RANK } from './reference-env';
import { assignPublishPorts } from './publish-ports';

/** Where a diagnostic points: a 1-based line, or a syntax node (line and column). */
export type At = number | { startPosition: { row: number; column: number } } | undefined;

/** Resource kinds that become a workload in the cluster. */
export const DEPLOYABLE: ReadonlySet<Resource['kind']> = new Set(['project', 'container', 'dockerfile', 'executable']);

export const PLACEHOLDER_SOURCE = 'apphost.placeholder';

function position(at: At): { line?: number; column?: number } {
  if (at === undefined) return {};
  if (typeof at === 'number') return { line: at };
  return { line: at.startPosition.row + 1, column: at.startPosition.column + 1 };
}

export class AppModel {
  readonly resources = new Map<string, Resource>();
  readonly references: Reference[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly unmodelled: Unmodelled[] = [];
  private readonly reported = new Set<string>();
  /** server name → its password parameter's name. */
  readonly passwords = new Map<string, string>();
  /** Resources excluded from the manifest (ExcludeFromManifest): read, then left out. */
  readonly excluded = new Set<string>();
  /** Class name → its base list as written (`ContainerResource(name), IResourceWithServiceDiscovery`), all files. */
  readonly classBases = new Map<string, string>();
  /** `Projects.X` type → project path, from `#:project` directives of a file-based App Host. */
  readonly projectPaths = new Map<string, string>();
  /** The file being read, as the user named it (several files: the one the node belongs to). */
  file: string | undefined;
  /** Set while the second branch of an undecidable `if` runs: its declarations are alternatives. */
  alternative: { line: number } | undefined;
  /** 'ts' when the code came from apphost.ts: constructs are named as the user wrote them. */
  language: 'cs' | 'ts' = 'cs';

  /** The file a diagnostic belongs to: every warning names its own file, not the entry's. */
  private inFile(): { file?: string } {
    return this.file !== undefined ? { file: this.file } : {};
  }

  /** The construct as the user wrote it: `WithFoo` in C#, `withFoo` in TypeScript. */
  construct(name: string): string {
    return this.language === 'ts' && /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  }

  /**
   * A warning means the code says something the topology does not hold as written (a call not
   * understood, a declaration ignored, two endpoints merged): each one is also a
   * `Topology.unmodelled` entry, so the canvas and the parity table show it as unknown.
   */
  warn(code: string, message: string, at: At, resource?: string, construct?: string): void {
    const pos = position(at);
    const text = message;
    // A helper method called several times reports the same line once (one unknown row, not one per call).
    const key = `${code}\u0000${this.file}\u0000${pos.line}:${pos.column}\u0000${resource}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push(diag('warning', code, text, { ...this.inFile(), ...pos, ...(resource ? { resource } : {}) }));
    this.unmodelled.push({
      ...(resource ? { resource } : {}),
      construct: this.construct(construct ?? code),
      message: text,
      ...this.inFile(),
      ...pos,
    });
  }

  info(code: string, message: string, at: At, resource?: string): void {
    this.diagnostics.push(
      diag('info', code, message, { ...this.inFile(), ...position(at), ...(resource ? { resource } : {}) }),
    );
  }

  /** Add a resource; a duplicate name is reported and the first one kept (Aspire refuses duplicates). */
  add(resource: Resource, at: At, construct?: string): Resource {
    const line = position(at).line;
    const existing = this.resources.get(resource.name);
    if (existing) {
      if (existing.sourceType === PLACEHOLDER_SOURCE) {
        // Declared after it was first used: the real declaration replaces the placeholder.
        this.resources.set(resource.name, resource);
        return resource;
      }
      if (this.alternative) {
        this.warn(
          'alternative-declaration',
          `Line ${line}: "${resource.name}" is declared again in the other branch of the condition on line ` +
            `${this.alternative.line}; the first declaration is kept, this alternative is not modelled.`,
          at,
          resource.name,
          construct ?? resource.sourceType,
        );
        return existing;
      }
      this.warn(
        'duplicate-resource',
        `Line ${line}: a resource named "${resource.name}" already exists; this declaration is ignored.`,
        at,
        resource.name,
      );
      return existing;
    }
    const problem = aspireNameProblem(resource.name);
    if (problem)
      this.warn(
        'invalid-name',
        `Line ${line}: "${resource.name}" is not a valid Aspire name: ${problem}`,
        at,
        resource.name,
      );
    this.resources.set(resource.name, resource);
    return resource;
  }

  /**
   * A resource the code uses but whose declaration was not understood: kept as a placeholder
   * so references to it stay visible (and `check` reports them instead of passing).
   */
  placeholder(name: string, why: string, at: At, construct: string): Resource {
    const existing = this.resources.get(name);
    if (existing) return existing;
    const r = newResource(name, 'unknown', PLACEHOLDER_SOURCE);
    this.resources.set(name, r);
    this.warn('placeholder', why, at, name, construct);
    return r;
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
    if (waitFor === 'completion' || (waitFor === 'running' && existing.waitFor === 'none')) existing.waitFor = waitFor;
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

  /** Whether anything would be deployed (a workload that is not excluded from the manifest). */
  hasDeployable(): boolean {
    return [...this.resources.values()].some((r) => DEPLOYABLE.has(r.kind) && !this.excluded.has(r.name));
  }

  topology(name: string): Topology {
    const kept = [...this.resources.values()].filter((r) => !this.excluded.has(r.name));
    assignPublishPorts(kept);
    const names = new Set(kept.map((r) => r.name));
    // `{Parameter:uri}` in an integration's strings: Aspire's manifest writer adds `<p>-uri-encoded`.
    // Publish fills target ports from one allocator (8000 up), as Aspire's manifest writer does.
    return ensureUriEncodedParameters(
      allocatePublishPorts({
        name,
        resources: kept,
        references: this.references.filter((r) => names.has(r.from) && names.has(r.to)),
        ...(this.unmodelled.length ? { unmodelled: this.unmodelled } : {}),
      }),
    );
  }
}

/** The App Host reader's name for the model's one empty-resource factory. */
export const newResource = emptyResource;
