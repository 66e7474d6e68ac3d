/**
 * Calls that change what a deployment gets, beyond endpoints and storage: probes
 * (WithHttpProbe), resources left out of the manifest (ExcludeFromManifest), publish-time
 * container builds (PublishAsDockerFile), OTLP export on a container (WithOtlpExporter), and
 * database creation scripts (WithCreationScript, not modelled: an explicit unknown).
 */
import type { Node } from 'web-tree-sitter';
import type { HttpProbeSpec, Resource } from '../../model/topology';
import type { MethodCall } from './syntax';
import type { Evaluator } from './values';

export function withHttpProbe(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const typeNode = args.get('probeType');
  const pathNode = args.get('path');
  const path = (pathNode ? ev.str(pathNode) : undefined) ?? '/';
  const type = typeNode?.text ?? '';
  const key = /Liveness$/i.test(type) ? 'liveness' : /Readiness$/i.test(type) ? 'readiness' : /Startup$/i.test(type) ? 'startup' : undefined;
  if (!key) {
    ev.model.warn('not-modelled', `Line ${c.line}: the ${typeNode?.text ?? 'this'} probe of "${r.name}" is not modelled; only startup, liveness and readiness probes are.`, c.at, r.name, c.method);
    return;
  }
  // The probe as declared, with its timings (the generator fills Aspire's defaults).
  const spec: HttpProbeSpec = { path };
  for (const k of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold'] as const) {
    const n = args.get(k);
    const v = n ? ev.int(n) : undefined;
    if (v !== undefined) spec[k] = v;
  }
  const ep = args.get('endpointName');
  const endpoint = ep ? ev.str(ep) : undefined;
  if (endpoint !== undefined) spec.endpoint = endpoint;
  r.settings.probes = { ...(r.settings.probes ?? {}), [key]: spec };
  // WithHttpProbe adds a health check on that path too (the liveness/readiness paths parity reads).
  if (key !== 'startup') r.settings.healthPaths = { ...(r.settings.healthPaths ?? {}), [key]: path };
}

/** Aspire leaves the resource out of the manifest: nothing is deployed for it. */
export function excludeFromManifest(ev: Evaluator, r: Resource, c: MethodCall): void {
  ev.model.excluded.add(r.name);
  ev.model.info('excluded', `Line ${c.line}: "${r.name}" is excluded from the manifest (ExcludeFromManifest); it is not deployed.`, c.at, r.name);
}

/**
 * The database is created with the user's script at startup. The bundle creates databases with
 * defaults, so the script's effect (schema, users, extensions) is not there: an unknown row.
 */
export function withCreationScript(ev: Evaluator, r: Resource, c: MethodCall): void {
  ev.model.warn('not-modelled', `Line ${c.line}: "${r.name}" is created by a custom script (${ev.model.construct('WithCreationScript')}); the bundle does not run it, so whatever the script sets up must be applied another way.`, c.at, r.name, c.method);
}

/** What Aspire's OTLP exporter sets in publish mode (manifests show it on projects). */
const OTLP_ENV = [
  { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES', value: 'true' },
  { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES', value: 'true' },
  { name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' },
];

export function withOtlpExporter(ev: Evaluator, r: Resource, c: MethodCall): void {
  for (const e of OTLP_ENV) if (!r.env.some((x) => x.name === e.name)) ev.model.setEnv(r, e);
  if (r.kind !== 'project') {
    ev.model.warn('not-modelled', `Line ${c.line}: "${r.name}" exports telemetry over OTLP; the bundle wires the collector endpoint (OTEL_EXPORTER_OTLP_ENDPOINT) for services with service defaults only, so check this one's telemetry reaches the collector.`, c.at, r.name, c.method);
  }
}

/**
 * `PublishAsDockerFile()`: in publish mode the app is built from the Dockerfile in its working
 * directory and runs as a container.
 */
export function publishAsDockerFile(ev: Evaluator, r: Resource, c: MethodCall): void {
  const context = r.workingDirectory ?? r.build?.context;
  if (r.kind !== 'executable' || context === undefined) {
    if (r.kind !== 'dockerfile') ev.model.warn('not-modelled', `Line ${c.line}: ${ev.model.construct('PublishAsDockerFile')} on "${r.name}" (${r.kind}) is not modelled: its build context is not known.`, c.at, r.name, c.method);
    return;
  }
  r.kind = 'dockerfile';
  r.sourceType = 'container.v1';
  r.build = { context, dockerfile: `${context}/Dockerfile` };
  // The image's own CMD runs: Aspire 13.6 writes none of the executable's arguments (oracle:
  // executable-dockerfile).
  r.args = [];
  delete r.command;
  delete r.workingDirectory;
}

/** Publishing to another target (Docker Compose, Azure) changes nothing in a Kubernetes bundle. */
export function otherTarget(ev: Evaluator, r: Resource, c: MethodCall): void {
  ev.model.info('other-target', `Line ${c.line}: ${ev.model.construct(c.method)} on "${r.name}" customises another deployment target; it does not change the Kubernetes bundle.`, c.at, r.name);
}
