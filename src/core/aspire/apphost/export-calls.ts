/**
 * The calls that start each resource's chain (`builder.AddX(…)` with what it implies by
 * default) and the reference calls (WithReference, WaitFor, drawn edges as WithEnvironment).
 */
import { aspNetCorePortsEnv } from '../../model/integrations/palette';
import { envKeyName } from '../../model/names';
import type { ResourceSettings } from '../../model/topology';
import type { Endpoint, EnvVar, Reference, Resource } from '../../model/topology';
import {
  conventionalProjectPath,
  GENERATED_PASSWORD_LENGTH,
  projectEndpoints,
  projectEnv,
  splitImage,
  type Integration,
} from '../../model/integrations/apphost-view';
import { csString, pascalIdentifier, projectTypeName } from './csharp';
import { connectionStringEnv, endpointEnv } from './reference-env';
import { ExporterBase, integrationOf, type Call } from './export-base';

export abstract class ExporterCalls extends ExporterBase {
  protected start(
    r: Resource,
    notes: string[],
  ): {
    receiver: string;
    add: Call;
    endpoints: Endpoint[];
    env: EnvVar[];
    args: string[];
    entrypoint?: string;
    integration?: Integration;
  } {
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
          this.note(
            r,
            `"${r.name}" has a connection string (${r.connectionString}) that AddContainer cannot declare; ` +
              `consumers see its endpoints instead.`,
            notes,
          );
        }
        const { repository, tag } = splitImage(image);
        const add =
          tag !== undefined
            ? `AddContainer(${name}, ${csString(repository)}, ${csString(tag)})`
            : `AddContainer(${name}, ${csString(image)})`;
        return { receiver: 'builder', add: this.call(add), endpoints: [], env: [], args: [] };
      }
      case 'dockerfile': {
        const context = r.build?.context ?? '.';
        const dockerfile = r.build?.dockerfile;
        const args = [name, csString(context)];
        const rel =
          dockerfile === undefined || dockerfile === `${context}/Dockerfile`
            ? undefined
            : dockerfile.startsWith(`${context}/`)
              ? dockerfile.slice(context.length + 1)
              : dockerfile;
        if (rel !== undefined || r.build?.stage !== undefined) args.push(rel !== undefined ? csString(rel) : 'null');
        if (r.build?.stage !== undefined) args.push(csString(r.build.stage));
        return {
          receiver: 'builder',
          add: this.call(`AddDockerfile(${args.join(', ')})`),
          endpoints: [],
          env: [],
          args: [],
        };
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
        return {
          receiver: 'builder',
          add: this.call(`AddExecutable(${args.join(', ')})`, deps),
          endpoints: [],
          env: [],
          args: [...r.args],
        };
      }
      case 'database': {
        const parent = r.parent!;
        const args = [name];
        if (r.databaseName !== undefined && r.databaseName !== r.name) args.push(csString(r.databaseName));
        return {
          receiver: this.v(parent),
          add: this.call(`AddDatabase(${args.join(', ')})`, [parent]),
          endpoints: [],
          env: [],
          args: [],
        };
      }
      case 'parameter': {
        const spec = r.parameter ?? { secret: false };
        const args = [name];
        if (spec.default?.kind === 'value') args.push(csString(spec.default.value), 'publishValueAsDefault: true');
        if (spec.default?.kind === 'generate') {
          args.push(
            spec.default.minLength === GENERATED_PASSWORD_LENGTH
              ? 'new GenerateParameterDefault()'
              : `new GenerateParameterDefault { MinLength = ${spec.default.minLength} }`,
          );
        }
        if (spec.secret) args.push('secret: true');
        return {
          receiver: 'builder',
          add: this.call(`AddParameter(${args.join(', ')})`),
          endpoints: [],
          env: [],
          args: [],
        };
      }
      default:
        return {
          receiver: 'builder',
          add: this.call(`AddConnectionString(${name})`),
          endpoints: [],
          env: [],
          args: [],
        };
    }
  }

  protected persists(r: Resource, i: Integration): boolean {
    return r.volumes.some((v) => v.target === i.dataPath) || r.bindMounts.some((b) => b.target === i.dataPath);
  }

  /** All calls for one resource, in the order a person would write them. */

  protected referenceCalls(
    r: Resource,
    ref: Reference,
    consumed: Set<string>,
    calls: { refs: Call[]; env: Call[] },
    notes: string[],
  ): void {
    const out = calls.refs;
    const target = this.byName.get(ref.to);
    if (!target) return;
    if (this.passwords.get(r.name) === ref.to) return; // the integration reads its own password
    if (this.implicit.has(ref.to) && ref.to.endsWith('-uri-encoded')) return; // recreated with the strings that use it
    if (this.skipped.has(target.name)) {
      this.note(
        r,
        `"${r.name}" uses "${target.name}" (${target.kind}), which App Host code here cannot declare.`,
        notes,
      );
      return;
    }
    const tv = this.v(target.name);
    const mentions = r.env.filter((e) => e.value.includes(`{${target.name}.`));
    if (ref.kind === 'connection-string' && target.connectionString !== undefined) {
      // Qdrant's own WithReference writes its connection string inline: the table knows which.
      const written = (alias: string) =>
        connectionStringEnv(target.name, alias, target, (n) => this.byName.get(n))[0]!.value;
      const cs = r.env.find(
        (e) =>
          e.name.startsWith('ConnectionStrings__') &&
          (e.value === `{${target.name}.connectionString}` ||
            e.value === written(e.name.slice('ConnectionStrings__'.length))),
      );
      if (cs || mentions.length === 0) {
        const alias = cs ? cs.name.slice('ConnectionStrings__'.length) : target.name;
        for (const e of connectionStringEnv(target.name, alias, target, (n) => this.byName.get(n)))
          consumed.add(e.name);
        out.push(
          this.call(alias === target.name ? `WithReference(${tv})` : `WithReference(${tv}, ${csString(alias)})`, [
            this.declaring(target.name),
          ]),
        );
      }
    } else if (ref.kind === 'service-discovery') {
      const discovered = target.endpoints.filter((e) =>
        r.env.some((x) => x.name === `services__${target.name}__${e.name}__0`),
      );
      if (discovered.length === target.endpoints.length || mentions.length === 0) {
        for (const e of target.endpoints)
          for (const x of endpointEnv(target.name, e.name, target)) consumed.add(x.name);
        out.push(this.call(`WithReference(${tv})`, [this.declaring(target.name)]));
      } else {
        for (const e of discovered) {
          for (const x of endpointEnv(target.name, e.name, target)) consumed.add(x.name);
          out.push(this.call(`WithReference(${tv}.GetEndpoint(${csString(e.name)}))`, [this.declaring(target.name)]));
        }
      }
    } else if (mentions.length === 0 && ref.kind === 'parameter' && target.kind === 'parameter') {
      // A drawn edge with no variable yet: give it one, named after the parameter.
      calls.env.push(
        this.call(`WithEnvironment(${csString(envKeyName(target.name))}, ${tv})`, [this.declaring(target.name)]),
      );
    } else if (mentions.length === 0 && ref.kind === 'endpoint-property' && target.endpoints[0]) {
      const ep = target.endpoints[0].name;
      calls.env.push(
        this.call(
          `WithEnvironment(${csString(`${envKeyName(target.name)}_HOST`)}, ` +
            `ReferenceExpression.Create($"{${tv}.GetEndpoint(${csString(ep)}).Property(EndpointProperty.Host)}"))`,
          [this.declaring(target.name)],
        ),
      );
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
}

/**
 * `WithHttpProbe` calls for a resource's settings: each declared probe with the parameters it
 * sets, and a liveness path that came without a probe declaration (the designer's setting).
 */
export function probeCalls(st: ResourceSettings): string[] {
  const out: string[] = [];
  const types = [
    ['startup', 'Startup'],
    ['readiness', 'Readiness'],
    ['liveness', 'Liveness'],
  ] as const;
  for (const [key, name] of types) {
    const p = st.probes?.[key];
    if (!p) continue;
    // A readiness probe with only a path is what WithHttpHealthCheck already says.
    if (key === 'readiness' && Object.keys(p).length === 1 && st.healthPaths?.readiness === p.path) continue;
    const named = (
      ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold'] as const
    )
      .filter((k) => p[k] !== undefined)
      .map((k) => `${k}: ${p[k]}`);
    if (p.endpoint !== undefined) named.push(`endpointName: ${csString(p.endpoint)}`);
    out.push(`WithHttpProbe(${[`ProbeType.${name}`, csString(p.path), ...named].join(', ')})`);
  }
  if (st.healthPaths?.liveness !== undefined && !st.probes?.liveness)
    out.push(`WithHttpProbe(ProbeType.Liveness, ${csString(st.healthPaths.liveness)})`);
  return out;
}
