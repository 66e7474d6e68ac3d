import { describe, expect, it } from 'vitest';
import { importManifest } from '../../aspire/manifest';
import { generate } from '../generate';

function objectsOf(manifest: unknown): any[] {
  const { topology, diagnostics } = importManifest(JSON.stringify(manifest), { appName: 'app' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return generate(topology, {}).objects.map((o) => o.object);
}

describe('Service ports', () => {
  // WithHttpEndpoint(port: 8080, targetPort: 80, name: "web") on a project: the project's
  // default http endpoint also lands on 8080 unless it steps aside.
  const objs = objectsOf({
    resources: {
      api: {
        type: 'project.v0',
        path: '../Api/Api.csproj',
        bindings: {
          http: { scheme: 'http', protocol: 'tcp', transport: 'http' },
          web: { scheme: 'http', protocol: 'tcp', transport: 'http', port: 8080, targetPort: 80 },
        },
      },
      client: {
        type: 'container.v0',
        image: 'busybox',
        env: { WEB: '{api.bindings.web.url}', HTTP: '{api.bindings.http.url}' },
      },
    },
  });
  const service = objs.find((o) => o.kind === 'Service' && o.metadata.name === 'api');
  const client = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'client');
  const env = Object.fromEntries(client.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));

  it('keeps an explicit port and moves a defaulted one that would clash with it', () => {
    const ports = service.spec.ports.map((p: any) => `${p.name}:${p.port}`);
    expect(ports).toContain('web:8080');
    expect(ports.filter((p: string) => p.startsWith('http:'))).toHaveLength(1);
    expect(ports).not.toContain('http:8080');
  });

  it('points each discovery URL at the Service port of its own endpoint', () => {
    expect(env.WEB).toBe('http://api:8080');
    const httpPort = service.spec.ports.find((p: any) => p.name === 'http').port;
    expect(env.HTTP).toBe(`http://api:${httpPort}`);
  });
});
