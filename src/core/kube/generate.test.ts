import { describe, expect, it } from 'vitest';
import { container, envOf, find, objectsOf, travel } from '../../test-support/generate-fixture';

describe('generate: the seed travel platform', () => {
  const objs = objectsOf(travel(), { namespace: 'travel', ingressHost: 'trips.example.com' });

  it('maps projects to Deployments with the designed replicas', () => {
    expect(find(objs, 'Deployment', 'trip-api').spec.replicas).toBe(3);
    expect(find(objs, 'Deployment', 'availability-worker').spec.replicas).toBe(1);
  });

  it(
    'maps the SQL Server with a data volume to a StatefulSet with a headless Service and claims, ' + 'never emptyDir',
    () => {
      const sts = find(objs, 'StatefulSet', 'catalog-sql');
      expect(sts.spec.serviceName).toBe('catalog-sql-headless');
      expect(find(objs, 'Service', 'catalog-sql-headless').spec.clusterIP).toBe('None');
      expect(sts.spec.volumeClaimTemplates).toHaveLength(1);
      const claim = sts.spec.volumeClaimTemplates[0].metadata.name;
      expect(container(sts).volumeMounts).toEqual([{ name: claim, mountPath: '/var/opt/mssql' }]);
      expect(JSON.stringify(objs)).not.toContain('emptyDir');
    },
  );

  it('names each Service after the Aspire resource, selecting its pods, ClusterIP inside', () => {
    const svc = find(objs, 'Service', 'trip-api');
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.selector).toEqual(find(objs, 'Deployment', 'trip-api').spec.selector.matchLabels);
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(container(find(objs, 'Deployment', 'trip-api')).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
    ]);
  });

  it('exposes only the external endpoint through one Ingress', () => {
    const ingresses = objs.filter((o) => o.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    const rule = (ingresses[0] as any).spec.rules[0];
    expect(rule.host).toBe('trips.example.com');
    expect(rule.http.paths[0].backend.service).toEqual({ name: 'trip-api', port: { name: 'http' } });
    expect(objs.filter((o) => o.kind === 'Service' && (o as any).spec.type === 'LoadBalancer')).toEqual([]);
  });

  it('injects the connection string under the exact .NET key without any secret value in the workload', () => {
    const env = envOf(find(objs, 'Deployment', 'availability-worker'));
    expect(env['ConnectionStrings__catalog']).toBe(
      'Server=catalog-sql,1433;User ' +
        'ID=sa;Password=$(SECRET_CATALOG_SQL_PASSWORD);TrustServerCertificate=true;Database=catalog',
    );
    expect(env['SECRET_CATALOG_SQL_PASSWORD']).toEqual({
      secretKeyRef: { name: 'catalog-sql-password', key: 'value' },
    });
    expect(envOf(find(objs, 'StatefulSet', 'catalog-sql'))['MSSQL_SA_PASSWORD']).toEqual({
      secretKeyRef: { name: 'catalog-sql-password', key: 'value' },
    });
  });

  it('resolves service discovery to the Service name and port', () => {
    const env = envOf(find(objs, 'Deployment', 'availability-worker'));
    expect(env['services__trip-api__http__0']).toBe('http://trip-api:8080');
    // TLS ends at the Ingress: the https endpoint is served as plain http, so no services__ entry
    // claims https (https+http://trip-api takes the http one; oracle/FINDINGS.md).
    expect(env).not.toHaveProperty('services__trip-api__https__0');
  });

  it('gives HTTP services different liveness and readiness probes plus a startup probe, and workers none', () => {
    const api = container(find(objs, 'Deployment', 'trip-api'));
    expect(api.livenessProbe.httpGet).toEqual({ path: '/alive', port: 'http', scheme: 'HTTP' });
    expect(api.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http', scheme: 'HTTP' });
    expect(api.startupProbe).toBeDefined();
    const worker = container(find(objs, 'Deployment', 'availability-worker'));
    expect(worker.livenessProbe).toBeUndefined();
    expect(worker.readinessProbe).toBeUndefined();
    expect(container(find(objs, 'StatefulSet', 'catalog-sql')).readinessProbe.tcpSocket).toEqual({ port: 'tcp' });
  });

  it('wires OpenTelemetry with a per-pod instance id', () => {
    const env = envOf(find(objs, 'Deployment', 'trip-api'));
    expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4317');
    expect(env['OTEL_SERVICE_NAME']).toBe('trip-api');
    expect(env['OTEL_RESOURCE_ATTRIBUTES']).toContain('service.instance.id=$(POD_UID)');
    expect(env['POD_UID']).toEqual({ fieldRef: { fieldPath: 'metadata.uid' } });
  });

  it('turns WaitFor into init containers waiting on the dependency Service (a database waits on its server)', () => {
    const api = find(objs, 'Deployment', 'trip-api').spec.template.spec.initContainers;
    expect(api.map((c: any) => c.name)).toEqual(['wait-for-catalog-sql']);
    expect(api[0].command.join(' ')).toContain('nc -z -w 2 catalog-sql 1433');
    const worker = find(objs, 'Deployment', 'availability-worker').spec.template.spec.initContainers.map(
      (c: any) => c.name,
    );
    expect(worker.sort()).toEqual(['wait-for-catalog-sql', 'wait-for-trip-api']);
  });

  it('sets recommended labels, namespace, a pinned image and resource requests', () => {
    const d = find(objs, 'Deployment', 'trip-api');
    expect(d.metadata.namespace).toBe('travel');
    expect(d.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'trip-api',
      'app.kubernetes.io/part-of': 'travel-platform',
      'app.kubernetes.io/managed-by': 'aspire-parity',
    });
    expect(container(d).image).toBe('registry.example.com/trip-api:1.0.0');
    expect(container(d).resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(container(d).securityContext.allowPrivilegeEscalation).toBe(false);
    expect(find(objs, 'Namespace', 'travel')).toBeDefined();
  });

  it('emits one placeholder Secret per parameter, never a real password', () => {
    const secrets = objs.filter((o) => o.kind === 'Secret') as any[];
    expect(secrets.map((s) => s.metadata.name)).toEqual(['catalog-sql-password']);
    expect(secrets[0].stringData).toEqual({ value: 'REPLACE_ME' });
  });
});
