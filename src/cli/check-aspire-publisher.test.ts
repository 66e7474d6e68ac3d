/**
 * `check` on Aspire's own Kubernetes publisher output for the App Host that produced it
 * (fixtures/parity/aspire-publisher: its Helm charts rendered, its test App Hosts). The
 * publisher names Services `<name>-service` and wires every reference through `services__`
 * config: that is a warning with the reason, never a fail. Every fail left is a real problem
 * when the bundle runs, named here with why.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli';

const DIR = 'fixtures/parity/aspire-publisher';
interface Row {
  id: string;
  rule: string;
  status: string;
  detail: string;
}
async function rows(name: string): Promise<Row[]> {
  const run = await runCli(['check', `${DIR}/${name}/AppHost.cs`, `${DIR}/${name}/rendered.yaml`, '--json']);
  expect(run.code).toBeLessThan(2);
  return (JSON.parse(run.stdout) as { rows: Row[] }).rows;
}
const TELEMETRY = (r: string, app: string) => [
  // The App Host exports telemetry from every project (Aspire adds the OTLP exporter); the
  // publisher drops it: no traces, no metrics, no logs in production.
  `otel-endpoint:${r}:`,
  `otel-service-name:${r}:`,
  `otel-instance-id:${r}:`,
  `telemetry-collector:${app}:collector`,
];

/** Each case: the fails that are real, and why. */
const REAL: Record<string, string[]> = {
  GeneratesValidHelmChart: [
    // WithVolume("logs") is a named volume that outlives the container; emptyDir dies with the pod.
    'storage:myapp:/logs',
    // Its Service routes to it as soon as the process starts.
    'kube-linter:no-readiness-probe:myapp:',
    // The chart's default image is project1:latest, which no registry holds: ImagePullBackOff.
    'kube-linter:latest-tag:project1:project1',
    ...TELEMETRY('project1', 'generatesvalidhelmchart'),
  ],
  KubernetesWithProjectResources: [
    // PROJECT1_HTTPS=https://project1-service:8080, a plain-http port: the TLS handshake fails.
    'discovery:api:project1',
    'probes-present:project1:',
    'probes-distinct:project1:',
    'kube-linter:no-readiness-probe:project1:',
    'kube-linter:latest-tag:project1:project1',
    ...TELEMETRY('project1', 'kuberneteswithprojectresources'),
  ],
  KubernetesMapsPortsForBaitAndSwitchResources: [
    'kube-linter:no-readiness-probe:api:',
    'kube-linter:latest-tag:api:api',
  ],
  HandlesSpecialResourceName: [
    // "SpeciaL-ApP:latest" has an upper-case repository: the kubelet refuses it (InvalidImageName).
    'kube-linter:latest-tag:SpeciaL-ApP:SpeciaL-ApP',
    ...TELEMETRY('SpeciaL-ApP', 'handlesspecialresourcename'),
  ],
};

describe("check on Aspire's own publisher output", () => {
  for (const [name, real] of Object.entries(REAL))
    it(`${name}: every fail is a real runtime problem`, async () => {
      const all = await rows(name);
      const fails = all.filter((r) => r.status === 'fail' && !r.rule.startsWith('kube-schema'));
      expect(fails.map((r) => r.id).sort()).toEqual([...real].sort());
      // No fail is about the -service names: they resolve through services__ config.
      expect(fails.filter((r) => r.rule === 'names' || r.rule === 'service-selector')).toEqual([]);
    });

  it('a Service nobody calls is a warning with the reason (gateway: no reference, no external endpoint)', async () => {
    const gateway = (await rows('KubernetesMapsPortsForBaitAndSwitchResources')).filter(
      (r) => r.id === 'service-selector:gateway:' || r.id === 'service-port:gateway:http',
    );
    expect(gateway.map((r) => r.status)).toEqual(['warn', 'warn']);
    expect(gateway[0]!.detail).toContain('No resource of the App Host references it');
  });

  it('a connection string the App Host composes (not read) is unknown in a ConfigMap, not a fail', async () => {
    const cs = (await rows('HandlesSpecialResourceName')).find((r) => r.id === 'connection-string:SpeciaL-ApP:api-cs2');
    expect(cs?.status).toBe('unknown');
  });

  it('the container name "SpeciaL-ApP" is refused by the API server (the one schema fail)', async () => {
    const schema = (await rows('HandlesSpecialResourceName')).filter(
      (r) => r.rule.startsWith('kube-schema') && r.status === 'fail',
    );
    expect(schema.map((r) => r.detail)).toEqual([expect.stringContaining('container name "SpeciaL-ApP"')]);
  });
});
