import { describe, expect, it } from 'vitest';
import { importManifest } from './import-manifest';
import { fixture, manifest, resource } from './test-helpers';

describe('importManifest: resource types', () => {
  it('reads project.v0 and keeps project.v1 deployment in raw', () => {
    const r = importManifest(
      manifest({
        api: {
          type: 'project.v1',
          path: '../Api/Api.csproj',
          args: ['--x'],
          env: { A: '1' },
          bindings: { http: { scheme: 'http', protocol: 'tcp', transport: 'http', external: true } },
          deployment: { type: 'azure.bicep.v0', path: 'api.bicep' },
        },
      }),
    );
    const api = resource(r.topology, 'api');
    expect(api).toMatchObject({
      kind: 'project',
      sourceType: 'project.v1',
      projectPath: '../Api/Api.csproj',
      args: ['--x'],
      env: [{ name: 'A', value: '1' }],
    });
    expect(api.endpoints).toEqual([
      { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', external: true },
    ]);
    expect(api.raw).toEqual({ deployment: { type: 'azure.bicep.v0', path: 'api.bicep' } });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads containers with volumes, bind mounts, entrypoint and engine', () => {
    const r = importManifest(
      manifest({
        pg: {
          type: 'container.v0',
          image: 'docker.io/library/postgres:17.6',
          entrypoint: '/bin/sh',
          connectionString: 'Host={pg.bindings.tcp.host}',
          volumes: [
            { name: 'app.apphost-1-pg-data', target: '/var/lib/postgresql/data', readOnly: false },
            { target: '/anon' },
          ],
          bindMounts: [{ source: '../init', target: '/docker-entrypoint-initdb.d', readOnly: true }],
          bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432 } },
        },
      }),
    );
    const pg = resource(r.topology, 'pg');
    expect(pg).toMatchObject({
      kind: 'container',
      engine: 'postgres',
      entrypoint: '/bin/sh',
      connectionString: 'Host={pg.bindings.tcp.host}',
    });
    expect(pg.volumes).toEqual([
      { name: 'app.apphost-1-pg-data', target: '/var/lib/postgresql/data', readOnly: false },
      { target: '/anon', readOnly: false },
    ]);
    expect(pg.bindMounts).toEqual([{ source: '../init', target: '/docker-entrypoint-initdb.d', readOnly: true }]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads container.v1 with build as a dockerfile resource, keeping build secrets in raw', () => {
    const r = importManifest(
      manifest({
        web: {
          type: 'container.v1',
          build: {
            context: '../web',
            dockerfile: '../web/Dockerfile',
            stage: 'final',
            args: { A: '{p.value}' },
            secrets: { S: { type: 'env', value: 'x' } },
          },
        },
        p: { type: 'parameter.v0', value: '{p.inputs.value}', inputs: { value: { type: 'string' } } },
      }),
    );
    const web = resource(r.topology, 'web');
    expect(web.kind).toBe('dockerfile');
    expect(web.build).toEqual({
      context: '../web',
      dockerfile: '../web/Dockerfile',
      stage: 'final',
      args: { A: '{p.value}' },
    });
    expect(web.raw).toEqual({ build: { secrets: { S: { type: 'env', value: 'x' } } } });
    expect(r.topology.references).toEqual([{ from: 'web', to: 'p', kind: 'parameter', waitFor: 'none' }]);
  });

  it('reads legacy dockerfile.v0 with buildArgs', () => {
    const r = importManifest(fixture('aspirate-upstream-history-dockerfile-with-build-args.json'));
    const d = r.topology.resources.find((x) => x.kind === 'dockerfile')!;
    expect(d.build?.context).toBeTruthy();
    expect(d.build?.dockerfile).toMatch(/Dockerfile$/);
    expect(Object.keys(d.build?.args ?? {}).length).toBeGreaterThan(0);
  });

  it('reads a container without image or build with a warning', () => {
    const r = importManifest(manifest({ c: { type: 'container.v0' } }));
    expect(resource(r.topology, 'c').kind).toBe('container');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', resource: 'c' });
  });

  it('reads executables and warns they have no Kubernetes equivalent', () => {
    const r = importManifest(fixture('edge-cases/executables.json'));
    const fe = resource(r.topology, 'frontend');
    expect(fe).toMatchObject({ kind: 'executable', command: 'npm', workingDirectory: '../frontend' });
    expect(fe.args).toContain('{frontend.bindings.http.targetPort}');
    expect(r.diagnostics.find((d) => d.code === 'no-kubernetes-equivalent')).toMatchObject({
      severity: 'warning',
      resource: 'frontend',
    });
  });

  it('reads parameters: secret, generated and constant defaults', () => {
    const r = importManifest(
      manifest({
        pw: {
          type: 'parameter.v0',
          value: '{pw.inputs.value}',
          inputs: { value: { type: 'string', secret: true, default: { generate: { minLength: 22, special: false } } } },
        },
        plain: {
          type: 'parameter.v0',
          value: '{plain.inputs.value}',
          inputs: { value: { type: 'string', default: { value: 'hello' } } },
        },
        bare: { type: 'parameter.v0', value: '{bare.inputs.value}', inputs: { value: { type: 'string' } } },
      }),
    );
    expect(resource(r.topology, 'pw')).toMatchObject({
      kind: 'parameter',
      parameter: { secret: true, default: { kind: 'generate', minLength: 22 } },
      raw: { generate: { minLength: 22, special: false } },
    });
    expect(resource(r.topology, 'plain').parameter).toEqual({
      secret: false,
      default: { kind: 'value', value: 'hello' },
    });
    expect(resource(r.topology, 'bare').parameter).toEqual({ secret: false });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads AddConnectionString parameters as connection-string resources', () => {
    const r = importManifest(
      manifest({
        ext: {
          type: 'parameter.v0',
          connectionString: '{ext.value}',
          value: '{ext.inputs.value}',
          inputs: { value: { type: 'string', secret: true } },
        },
      }),
    );
    expect(resource(r.topology, 'ext')).toMatchObject({
      kind: 'connection-string',
      connectionString: '{ext.value}',
      parameter: { secret: true },
    });
    expect(r.topology.references).toEqual([]);
  });

  it('reads annotated.string as a value with its filter in raw', () => {
    const r = importManifest(fixture('playground-mongo.json'));
    expect(resource(r.topology, 'mongo-password-uri-encoded')).toMatchObject({
      kind: 'value',
      sourceType: 'annotated.string',
      raw: { value: '{mongo-password.value}', filter: 'uri' },
    });
    expect(r.topology.references).toContainEqual({
      from: 'mongo-password-uri-encoded',
      to: 'mongo-password',
      kind: 'parameter',
      waitFor: 'none',
    });
  });

  it('reads azure, aws and dapr resources as cloud with a warning', () => {
    for (const [file, type] of [
      ['playground-bicep.json', 'azure.bicep.v0'],
      ['history-aws-cloudformation.json', 'aws.cloudformation.template.v0'],
      ['history-dapr-2025-01.json', 'dapr.v0'],
    ] as const) {
      const r = importManifest(fixture(file));
      const cloud = r.topology.resources.filter((x) => x.sourceType === type);
      expect(cloud.length, file).toBeGreaterThan(0);
      for (const c of cloud) {
        expect(c.kind).toBe('cloud');
        expect(c.raw).toMatchObject({ type });
        expect(
          r.diagnostics.some(
            (d) => d.resource === c.name && d.code === 'cloud-resource' && /outside the cluster/.test(d.message),
          ),
        ).toBe(true);
      }
    }
  });

  it('keeps unknown, legacy preview and error resources with warnings', () => {
    const r = importManifest(fixture('aspirate-upstream-head-with-unsupported-resource.json'));
    const u = r.topology.resources.find((x) => x.sourceType === 'with.cheese.and.ham.v0')!;
    expect(u.kind).toBe('unknown');
    expect(u.raw).toMatchObject({ type: 'with.cheese.and.ham.v0' });
    expect(r.diagnostics.find((d) => d.resource === u.name)).toMatchObject({
      severity: 'warning',
      code: 'unknown-type',
    });

    const legacy = importManifest(fixture('legacy-preview-eshoplite-2024-02.json'));
    const pg = legacy.topology.resources.find((x) => x.sourceType === 'postgres.server.v0')!;
    expect(pg.kind).toBe('unknown');
    expect(legacy.diagnostics.find((d) => d.resource === pg.name)!.message).toMatch(/preview/);

    const err = importManifest(fixture('playground-customresources.json'));
    expect(resource(err.topology, 'talking-clock-tick-hand')).toMatchObject({
      kind: 'unknown',
      raw: { error: 'This resource does not support generation in the manifest.' },
    });
    expect(err.diagnostics.find((d) => d.resource === 'talking-clock-tick-hand')!.message).toContain(
      'does not support generation',
    );
  });

  it('reads bindings: defaults, udp, http2, port ≠ targetPort, external', () => {
    const r = importManifest(fixture('edge-cases/ports-and-transports.json'));
    expect(resource(r.topology, 'cache').endpoints[0]).toEqual({
      name: 'tcp',
      scheme: 'redis',
      protocol: 'tcp',
      transport: 'tcp',
      port: 9999,
      targetPort: 6379,
      external: false,
    });
    expect(resource(r.topology, 'dns').endpoints[0]).toMatchObject({ protocol: 'udp', targetPort: 53 });
    expect(resource(r.topology, 'grpc-svc').endpoints.map((e) => e.transport)).toEqual(['http2', 'http2']);
    expect(resource(r.topology, 'web').endpoints[0]).toMatchObject({ port: 8081, targetPort: 5000, external: true });
    const d = importManifest(
      manifest({ c: { type: 'container.v0', image: 'x', bindings: { https: {}, grpc: { scheme: 'https' } } } }),
    );
    expect(resource(d.topology, 'c').endpoints).toEqual([
      { name: 'https', scheme: 'https', protocol: 'tcp', transport: 'http', external: false },
      { name: 'grpc', scheme: 'https', protocol: 'tcp', transport: 'http', external: false },
    ]);
  });

  it('reads bind mounts', () => {
    const r = importManifest(fixture('edge-cases/bind-mounts.json'));
    expect(resource(r.topology, 'keycloak').bindMounts).toEqual([
      { source: '../realms', target: '/opt/keycloak/data/import', readOnly: true },
      { source: './themes', target: '/opt/keycloak/themes', readOnly: false },
    ]);
  });
});
