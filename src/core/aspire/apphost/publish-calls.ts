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

/** `WithHttpProbe`'s parameters after the type, as Aspire declares them. */
export const HTTP_PROBE_PARAMS = [
  'probeType',
  'path',
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'failureThreshold',
  'successThreshold',
  'endpointName',
];
const PROBE_NUMBERS = [
  'initialDelaySeconds',
  'periodSeconds',
  'timeoutSeconds',
  'failureThreshold',
  'successThreshold',
] as const;

/**
 * `WithHttpProbe(ProbeType.Readiness, "/ready", periodSeconds: 5)`: the probe as declared, on the
 * resource's settings (`probes`); liveness and readiness paths also set `healthPaths`, which the
 * generator and the parity rules read.
 */
export function withHttpProbe(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const typeNode = args.get('probeType');
  const type = /Liveness$/i.test(typeNode?.text ?? '')
    ? 'liveness'
    : /Readiness$/i.test(typeNode?.text ?? '')
      ? 'readiness'
      : /Startup$/i.test(typeNode?.text ?? '')
        ? 'startup'
        : undefined;
  if (!type) {
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: the probe type ${typeNode?.text ?? '(none)'} of "${r.name}" is not one of Liveness, ` +
        `Readiness, Startup; not modelled.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const pathNode = args.get('path');
  const probe: HttpProbeSpec = { path: (pathNode ? ev.str(pathNode) : undefined) ?? '/' };
  const endpointNode = args.get('endpointName');
  const endpoint = endpointNode ? ev.str(endpointNode) : undefined;
  if (endpoint !== undefined) probe.endpoint = endpoint;
  for (const k of PROBE_NUMBERS) {
    const n = args.get(k);
    const v = n ? ev.int(n) : undefined;
    if (v !== undefined) probe[k] = v;
  }
  r.settings.probes = { ...(r.settings.probes ?? {}), [type]: probe };
  if (type !== 'startup') r.settings.healthPaths = { ...(r.settings.healthPaths ?? {}), [type]: probe.path };
}

/** Aspire leaves the resource out of the manifest: nothing is deployed for it. */
export function excludeFromManifest(ev: Evaluator, r: Resource, c: MethodCall): void {
  ev.model.excluded.add(r.name);
  ev.model.info(
    'excluded',
    `Line ${c.line}: "${r.name}" is excluded from the manifest (ExcludeFromManifest); it is not deployed.`,
    c.at,
    r.name,
  );
}

/**
 * The database is created with the user's script at startup. The bundle creates databases with
 * defaults, so the script's effect (schema, users, extensions) is not there: an unknown row.
 */
export function withCreationScript(ev: Evaluator, r: Resource, c: MethodCall): void {
  ev.model.warn(
    'not-modelled',
    `Line ${c.line}: "${r.name}" is created by a custom script (${ev.model.construct('WithCreationScript')}); the ` +
      `bundle does not run it, so whatever the script sets up must be applied another way.`,
    c.at,
    r.name,
    c.method,
  );
}

/** What Aspire 13.6's OTLP exporter writes in publish mode (the oracle's manifests show it on projects). */
const OTLP_ENV = [{ name: 'OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY', value: 'in_memory' }];

export function withOtlpExporter(ev: Evaluator, r: Resource, c: MethodCall): void {
  for (const e of OTLP_ENV) if (!r.env.some((x) => x.name === e.name)) ev.model.setEnv(r, e);
  if (r.kind !== 'project') {
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: "${r.name}" exports telemetry over OTLP; the bundle wires the collector endpoint ` +
        `(OTEL_EXPORTER_OTLP_ENDPOINT) for services with service defaults only, so check this one's telemetry ` +
        `reaches the collector.`,
      c.at,
      r.name,
      c.method,
    );
  }
}

/**
 * `PublishAsDockerFile()`: in publish mode the app is built from the Dockerfile in its working
 * directory and runs as a container.
 */
export function publishAsDockerFile(ev: Evaluator, r: Resource, c: MethodCall): void {
  const context = r.workingDirectory ?? r.build?.context;
  if (r.kind !== 'executable' || context === undefined) {
    if (r.kind !== 'dockerfile')
      ev.model.warn(
        'not-modelled',
        `Line ${c.line}: ${ev.model.construct('PublishAsDockerFile')} on "${r.name}" (${r.kind}) is not modelled: ` +
          `its build context is not known.`,
        c.at,
        r.name,
        c.method,
      );
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
  ev.model.info(
    'other-target',
    `Line ${c.line}: ${ev.model.construct(c.method)} on "${r.name}" customises another deployment target; it does ` +
      `not change the Kubernetes bundle.`,
    c.at,
    r.name,
  );
}

/** The source's build output is copied into this image (`PublishWithContainerFiles`, YARP's static files). */
export function withContainerFiles(ev: Evaluator, r: Resource, c: MethodCall): void {
  const source = c.args[0] ? ev.value(c.args[0].value) : undefined;
  const from = source?.t === 'resource' ? source.name : (c.args[0]?.value.text ?? '?');
  ev.model.warn(
    'not-modelled',
    `Line ${c.line}: "${r.name}" publishes the files of "${from}" inside its own image ` +
      `(${ev.model.construct(c.method)}); the bundle builds and deploys "${from}" on its own instead.`,
    c.at,
    from,
    c.method,
  );
}
