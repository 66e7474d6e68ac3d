/**
 * `builder.AddOrleans("cluster").WithClustering(redis)…` and `silo.WithReference(orleans)`: the
 * Orleans description is not a resource, so it lives beside the model (one per App Host import)
 * until a reference writes it into a silo or client, through the integration table's
 * ../../model/integrations/orleans.ts.
 */
import type { Node } from 'web-tree-sitter';
import {
  DEFAULT_BROADCAST_CHANNEL,
  DEVELOPMENT_CLUSTERING,
  MEMORY,
  idParameters,
  newOrleansService,
  orleansReference,
  providerFor,
  type OrleansProvider,
  type OrleansService,
} from '../../model/integrations/orleans';
import type { Resource } from '../../model/topology';
import { bindArguments, type MethodCall } from './syntax';
import type { AppModel } from './state';
import { REPORTED, type Evaluator, type Value } from './values';
import { nameArg } from './builder-arguments';

type OrleansValue = Extract<Value, { t: 'orleans' }>;

interface OrleansState {
  services: Map<string, OrleansService>;
  /** WithOrleansProviderType on a resource: its provider type instead of the .NET type's. */
  providerTypes: Map<string, string>;
}
const STATE = new WeakMap<AppModel, OrleansState>();

function state(model: AppModel): OrleansState {
  let s = STATE.get(model);
  if (!s) STATE.set(model, (s = { services: new Map(), providerTypes: new Map() }));
  return s;
}

/** `builder.AddOrleans(name)`. */
export function addOrleans(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name']);
  if (!a) return REPORTED;
  state(ev.model).services.set(a.name, newOrleansService(a.name));
  return { t: 'orleans', service: a.name, client: false };
}

/** `resource.WithOrleansProviderType("Redis")`. */
export function withOrleansProviderType(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('providerType');
  const type = n ? ev.str(n) : undefined;
  if (type === undefined || type.trim() === '') {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithOrleansProviderType needs a constant provider type; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  state(ev.model).providerTypes.set(r.name, type);
}

/** A provider argument: a resource with a connection string. */
function provider(ev: Evaluator, c: MethodCall, node: Node | undefined, service: string): OrleansProvider | undefined {
  const v = node ? ev.value(node) : undefined;
  const target = v?.t === 'resource' ? ev.model.resources.get(v.name) : undefined;
  if (!target) {
    if (v?.t !== 'unknown' || !v.reported)
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: ${ev.model.construct(c.method)} on Orleans "${service}" ` +
          'needs a resource declared in this file; ignored.',
        c.at,
        undefined,
        c.method,
      );
    return undefined;
  }
  const placeholder = target.kind === 'unknown';
  if (target.connectionString === undefined && !placeholder) {
    // IResourceWithConnectionString in C#: anything else does not compile.
    ev.model.warn(
      'unsupported-reference',
      `Line ${c.line}: "${target.name}" has no connection string, so it cannot be an Orleans provider; ignored.`,
      c.at,
      target.name,
      c.method,
    );
    return undefined;
  }
  const construct = placeholder ? ev.model.unmodelled.find((u) => u.resource === target.name)?.construct : undefined;
  const override = state(ev.model).providerTypes.get(target.name);
  const p = providerFor(target, (n) => ev.model.resources.get(n), override, construct);
  if (p.type === undefined)
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: the Orleans provider type of "${target.name}" is not known here (Aspire uses the ` +
        '.NET type name of the resource); Orleans__…__ProviderType is not written: add ' +
        `WithOrleansProviderType("…") to "${target.name}".`,
      c.at,
      target.name,
      c.method,
    );
  return p;
}

/** `(provider)` names the provider after its resource; `(name, provider)` names it. */
function named(ev: Evaluator, c: MethodCall, service: string): { name: string; provider: OrleansProvider } | undefined {
  const positional = c.args.filter((a) => a.name === undefined).length;
  const hasName = c.args.some((a) => a.name === 'name') || positional >= 2;
  const args = bindArguments(c.args, hasName ? ['name', 'provider'] : ['provider']);
  const p = provider(ev, c, args.get('provider'), service);
  if (!p) return undefined;
  const nameNode = args.get('name');
  const name = hasName ? (nameNode ? ev.str(nameNode) : undefined) : p.resource;
  if (name === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a constant provider name; ignored.`,
      c.at,
      undefined,
      c.method,
    );
    return undefined;
  }
  return { name, provider: p };
}

/** A constant name argument (`WithMemoryGrainStorage("Default")`). */
function constantName(ev: Evaluator, c: MethodCall): string | undefined {
  const n = bindArguments(c.args, ['name']).get('name');
  const name = n ? ev.str(n) : undefined;
  if (name === undefined)
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a constant name; ignored.`,
      c.at,
      undefined,
      c.method,
    );
  return name;
}

/** `WithClusterId("x")` or `WithClusterId(parameter)`: the template the reference writes. */
function idValue(ev: Evaluator, c: MethodCall): string | undefined {
  const n = c.args[0]?.value;
  const v = n ? ev.value(n) : undefined;
  if (v?.t === 'string') return v.value;
  if (v?.t === 'resource' && ev.model.resources.get(v.name)?.kind === 'parameter') return `{${v.name}.value}`;
  ev.model.warn(
    'unresolved-argument',
    `Line ${c.line}: ${ev.model.construct(c.method)} needs a constant string or a parameter; ` +
      'the generated one is kept.',
    c.at,
    undefined,
    c.method,
  );
  return undefined;
}

/** A call on the value `AddOrleans` or `AsClient` returned. */
export function orleansCall(ev: Evaluator, v: OrleansValue, c: MethodCall): Value {
  const s = state(ev.model).services.get(v.service);
  if (!s) return REPORTED;
  const unknown = () => {
    ev.model.warn(
      'unknown-call',
      `Line ${c.line}: .${ev.model.construct(c.method)}(…) on Orleans "${s.name}" is not understood; ignored.`,
      c.at,
      undefined,
      c.method,
    );
    return v;
  };
  if (v.client) return unknown();
  switch (c.method) {
    case 'AsClient':
      return { ...v, client: true };
    case 'WithClusterId':
    case 'WithServiceId': {
      const id = idValue(ev, c);
      if (id !== undefined) s[c.method === 'WithClusterId' ? 'clusterId' : 'serviceId'] = id;
      return v;
    }
    case 'WithClustering': {
      const p = provider(ev, c, bindArguments(c.args, ['provider']).get('provider'), s.name);
      if (p) s.clustering = p;
      return v;
    }
    case 'WithDevelopmentClustering':
      s.clustering = DEVELOPMENT_CLUSTERING;
      return v;
    case 'WithReminders': {
      const p = provider(ev, c, bindArguments(c.args, ['provider']).get('provider'), s.name);
      if (p) s.reminders = p;
      return v;
    }
    case 'WithMemoryReminders':
      s.reminders = MEMORY;
      return v;
    case 'WithGrainStorage':
    case 'WithStreaming':
    case 'WithGrainDirectory': {
      const p = named(ev, c, s.name);
      const map =
        c.method === 'WithGrainStorage'
          ? s.grainStorage
          : c.method === 'WithStreaming'
            ? s.streaming
            : s.grainDirectory;
      if (p) map.set(p.name, p.provider);
      return v;
    }
    case 'WithMemoryGrainStorage':
    case 'WithMemoryStreaming':
    case 'WithBroadcastChannel': {
      const name = constantName(ev, c);
      const map =
        c.method === 'WithMemoryGrainStorage'
          ? s.grainStorage
          : c.method === 'WithMemoryStreaming'
            ? s.streaming
            : s.broadcastChannel;
      if (name !== undefined) map.set(name, c.method === 'WithBroadcastChannel' ? DEFAULT_BROADCAST_CHANNEL : MEMORY);
      return v;
    }
    default:
      return unknown();
  }
}

/** `consumer.WithReference(orleans)` (a silo) or `WithReference(orleans.AsClient())`. */
export function referenceOrleans(ev: Evaluator, r: Resource, c: MethodCall, v: OrleansValue): void {
  const s = state(ev.model).services.get(v.service);
  if (!s) return;
  if (!s.clustering) {
    // Aspire throws "Clustering has not been configured for this service." here.
    ev.model.warn(
      'invalid-call',
      `Line ${c.line}: Orleans "${s.name}" has no clustering (WithClustering or WithDevelopmentClustering); ` +
        `Aspire refuses this reference, so "${r.name}" gets no Orleans settings.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  for (const p of idParameters(s)) if (!ev.model.resources.has(p.name)) ev.model.add(p, c.at, 'AddOrleans');
  const byName = (n: string) => ev.model.resources.get(n);
  const ref = orleansReference(s, r.name, !v.client, byName);
  for (const e of ref.endpoints) if (!r.endpoints.some((x) => x.name === e.name)) r.endpoints.push(e);
  for (const e of ref.env) ev.model.setEnv(r, e);
  for (const p of ref.providers) ev.model.reference(r.name, p, 'connection-string');
  for (const e of ref.env) ev.model.referencesFromTemplate(r.name, e.value);
}
