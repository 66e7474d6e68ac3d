/**
 * Seeded random App-Host-shaped topologies for property tests: projects (some workers, some
 * with extra endpoints, replicas, health paths), integration servers with databases, plain
 * containers, Dockerfiles, parameters and connection strings, and references between them
 * (cycles included) with every kind and wait mode App Host code can say. Built with the same
 * catalogue the importer uses, so a generated topology is one some Program.cs describes.
 */
import type { Endpoint, Reference, Resource, Topology } from '../../model/topology';
import {
  APPHOST_INTEGRATIONS as INTEGRATIONS,
  GENERATED_PASSWORD_LENGTH,
  passwordParameterName,
  projectEndpoints,
  projectEnv,
} from '../../model/integrations/apphost-view';
import {
  connectionStringEnv,
  ensureUriEncodedParameters,
  serviceDiscoveryEnv,
} from '../../model/integrations/references';
import { expressionsIn } from '../../model/template';
import { kindOfExpressionTemplate, RANK } from './reference-env';
import { newResource } from './state';

/** mulberry32: a tiny deterministic PRNG, so a failing seed can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'api',
  'web',
  'catalog',
  'basket',
  'orders',
  'identity',
  'worker',
  'gateway',
  'cache',
  'db',
  'bus',
  'search',
  'mail',
  'Billing',
  'trip',
  'seq',
];

export function randomTopology(seed: number): Topology {
  const r = seededRandom(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => r() < p;
  const resources: Resource[] = [];
  const references: Reference[] = [];
  const taken = new Set<string>();
  const name = () => {
    for (;;) {
      const n = `${pick(WORDS)}${chance(0.5) ? `-${pick(WORDS)}` : ''}${chance(0.3) ? int(9) + 1 : ''}`;
      if (!taken.has(n) && !taken.has(passwordParameterName(n)) && !n.endsWith('-password')) {
        taken.add(n);
        taken.add(passwordParameterName(n));
        return n;
      }
    }
  };
  const count = 2 + int(9);
  for (let k = 0; k < count; k++) {
    const roll = r();
    if (roll < 0.35) {
      const n = name();
      const p = newResource(n, 'project', 'project.v0');
      const worker = chance(0.2);
      p.projectPath = `../${n.replace(/-/g, '_')}/${n.replace(/-/g, '_')}.csproj`;
      p.endpoints = worker ? [] : projectEndpoints();
      p.env = projectEnv(n, worker);
      if (chance(0.3))
        p.endpoints.push({
          name: `admin${k}`,
          scheme: 'http',
          protocol: 'tcp',
          transport: 'http',
          targetPort: 9000 + k,
          external: false,
          ...(chance(0.5) ? { port: 19000 + k } : {}),
        });
      if (chance(0.4)) for (const e of p.endpoints) if (e.scheme === 'http' || e.scheme === 'https') e.external = true;
      if (chance(0.5)) p.settings.replicas = 1 + int(5);
      if (chance(0.5)) p.settings.healthPaths = { readiness: pick(['/health', '/ready', '/']) };
      if (chance(0.2)) p.settings.healthPaths = { ...(p.settings.healthPaths ?? {}), liveness: '/alive' };
      resources.push(p);
    } else if (roll < 0.6) {
      const i = pick(INTEGRATIONS);
      const n = name();
      const c = newResource(n, 'container', 'container.v0');
      let pw: string | undefined;
      if (i.password) {
        pw = passwordParameterName(n, i);
        const p = newResource(pw, 'parameter', 'parameter.v0');
        p.parameter = { secret: true, default: { kind: 'generate', minLength: GENERATED_PASSWORD_LENGTH } };
        resources.push(p);
        references.push({ from: n, to: pw, kind: 'parameter', waitFor: 'none' });
      }
      c.engine = i.engine;
      c.image = `${i.repository}:${chance(0.3) ? 'custom-tag' : i.tag}`;
      c.endpoints = i.endpoints(n);
      c.env = i.env(n, pw);
      if (i.entrypoint) c.entrypoint = i.entrypoint;
      if (i.spec.health) c.settings.healthPaths = { readiness: i.spec.health.path, endpoint: i.spec.health.endpoint };
      const data = chance(0.5);
      if (data) c.volumes.push({ name: chance(0.5) ? `${n}-data` : `${n}-vol`, target: i.dataPath, readOnly: false });
      if (i.args) c.args = i.args(n, data);
      if (data) c.env = i.env(n, pw, true);
      c.connectionString = i.connectionString(n, pw);
      if (chance(0.2)) c.settings.databaseMode = 'external';
      resources.push(c);
      if (i.database) {
        for (let d = int(3); d > 0; d--) {
          const dn = name();
          const db = newResource(dn, 'database', 'value.v0');
          db.parent = n;
          db.databaseName = chance(0.3) ? `${dn}db` : dn;
          db.connectionString = i.database(n, db.databaseName, pw);
          resources.push(db);
        }
      }
    } else if (roll < 0.72) {
      const n = name();
      const c = newResource(n, 'container', 'container.v0');
      c.image = `example.io/${n.toLowerCase()}:${1 + int(3)}.0`;
      const ep: Endpoint = {
        name: pick(['http', 'tcp', 'ui']),
        scheme: 'http',
        protocol: 'tcp',
        transport: 'http',
        targetPort: 8000 + int(1000),
        external: chance(0.3),
      };
      if (ep.name === 'tcp') Object.assign(ep, { scheme: 'tcp', transport: 'tcp' });
      c.endpoints = [ep];
      if (chance(0.5)) c.volumes.push({ name: `${n}-store`, target: '/store', readOnly: chance(0.3) });
      if (chance(0.3)) c.bindMounts.push({ source: `./${n}`, target: '/config', readOnly: chance(0.5) });
      if (chance(0.3)) c.args = ['--verbose'];
      resources.push(c);
    } else if (roll < 0.8) {
      const n = name();
      const c = newResource(n, 'dockerfile', 'container.v1');
      c.build = { context: `../${n}`, dockerfile: `../${n}/${chance(0.5) ? 'Dockerfile' : 'Dockerfile.prod'}` };
      c.endpoints = [
        { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 3000, external: chance(0.5) },
      ];
      if (chance(0.4)) c.settings.replicas = 2;
      resources.push(c);
    } else if (roll < 0.92) {
      const p = newResource(name(), 'parameter', 'parameter.v0');
      p.parameter = chance(0.5) ? { secret: true } : { secret: false, default: { kind: 'value', value: 'x y "z"' } };
      resources.push(p);
    } else {
      const n = name();
      const cs = newResource(n, 'connection-string', 'parameter.v0');
      cs.connectionString = `{${n}.value}`;
      cs.parameter = { secret: true };
      resources.push(cs);
    }
  }
  // References: consumers are projects, Dockerfiles and plain containers.
  const consumers = resources.filter(
    (x) =>
      x.kind === 'project' || x.kind === 'dockerfile' || (x.kind === 'container' && x.connectionString === undefined),
  );
  for (const from of consumers) {
    for (const to of resources) {
      if (to === from || to.name.endsWith('-password') || !chance(0.25)) continue;
      const kind: Reference['kind'] =
        to.kind === 'parameter'
          ? 'parameter'
          : to.connectionString !== undefined
            ? 'connection-string'
            : to.endpoints.length > 0
              ? 'service-discovery'
              : 'wait-only';
      const wait = kind === 'parameter' ? 'none' : pick(['none', 'running', 'completion'] as const);
      if (kind === 'wait-only' && wait === 'none') continue;
      references.push({ from: from.name, to: to.name, kind, waitFor: wait });
    }
  }
  // The environment WithReference writes (Aspire 13 connection properties included), and the
  // `-uri-encoded` parameters those strings point at: what import of the exported code gives.
  const byName = (n: string) => resources.find((x) => x.name === n);
  for (const ref of references) {
    const from = byName(ref.from)!;
    const to = byName(ref.to)!;
    if (ref.kind === 'connection-string') from.env.push(...connectionStringEnv(to, byName));
    else if (ref.kind === 'service-discovery') from.env.push(...serviceDiscoveryEnv(to));
  }
  // The references those strings imply (a database's properties name its server and password).
  for (const r of resources) {
    for (const e of r.env) {
      for (const target of new Set(expressionsIn(e.value).map((x) => x.resource))) {
        const kind = target !== r.name && byName(target) ? kindOfExpressionTemplate(e.value, target) : undefined;
        const existing = references.find((x) => x.from === r.name && x.to === target);
        if (kind && !existing) references.push({ from: r.name, to: target, kind, waitFor: 'none' });
        else if (kind && existing && RANK[kind] > RANK[existing.kind]) existing.kind = kind;
      }
    }
  }
  return ensureUriEncodedParameters({ name: `random-${seed}`, resources, references });
}
