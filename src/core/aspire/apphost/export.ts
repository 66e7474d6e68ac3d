/**
 * exportAppHost: Topology → an idiomatic App Host `Program.cs`.
 *
 * The exporter writes what App Host code would have to say for importAppHost to rebuild the same
 * topology: it starts from what each `AddX` call gives by default (./catalogue.ts, the same table
 * the importer uses) and writes a `WithX` call only for a difference. Environment variables that
 * `WithReference` or an integration would add are recognised and not written again.
 *
 * What App Host code cannot say (cloud and unknown resources, removed defaults, storage size,
 * resource limits, expressions over cloud outputs) becomes a `// Not expressible:` comment in the
 * code and a diagnostic, so nothing disappears silently.
 */
import { diag, type Diagnostic } from '../../model/diagnostics';
import { envKeyName } from '../../model/names';
import { parseTemplate, type Expression } from '../../model/template';
import type { Endpoint, EnvVar, Reference, Resource, Topology } from '../../model/topology';
import {
  conventionalProjectPath,
  GENERATED_PASSWORD_LENGTH,
  integrationByEngine,
  passwordParameterName,
  projectEndpoints,
  projectEnv,
  RABBITMQ_MANAGEMENT,
  splitImage,
  type Integration,
} from '../../model/integrations/apphost-view';
import { aspNetCorePortsEnv } from '../../model/integrations/palette';
import { camelIdentifier, csInterpolatedText, csString, pascalIdentifier, projectTypeName } from './csharp';
import { connectionStringEnv, endpointEnv } from './reference-env';

export interface AppHostExport {
  code: string;
  diagnostics: Diagnostic[];
  /** Resources the code declares, or recreates implicitly (integration passwords): the round-trip subset. */
  expressed: string[];
}

/** A chain call: its text and the resources whose variables it uses. */
interface Call {
  text: string;
  deps: Set<string>;
}

const EXPRESSIBLE: ReadonlySet<Resource['kind']> = new Set(['project', 'container', 'dockerfile', 'executable', 'database', 'parameter', 'connection-string']);
const isHttpScheme = (s: string) => s === 'http' || s === 'https';

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
function passwordOf(r: Resource, i: Integration, byName: Map<string, Resource>): string | undefined {
  if (!i.password) return undefined;
  const std = passwordParameterName(r.name, i);
  if (r.connectionString === i.connectionString(r.name, std)) return std;
  for (const p of byName.values()) {
    if (p.kind === 'parameter' && r.connectionString === i.connectionString(r.name, p.name)) return p.name;
  }
  return std;
}

/** A generated integration password the `AddX` call recreates by itself. */
function isImplicitPassword(p: Resource, server: Resource): boolean {
  return (
    p.kind === 'parameter' &&
    p.name === passwordParameterName(server.name, integrationOf(server)) &&
    p.parameter?.secret === true &&
    p.parameter.default?.kind === 'generate' &&
    p.parameter.default.minLength === GENERATED_PASSWORD_LENGTH
  );
}

function isUriEncodedCompanion(r: Resource, byName: Map<string, Resource>): boolean {
  const raw = r.raw as { filter?: unknown; value?: unknown } | undefined;
  const param = r.name.endsWith('-uri-encoded') ? r.name.slice(0, -'-uri-encoded'.length) : undefined;
  return r.sourceType === 'annotated.string' && raw?.filter === 'uri' && param !== undefined && raw.value === `{${param}.value}` && byName.get(param)?.kind === 'parameter';
}

class Exporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly byName: Map<string, Resource>;
  private readonly vars = new Map<string, string>();
  private readonly used = new Set<string>();
  /** Resources the code does not declare: implicit passwords and inexpressible kinds. */
  private readonly implicit = new Set<string>();
  private readonly skipped = new Set<string>();
  private readonly passwords = new Map<string, string>();
  /** Declared, but not 1:1 (a plain container that had a connection string). */
  private readonly lossy = new Set<string>();

  constructor(private readonly t: Topology) {
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

  private expressible(r: Resource): boolean {
    if (!EXPRESSIBLE.has(r.kind)) return false;
    if (r.kind === 'database') {
      const parent = r.parent ? this.byName.get(r.parent) : undefined;
      return parent !== undefined && integrationOf(parent)?.database !== undefined;
    }
    return true;
  }

  /** Record what the code cannot say; `lossy` when it changes a compared field (endpoints, volumes). */
  private note(r: Resource | undefined, message: string, notes: string[], lossy = false): void {
    notes.push(message);
    if (lossy && r) this.lossy.add(r.name);
    this.diagnostics.push(diag('warning', 'apphost-not-expressible', message, r ? { resource: r.name } : {}));
  }

  private v(name: string): string {
    // An implicit integration password has no variable: reach it through its server.
    const server = this.implicit.has(name) ? [...this.passwords].find(([, pw]) => pw === name)?.[0] : undefined;
    if (server) return `${this.v(server)}.Resource.PasswordParameter`;
    this.used.add(name);
    return this.vars.get(name)!;
  }

  /** The resource whose variable an expression on `name` needs declared first. */
  private declaring(name: string): string {
    return this.implicit.has(name) ? ([...this.passwords].find(([, pw]) => pw === name)?.[0] ?? name) : name;
  }

  /** C# for one expression, or undefined when App Host code cannot name it. */
  private expression(e: Expression, interpolated: boolean): { text: string; dep: string } | undefined {
    const target = this.byName.get(e.resource);
    if (!target || this.skipped.has(target.name)) return undefined;
    const p = e.path;
    const wrap = (s: string) => (interpolated ? `${s}.Resource` : s);
    if (p.kind === 'value' && target.kind === 'parameter') {
      const text = this.v(target.name);
      return { text: interpolated && !this.implicit.has(target.name) ? `${text}.Resource` : text, dep: this.declaring(target.name) };
    }
    if (p.kind === 'connectionString' && target.connectionString !== undefined && target.kind !== 'parameter') return { text: wrap(this.v(target.name)), dep: target.name };
    if (p.kind === 'binding') {
      const ep = `${this.v(target.name)}.GetEndpoint(${csString(p.endpoint)})`;
      if (p.property === 'url') return { text: ep, dep: target.name };
      const prop = { host: 'Host', port: 'Port', targetPort: 'TargetPort', scheme: 'Scheme', tlsEnabled: 'TlsEnabled' }[p.property];
      return { text: `${ep}.Property(EndpointProperty.${prop})`, dep: target.name };
    }
    return undefined;
  }

  /** C# for a template value (env value or argument), or undefined when not expressible. */
  private templateValue(text: string): { text: string; deps: Set<string> } | undefined {
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

  private call(text: string, deps: Iterable<string> = []): Call {
    return { text, deps: new Set(deps) };
  }

  /** The `builder.AddX(...)` that starts a resource's chain, plus what it implies by default. */
  private start(r: Resource, notes: string[]): { receiver: string; add: Call; endpoints: Endpoint[]; env: EnvVar[]; args: string[]; entrypoint?: string; integration?: Integration } {
    const name = csString(r.name);
    switch (r.kind) {
      case 'project': {
        const typeName = r.projectPath ? projectTypeName(r.projectPath) : pascalIdentifier(r.name);
        // Without both default endpoints the project is started without a launch profile and
        // its endpoints are declared one by one.
        const defaults = projectEndpoints();
        const worker = !defaults.every((d) => r.endpoints.some((e) => e.name === d.name && e.scheme === d.scheme));
        const profile = worker ? ', launchProfileName: null' : '';
        const add =
          !r.projectPath || conventionalProjectPath(typeName) === r.projectPath
            ? `AddProject<Projects.${typeName}>(${name}${profile})`
            : `AddProject(${name}, ${csString(r.projectPath)}${profile})`;
        // HTTP_PORTS/HTTPS_PORTS follow the endpoints the code declares (import writes them so).
        const env = [...projectEnv(r.name, worker).filter((e) => e.name !== 'HTTP_PORTS'), ...aspNetCorePortsEnv(r)];
        return { receiver: 'builder', add: this.call(add), endpoints: worker ? [] : defaults, env, args: [] };
      }
      case 'container': {
        const i = integrationOf(r);
        if (i) {
          const pw = this.passwords.get(r.name);
          const named: string[] = [];
          const deps: string[] = [];
          if (pw && !this.implicit.has(pw)) {
            named.push(`password: ${this.v(pw)}`);
            deps.push(pw);
          }
          const endpoints = i.endpoints(r.name);
          const first = r.endpoints.find((e) => e.name === endpoints[0]?.name);
          if (first?.port !== undefined && endpoints[0]) {
            named.push(`port: ${first.port}`);
            endpoints[0].port = first.port;
          }
          return {
            receiver: 'builder',
            add: this.call(`${i.method}(${[name, ...named].join(', ')})`, deps),
            endpoints,
            env: i.env(r.name, pw),
            args: i.args?.(r.name, this.persists(r, i)) ?? [],
            ...(i.entrypoint ? { entrypoint: i.entrypoint } : {}),
            integration: i,
          };
        }
        const image = r.image ?? '';
        if (!r.image) this.note(r, `"${r.name}" has no image; AddContainer needs one.`, notes);
        if (r.connectionString !== undefined) {
          // Only integrations give a container a connection string; a plain AddContainer cannot.
          this.lossy.add(r.name);
          this.note(r, `"${r.name}" has a connection string (${r.connectionString}) that AddContainer cannot declare; consumers see its endpoints instead.`, notes);
        }
        const { repository, tag } = splitImage(image);
        const add = tag !== undefined ? `AddContainer(${name}, ${csString(repository)}, ${csString(tag)})` : `AddContainer(${name}, ${csString(image)})`;
        return { receiver: 'builder', add: this.call(add), endpoints: [], env: [], args: [] };
      }
      case 'dockerfile': {
        const context = r.build?.context ?? '.';
        const dockerfile = r.build?.dockerfile;
        const args = [name, csString(context)];
        const rel = dockerfile === undefined || dockerfile === `${context}/Dockerfile` ? undefined : dockerfile.startsWith(`${context}/`) ? dockerfile.slice(context.length + 1) : dockerfile;
        if (rel !== undefined || r.build?.stage !== undefined) args.push(rel !== undefined ? csString(rel) : 'null');
        if (r.build?.stage !== undefined) args.push(csString(r.build.stage));
        return { receiver: 'builder', add: this.call(`AddDockerfile(${args.join(', ')})`), endpoints: [], env: [], args: [] };
      }
      case 'executable': {
        const deps = new Set<string>();
        const args = [name, csString(r.command ?? ''), csString(r.workingDirectory ?? '.')];
        for (const a of r.args) {
          const v = this.templateValue(a);
          if (!v) {
            this.note(r, `An argument of "${r.name}" uses an expression App Host code cannot name: ${a}`, notes);
            continue;
          }
          v.deps.forEach((d) => deps.add(d));
          args.push(v.text);
        }
        return { receiver: 'builder', add: this.call(`AddExecutable(${args.join(', ')})`, deps), endpoints: [], env: [], args: [...r.args] };
      }
      case 'database': {
        const parent = r.parent!;
        const args = [name];
        if (r.databaseName !== undefined && r.databaseName !== r.name) args.push(csString(r.databaseName));
        return { receiver: this.v(parent), add: this.call(`AddDatabase(${args.join(', ')})`, [parent]), endpoints: [], env: [], args: [] };
      }
      case 'parameter': {
        const spec = r.parameter ?? { secret: false };
        const args = [name];
        if (spec.default?.kind === 'value') args.push(csString(spec.default.value), 'publishValueAsDefault: true');
        if (spec.default?.kind === 'generate') {
          args.push(spec.default.minLength === GENERATED_PASSWORD_LENGTH ? 'new GenerateParameterDefault()' : `new GenerateParameterDefault { MinLength = ${spec.default.minLength} }`);
        }
        if (spec.secret) args.push('secret: true');
        return { receiver: 'builder', add: this.call(`AddParameter(${args.join(', ')})`), endpoints: [], env: [], args: [] };
      }
      default:
        return { receiver: 'builder', add: this.call(`AddConnectionString(${name})`), endpoints: [], env: [], args: [] };
    }
  }

  private persists(r: Resource, i: Integration): boolean {
    return r.volumes.some((v) => v.target === i.dataPath) || r.bindMounts.some((b) => b.target === i.dataPath);
  }

  /** All calls for one resource, in the order a person would write them. */
  private chain(r: Resource, notes: string[]): { receiver: string; calls: Call[] } {
    const s = this.start(r, notes);
    const calls: Call[] = [s.add];
    const i = s.integration;
    const consumed = new Set<string>();
    const endpointsDefault = s.endpoints;

    // Image: tag, repository, RabbitMQ management plugin.
    if (i && r.image) {
      const { repository, tag } = splitImage(r.image);
      let t = tag;
      if (i.engine === 'rabbitmq' && t?.endsWith('-management')) {
        calls.push(this.call('WithManagementPlugin()'));
        endpointsDefault.push({ ...RABBITMQ_MANAGEMENT });
        t = t.slice(0, -'-management'.length);
      }
      if (repository.replace(/^(docker\.io\/)?(library\/)?/, '') !== i.repository.replace(/^(docker\.io\/)?(library\/)?/, '') || (repository !== i.repository && t !== undefined)) {
        calls.push(this.call(`WithImage(${csString(repository)}, ${csString(t ?? 'latest')})`));
      } else if (t !== i.tag) {
        calls.push(this.call(`WithImageTag(${csString(t ?? 'latest')})`));
      }
    }
    if (r.settings.imageTag !== undefined) {
      if (!r.image) calls.push(this.call(`WithImageTag(${csString(r.settings.imageTag)})`));
      else this.note(r, `The image tag setting "${r.settings.imageTag}" of "${r.name}" is separate from its image; App Host code has one tag.`, notes);
    }

    // Endpoints: new ones, changes to defaults, then external flags.
    const httpish = r.endpoints.filter((e) => isHttpScheme(e.scheme));
    const allExternal = httpish.length > 0 && httpish.every((e) => e.external);
    const lambdas: Call[] = [];
    for (const e of r.endpoints) {
      const base = endpointsDefault.find((d) => d.name === e.name);
      const externalByAll = allExternal && isHttpScheme(e.scheme);
      const changes: string[] = [];
      if (base) {
        if (e.port !== base.port) changes.push(e.port === undefined ? '' : `e.Port = ${e.port}`);
        if (e.targetPort !== base.targetPort) changes.push(e.targetPort === undefined ? '' : `e.TargetPort = ${e.targetPort}`);
        if (e.scheme !== base.scheme) changes.push(`e.UriScheme = ${csString(e.scheme)}`);
        if (e.transport !== base.transport) changes.push(`e.Transport = ${csString(e.transport)}`);
        if (e.protocol !== base.protocol) this.note(r, `Endpoint "${e.name}" of "${r.name}" uses ${e.protocol}; the default cannot be changed after the fact.`, notes, true);
        if (e.external && !externalByAll) changes.push('e.IsExternal = true');
        if (changes.includes('')) this.note(r, `Endpoint "${e.name}" of "${r.name}" has no port where the default has one; not expressible.`, notes, true);
      } else {
        const named: string[] = [];
        if (e.port !== undefined) named.push(`port: ${e.port}`);
        if (e.targetPort !== undefined) named.push(`targetPort: ${e.targetPort}`);
        const envVar = r.env.find((x) => x.value === `{${r.name}.bindings.${e.name}.targetPort}` && !s.env.some((d) => d.name === x.name));
        const plainHttp = (e.scheme === 'http' || e.scheme === 'https') && e.transport === 'http' && e.protocol === 'tcp';
        if (plainHttp) {
          if (e.name !== e.scheme) named.push(`name: ${csString(e.name)}`);
          if (envVar) named.push(`env: ${csString(envVar.name)}`);
          calls.push(this.call(`${e.scheme === 'http' ? 'WithHttpEndpoint' : 'WithHttpsEndpoint'}(${named.join(', ')})`));
          if (e.external && !externalByAll) changes.push('e.IsExternal = true');
        } else {
          if (e.scheme !== 'tcp') named.push(`scheme: ${csString(e.scheme)}`);
          if (e.name !== e.scheme) named.push(`name: ${csString(e.name)}`);
          if (envVar) named.push(`env: ${csString(envVar.name)}`);
          if (e.external && !externalByAll) named.push('isExternal: true');
          if (e.protocol === 'udp') named.push('protocol: System.Net.Sockets.ProtocolType.Udp');
          calls.push(this.call(`WithEndpoint(${named.join(', ')})`));
          const implied = isHttpScheme(e.scheme) ? 'http' : 'tcp';
          if (e.transport !== implied) changes.push(`e.Transport = ${csString(e.transport)}`);
        }
        if (envVar) consumed.add(envVar.name);
      }
      const real = changes.filter(Boolean);
      if (real.length === 1) lambdas.push(this.call(`WithEndpoint(${csString(e.name)}, e => ${real[0]})`));
      else if (real.length > 1) lambdas.push(this.call(`WithEndpoint(${csString(e.name)}, e =>\n{\n${real.map((c) => `    ${c};`).join('\n')}\n})`));
    }
    for (const d of endpointsDefault) {
      if (!r.endpoints.some((e) => e.name === d.name)) this.note(r, `"${r.name}" has no "${d.name}" endpoint, but ${s.add.text.split('(')[0]} always adds one.`, notes, true);
    }
    calls.push(...lambdas);
    if (allExternal) calls.push(this.call('WithExternalHttpEndpoints()'));

    // Storage.
    for (const vol of r.volumes) {
      const ro = vol.readOnly ? ', isReadOnly: true' : '';
      if (i && vol.target === i.dataPath && vol.name !== undefined) {
        calls.push(this.call(vol.name === `${r.name}-data` && !vol.readOnly ? 'WithDataVolume()' : `WithDataVolume(${csString(vol.name)}${ro})`));
      } else if (vol.name === undefined) {
        if (vol.readOnly) this.note(r, `The anonymous volume at ${vol.target} of "${r.name}" is read-only; App Host code cannot say so.`, notes, true);
        calls.push(this.call(`WithVolume(${csString(vol.target)})`));
      } else {
        calls.push(this.call(`WithVolume(${csString(vol.name)}, ${csString(vol.target)}${ro})`));
      }
    }
    for (const b of r.bindMounts) {
      const ro = b.readOnly ? ', isReadOnly: true' : '';
      if (i && b.target === i.dataPath) calls.push(this.call(`WithDataBindMount(${csString(b.source)}${ro})`));
      else calls.push(this.call(`WithBindMount(${csString(b.source)}, ${csString(b.target)}${ro})`));
    }

    // Build arguments (Dockerfiles).
    for (const [k, val] of Object.entries(r.build?.args ?? {})) {
      const x = this.templateValue(val);
      if (x) calls.push(this.call(`WithBuildArg(${csString(k)}, ${x.text})`, x.deps));
      else this.note(r, `Build argument ${k} of "${r.name}" uses an expression App Host code cannot name.`, notes);
    }

    // Entry point and arguments beyond the defaults.
    if (r.entrypoint !== s.entrypoint) {
      if (r.entrypoint !== undefined) calls.push(this.call(`WithEntrypoint(${csString(r.entrypoint)})`));
      else this.note(r, `"${r.name}" has no entry point where the integration sets one.`, notes);
    }
    const extraArgs = r.kind === 'executable' ? [] : r.args.slice(s.args.length);
    if (r.kind !== 'executable' && s.args.some((a, k) => r.args[k] !== a)) {
      this.note(r, `The arguments of "${r.name}" differ from what ${s.add.text.split('(')[0]} sets; App Host code can only add arguments.`, notes);
    } else if (extraArgs.length > 0) {
      const rendered = extraArgs.map((a) => this.templateValue(a));
      if (rendered.every((x) => x !== undefined)) {
        const deps = new Set(rendered.flatMap((x) => [...x!.deps]));
        calls.push(this.call(`WithArgs(${rendered.map((x) => x!.text).join(', ')})`, deps));
      } else {
        this.note(r, `An argument of "${r.name}" uses an expression App Host code cannot name.`, notes);
      }
    }

    // References and waits: WithReference where the env Aspire would write is there.
    const refCalls: Call[] = [];
    const edgeEnv: Call[] = [];
    const refs = this.t.references.filter((x) => x.from === r.name);
    for (const ref of refs) this.referenceCalls(r, ref, consumed, { refs: refCalls, env: edgeEnv }, notes);

    // Environment beyond defaults and references.
    for (const env of r.env) {
      if (consumed.has(env.name)) continue;
      const def = s.env.find((d) => d.name === env.name);
      if (def && def.value === env.value) continue;
      const x = this.templateValue(env.value);
      if (!x) {
        this.note(r, `${env.name} of "${r.name}" uses an expression App Host code cannot name: ${env.value}`, notes);
        continue;
      }
      calls.push(this.call(`WithEnvironment(${csString(env.name)}, ${x.text})`, x.deps));
    }
    // A drawn edge becomes a WithEnvironment call, and re-importing that call gives an ordinary
    // env variable, which the loop above writes. Writing the edge's call here, with the other
    // WithEnvironment calls and before every WithReference, puts it where the re-import's export
    // puts it, so export(import(export(t))) is byte-identical to export(t).
    calls.push(...edgeEnv);
    // Defaults missing from the env (a sketch from the canvas, an older manifest) are not
    // reported: Aspire adds them at run time whatever the code says.
    calls.push(...refCalls);

    // Settings the manifest cannot carry but App Host code can.
    const st = r.settings;
    if (st.replicas !== undefined) calls.push(this.call(`WithReplicas(${st.replicas})`));
    if (st.healthPaths?.readiness !== undefined) calls.push(this.call(st.healthPaths.readiness === '/' ? 'WithHttpHealthCheck()' : `WithHttpHealthCheck(${csString(st.healthPaths.readiness)})`));
    if (st.healthPaths?.liveness !== undefined) calls.push(this.call(`WithHttpProbe(ProbeType.Liveness, ${csString(st.healthPaths.liveness)})`));
    if (st.databaseMode === 'external') calls.push(this.call('PublishAsConnectionString()'));
    const other: string[] = [];
    if (st.serviceDefaults !== undefined) other.push(`serviceDefaults ${st.serviceDefaults}`);
    if (st.storageSize !== undefined) other.push(`storage ${st.storageSize}`);
    if (st.compute !== undefined) other.push(`compute ${JSON.stringify(st.compute)}`);
    if (other.length > 0) this.note(r, `Settings of "${r.name}" App Host code does not carry: ${other.join(', ')}.`, notes);
    return { receiver: s.receiver, calls };
  }

  /** `out.refs`: WithReference/WaitFor calls, in reference order; `out.env`: WithEnvironment calls for drawn edges. */
  private referenceCalls(r: Resource, ref: Reference, consumed: Set<string>, calls: { refs: Call[]; env: Call[] }, notes: string[]): void {
    const out = calls.refs;
    const target = this.byName.get(ref.to);
    if (!target) return;
    if (this.passwords.get(r.name) === ref.to) return; // the integration reads its own password
    if (this.implicit.has(ref.to) && ref.to.endsWith('-uri-encoded')) return; // recreated with the strings that use it
    if (this.skipped.has(target.name)) {
      this.note(r, `"${r.name}" uses "${target.name}" (${target.kind}), which App Host code here cannot declare.`, notes);
      return;
    }
    const tv = this.v(target.name);
    const mentions = r.env.filter((e) => e.value.includes(`{${target.name}.`));
    if (ref.kind === 'connection-string' && target.connectionString !== undefined) {
      // Qdrant's own WithReference writes its connection string inline: the table knows which.
      const written = (alias: string) => connectionStringEnv(target.name, alias, target, (n) => this.byName.get(n))[0]!.value;
      const cs = r.env.find((e) => e.name.startsWith('ConnectionStrings__') && (e.value === `{${target.name}.connectionString}` || e.value === written(e.name.slice('ConnectionStrings__'.length))));
      if (cs || mentions.length === 0) {
        const alias = cs ? cs.name.slice('ConnectionStrings__'.length) : target.name;
        for (const e of connectionStringEnv(target.name, alias, target, (n) => this.byName.get(n))) consumed.add(e.name);
        out.push(this.call(alias === target.name ? `WithReference(${tv})` : `WithReference(${tv}, ${csString(alias)})`, [this.declaring(target.name)]));
      }
    } else if (ref.kind === 'service-discovery') {
      const discovered = target.endpoints.filter((e) => r.env.some((x) => x.name === `services__${target.name}__${e.name}__0`));
      if (discovered.length === target.endpoints.length || mentions.length === 0) {
        for (const e of target.endpoints) for (const x of endpointEnv(target.name, e.name, target)) consumed.add(x.name);
        out.push(this.call(`WithReference(${tv})`, [this.declaring(target.name)]));
      } else {
        for (const e of discovered) {
          for (const x of endpointEnv(target.name, e.name, target)) consumed.add(x.name);
          out.push(this.call(`WithReference(${tv}.GetEndpoint(${csString(e.name)}))`, [this.declaring(target.name)]));
        }
      }
    } else if (mentions.length === 0 && ref.kind === 'parameter' && target.kind === 'parameter') {
      // A drawn edge with no variable yet: give it one, named after the parameter.
      calls.env.push(this.call(`WithEnvironment(${csString(envKeyName(target.name))}, ${tv})`, [this.declaring(target.name)]));
    } else if (mentions.length === 0 && ref.kind === 'endpoint-property' && target.endpoints[0]) {
      const ep = target.endpoints[0].name;
      calls.env.push(this.call(`WithEnvironment(${csString(`${envKeyName(target.name)}_HOST`)}, ReferenceExpression.Create($"{${tv}.GetEndpoint(${csString(ep)}).Property(EndpointProperty.Host)}"))`, [this.declaring(target.name)]));
    } else if (mentions.length === 0 && ref.kind !== 'wait-only') {
      this.note(r, `The ${ref.kind} reference from "${r.name}" to "${target.name}" has no App Host call.`, notes);
    }
    if (ref.waitFor === 'running') out.push(this.call(`WaitFor(${tv})`, [this.declaring(target.name)]));
    if (ref.waitFor === 'completion') out.push(this.call(`WaitForCompletion(${tv})`, [this.declaring(target.name)]));
  }

  /**
   * Declaration order: what a resource uses comes first (Kahn's algorithm, lowest original
   * position first). In a cycle the earliest resource is declared first and the calls that need a
   * later one are deferred. Re-importing the code and exporting again gives the same order.
   */
  private order(chains: Map<string, { calls: Call[] }>): string[] {
    const names = [...chains.keys()];
    const deps = new Map(names.map((n) => [n, new Set([...chains.get(n)!.calls].flatMap((c) => [...c.deps]).filter((d) => d !== n && chains.has(d)))]));
    const out: string[] = [];
    const done = new Set<string>();
    while (out.length < names.length) {
      const remaining = names.filter((n) => !done.has(n));
      const next = remaining.find((n) => [...deps.get(n)!].every((d) => done.has(d))) ?? remaining[0]!;
      done.add(next);
      out.push(next);
    }
    return out;
  }

  run(): string {
    const notesByResource = new Map<string, string[]>();
    const chains = new Map<string, { receiver: string; calls: Call[] }>();
    const globalNotes: string[] = [];
    for (const r of this.t.resources) {
      if (this.implicit.has(r.name)) continue;
      if (this.skipped.has(r.name)) {
        this.note(r, `"${r.name}" (${r.kind}, ${r.sourceType}) cannot be declared in App Host code by this tool; add it by hand.`, globalNotes);
        continue;
      }
      const notes: string[] = [];
      chains.set(r.name, this.chain(r, notes));
      notesByResource.set(r.name, notes);
    }
    const order = this.order(chains);
    const declared = new Set<string>();
    const blocks: string[] = [];
    const deferred: string[] = [];
    for (const name of order) {
      const c = chains.get(name)!;
      const inline: string[] = [];
      for (const [k, call] of c.calls.entries()) {
        const ready = [...call.deps].every((d) => d !== name && (declared.has(d) || !chains.has(d)));
        if (k === 0 || ready) inline.push(call.text);
        else {
          this.used.add(name);
          deferred.push(`${this.vars.get(name)}.${call.text};`);
        }
      }
      declared.add(name);
      blocks.push(this.renderBlock(name, c.receiver, inline, notesByResource.get(name) ?? []));
    }
    // Variables are only declared for resources something else uses.
    const code = blocks.map((b) => b.replace(/^__DECL__(.*?)__ /m, (_m, n: string) => (this.used.has(n) ? `var ${this.vars.get(n)} = ` : ''))).join('\n\n');
    const header = [`// App Host for "${this.t.name}", generated by Aspire Parity.`, ...globalNotes.map((n) => `// Not expressible: ${n}`)];
    const parts = [header.join('\n'), 'var builder = DistributedApplication.CreateBuilder(args);', code];
    if (deferred.length > 0) parts.push(`// References that close a cycle are added once both ends exist.\n${deferred.join('\n')}`);
    parts.push('builder.Build().Run();');
    return `${parts.filter(Boolean).join('\n\n')}\n`;
  }

  expressed(): string[] {
    // A `-uri-encoded` companion comes back only with a declared string that uses it.
    const declaredTexts = this.t.resources.filter((r) => !this.skipped.has(r.name)).flatMap((r) => [r.connectionString ?? '', ...r.env.map((e) => e.value), ...r.args]);
    const companionKept = (r: Resource) => !(this.implicit.has(r.name) && r.name.endsWith('-uri-encoded')) || declaredTexts.some((x) => x.includes(`{${r.name}.`));
    return this.t.resources.filter((r) => !this.skipped.has(r.name) && !this.lossy.has(r.name) && companionKept(r)).map((r) => r.name);
  }

  private renderBlock(name: string, receiver: string, calls: string[], notes: string[]): string {
    const comments = notes.map((n) => `// Not expressible: ${n}`);
    const [first, ...rest] = calls;
    const body = [`__DECL__${name}__ ${receiver}.${first}`, ...rest.map((c) => `    .${c.replace(/\n/g, '\n    ')}`)].join('\n');
    return [...comments, `${body};`].join('\n');
  }
}

/** Program.cs for a topology, with diagnostics for anything App Host code cannot say. */
export function exportAppHostWithDiagnostics(topology: Topology): AppHostExport {
  const e = new Exporter(topology);
  const code = e.run();
  return { code, diagnostics: e.diagnostics, expressed: e.expressed() };
}

/** Program.cs for a topology. */
export function exportAppHost(topology: Topology): string {
  return exportAppHostWithDiagnostics(topology).code;
}
