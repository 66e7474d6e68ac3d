/**
 * YARP's code-based configuration (Aspire 13, Aspire.Hosting.Yarp):
 *
 *   builder.AddYarp("gateway").WithConfiguration(yarp => {
 *       var cluster = yarp.AddCluster(api);
 *       yarp.AddRoute("/api/{**catch-all}", cluster).WithTransformPathRemovePrefix("/api");
 *       yarp.AddRoute(frontend);                                  // catch-all
 *   });
 *
 * Aspire turns each route and cluster into `REVERSEPROXY__ROUTES__routeN__…` and
 * `REVERSEPROXY__CLUSTERS__cluster_<name>__…` environment variables on the YARP container
 * (YarpEnvConfigGenerator.cs), and each cluster built from a resource, an endpoint or an external
 * service also calls `WithReference` on the gateway (YarpConfigurationBuilder.cs): that is the
 * service discovery the bundle must keep. Routes and clusters are written the same way here;
 * route or cluster options this reader does not know are reported with their line.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import { isExternalService } from './external-service';
import { referTo } from './reference-calls';
import { routeOption } from './yarp-route-options';
import { lineOf, readCall, unwrap, type MethodCall } from './syntax';
import type { Evaluator, Value } from './values';

const PREFIX = 'REVERSEPROXY__';
const CATCH_ALL = '/{**catchall}';

interface Cluster {
  kind: 'cluster';
  id: string;
}
interface Route {
  kind: 'route';
  id: string;
  transforms: number;
}
type Item = Cluster | Route | undefined;

/** The destination address Aspire writes for a resource (YarpCluster.BuildEndpointTargets). */
export function resourceAddress(r: Resource): string {
  const https = r.endpoints.some((e) => e.name === 'https' && e.scheme === 'https');
  const http = r.endpoints.some((e) => e.name === 'http' && e.scheme === 'http');
  const scheme = https && http ? 'https+http' : https ? 'https' : 'http';
  return `${scheme}://${r.name}`;
}

class YarpConfig {
  private readonly locals = new Map<string, Item>();

  constructor(
    private readonly ev: Evaluator,
    private readonly gateway: Resource,
    private readonly call: MethodCall,
    private readonly param: string,
  ) {}

  private report(node: Node, what: string): void {
    this.ev.model.warn(
      'unsupported-call',
      `Line ${lineOf(node)}: ${what} in the YARP configuration of "${this.gateway.name}" is not modelled; ` +
        'the gateway may route differently from what the bundle shows.',
      node,
      this.gateway.name,
      'WithConfiguration',
    );
  }

  private set(name: string, value: string): void {
    this.ev.model.setEnv(this.gateway, { name, value });
  }

  private nextRouteId(): string {
    const ids = new Set(
      this.gateway.env.map((e) => /^REVERSEPROXY__ROUTES__([^_]+)__/.exec(e.name)?.[1]).filter((x) => x !== undefined),
    );
    return `route${ids.size}`;
  }

  /** `AddCluster(resource | endpoint | externalService)`: destinations, plus the reference Aspire adds. */
  private cluster(c: MethodCall, target: Value): Cluster | undefined {
    const res =
      target.t === 'resource' || target.t === 'endpoint'
        ? this.ev.model.resources.get(target.t === 'resource' ? target.name : target.resource)
        : undefined;
    if (!res) {
      this.report(
        c.node,
        `${c.method}(${c.args
          .map((a) => a.value.text)
          .join(', ')
          .slice(0, 60)})`,
      );
      return undefined;
    }
    const id = `cluster_${res.name}`;
    let address: string;
    if (target.t === 'endpoint') {
      const ep = res.endpoints.find((e) => e.name === target.endpoint);
      const scheme = ep?.scheme ?? 'http';
      address = target.endpoint === scheme ? `${scheme}://${res.name}` : `${scheme}://_${target.endpoint}.${res.name}`;
    } else if (isExternalService(res)) address = (res.raw as { url: string }).url;
    else address = resourceAddress(res);
    this.set(`${PREFIX}CLUSTERS__${id}__DESTINATIONS__destination1__ADDRESS`, address);
    referTo(this.ev, this.gateway, c, target);
    return { kind: 'cluster', id };
  }

  private route(path: string, cluster: Cluster): Route {
    const id = this.nextRouteId();
    this.set(`${PREFIX}ROUTES__${id}__MATCH__PATH`, path);
    this.set(`${PREFIX}ROUTES__${id}__CLUSTERID`, cluster.id);
    return { kind: 'route', id, transforms: 0 };
  }

  /** A cluster for a route's target: a cluster variable, or a resource/endpoint made into one. */
  private target(c: MethodCall, node: Node): Cluster | undefined {
    // Not a configuration item (`api`, `api.GetEndpoint("http")`): an App Host value, read as one.
    const item = this.item(node, false);
    if (item?.kind === 'cluster') return item;
    if (item?.kind === 'route') return undefined;
    return this.cluster(c, this.ev.value(node));
  }

  /** An expression of the configuration: a call on the builder, a route or a cluster, or a local. */
  item(node: Node, report = true): Item {
    const n = unwrap(node);
    if (n.type === 'identifier') return this.locals.get(n.text);
    const c = readCall(n);
    if (!c?.receiver) return undefined;
    const recv = unwrap(c.receiver);
    if (recv.type === 'identifier' && recv.text === this.param) return this.onBuilder(c);
    const on = this.item(recv, report);
    if (!on && !report) return undefined;
    if (on?.kind === 'route' && routeOption(this.ev, c, on, (n, v) => this.set(n, v))) return on;
    this.report(c.at, `.${c.method}(…)`);
    return on;
  }

  private onBuilder(c: MethodCall): Item {
    const args = c.args.map((a) => a.value);
    if (/^AddCluster(From(Resource|Endpoint|ExternalService))?$/.test(c.method) && args.length === 1)
      return this.cluster(c, this.ev.value(args[0]!));
    const catchAll = c.method === 'AddCatchAllRoute' || (c.method === 'AddRoute' && args.length === 1);
    if ((c.method === 'AddRoute' && args.length === 2) || (catchAll && args.length === 1)) {
      const path = catchAll ? CATCH_ALL : this.ev.str(args[0]!);
      const cluster = this.target(c, args.at(-1)!);
      if (path !== undefined && cluster) return this.route(path, cluster);
    }
    // Named clusters with raw destinations, string destinations (a hashed synthetic cluster), …
    this.report(
      c.at,
      `${c.method}(${args
        .map((a) => a.text)
        .join(', ')
        .slice(0, 60)})`,
    );
    return undefined;
  }

  run(lambda: Node): void {
    const body = lambda.childForFieldName('body');
    if (!body) return;
    if (body.type === 'block') this.statements(body.namedChildren);
    else this.item(body);
  }

  private statements(list: (Node | null)[]): void {
    for (const s of list) {
      if (!s || s.type === 'comment') continue;
      if (s.type === 'block') this.statements(s.namedChildren);
      else if (s.type === 'if_statement') this.ifStatement(s);
      else if (s.type === 'local_declaration_statement') {
        const decl = s.namedChildren.find((x) => x?.type === 'variable_declaration');
        for (const d of decl?.namedChildren ?? []) {
          if (d?.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name') ?? d.namedChildren.find((x) => x?.type === 'identifier');
          const value = d.namedChildren.at(-1);
          if (name && value && value !== name) this.locals.set(name.text, this.item(value));
        }
      } else {
        const e = s.type === 'expression_statement' ? s.namedChild(0) : null;
        if (e && (e.type === 'invocation_expression' || e.type === 'await_expression')) this.item(e);
        else this.report(s, `"${s.text.replace(/\s+/g, ' ').slice(0, 60)}"`);
      }
    }
  }

  /** `if (executionContext.IsRunMode) { … }`: publish mode decides, as everywhere else; otherwise reported. */
  private ifStatement(s: Node): void {
    const cond = s.childForFieldName('condition');
    const v = cond ? this.ev.value(cond) : undefined;
    if (v?.t !== 'bool') {
      this.report(s, `the condition "${(cond?.text ?? '').replace(/\s+/g, ' ').slice(0, 60)}"`);
      return;
    }
    const branch = s.childForFieldName(v.value ? 'consequence' : 'alternative');
    if (branch) this.statements([branch]);
  }
}

/** `yarp.WithConfiguration(c => { … })` on a YARP resource; false when it is not that shape. */
export function yarpConfiguration(ev: Evaluator, r: Resource, c: MethodCall): boolean {
  const lambda = c.args[0]?.value;
  if (r.engine !== 'yarp' || c.args.length !== 1 || lambda?.type !== 'lambda_expression') return false;
  // `c => …` (implicit_parameter), `(c) => …`, `(IYarpConfigurationBuilder c) => …`.
  const params = lambda.childForFieldName('parameters');
  const param =
    params?.type === 'implicit_parameter' || params?.type === 'identifier'
      ? params
      : params?.namedChildren.find((x) => x?.type === 'parameter')?.childForFieldName('name');
  if (!param) return false;
  new YarpConfig(ev, r, c, param.text).run(lambda);
  return true;
}
