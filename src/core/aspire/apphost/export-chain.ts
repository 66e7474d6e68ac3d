/**
 * The call chain of one resource in the exported `Program.cs`: its `AddX` call, then a `WithX`
 * call for each difference from what that `AddX` gives by default.
 */
import type { Resource } from '../../model/topology';
import { RABBITMQ_MANAGEMENT, splitImage } from '../../model/integrations/apphost-view';
import { csString } from './csharp';
import { isHttpScheme, type Call } from './export-base';
import { ExporterCalls, probeCalls } from './export-calls';
import { aspNetCorePortsEnv } from '../../model/integrations/palette';

export class ExporterChain extends ExporterCalls {
  protected chain(r: Resource, notes: string[]): { receiver: string; calls: Call[] } {
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
      if (
        repository.replace(/^(docker\.io\/)?(library\/)?/, '') !==
          i.repository.replace(/^(docker\.io\/)?(library\/)?/, '') ||
        (repository !== i.repository && t !== undefined)
      ) {
        calls.push(this.call(`WithImage(${csString(repository)}, ${csString(t ?? 'latest')})`));
      } else if (t !== i.tag) {
        calls.push(this.call(`WithImageTag(${csString(t ?? 'latest')})`));
      }
    }
    if (r.settings.imageTag !== undefined) {
      if (!r.image) calls.push(this.call(`WithImageTag(${csString(r.settings.imageTag)})`));
      else
        this.note(
          r,
          `The image tag setting "${r.settings.imageTag}" of "${r.name}" is separate from its image; App Host code ` +
            `has one tag.`,
          notes,
        );
    }

    // Endpoints: new ones, changes to defaults, then external flags.
    const httpish = r.endpoints.filter((e) => isHttpScheme(e.scheme));
    const allExternal = httpish.length > 0 && httpish.every((e) => e.external);
    const lambdas: Call[] = [];
    const derivedPorts = r.kind === 'project' ? aspNetCorePortsEnv(r) : [];
    for (const e of r.endpoints) {
      const base = endpointsDefault.find((d) => d.name === e.name);
      const externalByAll = allExternal && isHttpScheme(e.scheme);
      const changes: string[] = [];
      if (base) {
        if (e.port !== base.port) changes.push(e.port === undefined ? '' : `e.Port = ${e.port}`);
        if (e.targetPort !== base.targetPort)
          changes.push(e.targetPort === undefined ? '' : `e.TargetPort = ${e.targetPort}`);
        if (e.scheme !== base.scheme) changes.push(`e.UriScheme = ${csString(e.scheme)}`);
        if (e.transport !== base.transport) changes.push(`e.Transport = ${csString(e.transport)}`);
        if (e.protocol !== base.protocol)
          this.note(
            r,
            `Endpoint "${e.name}" of "${r.name}" uses ${e.protocol}; the default cannot be changed after the fact.`,
            notes,
            true,
          );
        if (e.external && !externalByAll) changes.push('e.IsExternal = true');
        if (changes.includes(''))
          this.note(
            r,
            `Endpoint "${e.name}" of "${r.name}" has no port where the default has one; not expressible.`,
            notes,
            true,
          );
      } else {
        const named: string[] = [];
        if (e.port !== undefined) named.push(`port: ${e.port}`);
        if (e.targetPort !== undefined) named.push(`targetPort: ${e.targetPort}`);
        const envVar = r.env.find(
          (x) =>
            x.value === `{${r.name}.bindings.${e.name}.targetPort}` &&
            !s.env.some((d) => d.name === x.name) &&
            !derivedPorts.some((d) => d.name === x.name && d.value === x.value),
        );
        const plainHttp =
          (e.scheme === 'http' || e.scheme === 'https') && e.transport === 'http' && e.protocol === 'tcp';
        if (plainHttp) {
          if (e.name !== e.scheme) named.push(`name: ${csString(e.name)}`);
          if (envVar) named.push(`env: ${csString(envVar.name)}`);
          calls.push(
            this.call(`${e.scheme === 'http' ? 'WithHttpEndpoint' : 'WithHttpsEndpoint'}(${named.join(', ')})`),
          );
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
      else if (real.length > 1)
        lambdas.push(
          this.call(`WithEndpoint(${csString(e.name)}, e =>\n{\n${real.map((c) => `    ${c};`).join('\n')}\n})`),
        );
    }
    for (const d of endpointsDefault) {
      if (!r.endpoints.some((e) => e.name === d.name))
        this.note(
          r,
          `"${r.name}" has no "${d.name}" endpoint, but ${s.add.text.split('(')[0]} always adds one.`,
          notes,
          true,
        );
    }
    calls.push(...lambdas);
    if (allExternal) calls.push(this.call('WithExternalHttpEndpoints()'));

    // Storage.
    for (const vol of r.volumes) {
      const ro = vol.readOnly ? ', isReadOnly: true' : '';
      if (i && vol.target === i.dataPath && vol.name !== undefined) {
        calls.push(
          this.call(
            vol.name === `${r.name}-data` && !vol.readOnly
              ? 'WithDataVolume()'
              : `WithDataVolume(${csString(vol.name)}${ro})`,
          ),
        );
      } else if (vol.name === undefined) {
        if (vol.readOnly)
          this.note(
            r,
            `The anonymous volume at ${vol.target} of "${r.name}" is read-only; App Host code cannot say so.`,
            notes,
            true,
          );
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
      this.note(
        r,
        `The arguments of "${r.name}" differ from what ${s.add.text.split('(')[0]} sets; App Host code can only add ` +
          `arguments.`,
        notes,
      );
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
      // HTTP_PORTS/HTTPS_PORTS list every endpoint of that scheme: import derives them again.
      if (r.kind === 'project' && aspNetCorePortsEnv(r).some((p) => p.name === env.name && p.value === env.value))
        continue;
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
    if (st.healthPaths?.readiness !== undefined)
      calls.push(
        this.call(
          st.healthPaths.readiness === '/'
            ? 'WithHttpHealthCheck()'
            : `WithHttpHealthCheck(${csString(st.healthPaths.readiness)})`,
        ),
      );
    calls.push(...probeCalls(st).map((text) => this.call(text)));
    if (st.databaseMode === 'external') calls.push(this.call('PublishAsConnectionString()'));
    const other: string[] = [];
    if (st.serviceDefaults !== undefined) other.push(`serviceDefaults ${st.serviceDefaults}`);
    if (st.storageSize !== undefined) other.push(`storage ${st.storageSize}`);
    if (st.compute !== undefined) other.push(`compute ${JSON.stringify(st.compute)}`);
    if (other.length > 0)
      this.note(r, `Settings of "${r.name}" App Host code does not carry: ${other.join(', ')}.`, notes);
    return { receiver: s.receiver, calls };
  }
}
