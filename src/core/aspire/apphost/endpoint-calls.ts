/**
 * Endpoint calls on a resource: WithHttpEndpoint, WithHttpsEndpoint, WithEndpoint (arguments or
 * a callback that sets Port/TargetPort/IsExternal/UriScheme/Transport), and the rule that an
 * endpoint with the same name is merged (and reported: Aspire would refuse it).
 */
import { aspNetCorePortsEnv } from '../../model/integrations/palette';
import type { Node } from 'web-tree-sitter';
import type { Endpoint, Resource, Transport } from '../../model/topology';
import { bindArguments, lineOf, type MethodCall } from './syntax';
import type { Handler } from './handler';
import type { Evaluator } from './values';

export const isHttpScheme = (s: string) => s === 'http' || s === 'https';

/** Add (or, when the name exists, update) an endpoint. */
function putEndpoint(ev: Evaluator, r: Resource, c: MethodCall, e: Endpoint, envName: string | undefined): void {
  if (e.port !== undefined && e.port === e.targetPort) delete e.port; // the manifest writes port only when it differs
  const existing = r.endpoints.find((x) => x.name === e.name);
  if (existing) {
    ev.model.warn(
      'duplicate-endpoint',
      `Line ${c.line}: "${r.name}" already has an endpoint named "${e.name}" (Aspire would refuse this); the two ` +
        `are merged.`,
      c.at,
      r.name,
      c.method,
    );
    Object.assign(existing, { ...e, external: existing.external || e.external });
  } else {
    r.endpoints.push(e);
  }
  if (envName) ev.model.setEnv(r, { name: envName, value: `{${r.name}.bindings.${e.name}.targetPort}` });
  // Aspire 13.6 lists every HTTP endpoint's target port in HTTP_PORTS (and HTTPS_PORTS likewise).
  if (r.kind === 'project' && !envName) for (const p of aspNetCorePortsEnv(r)) ev.model.setEnv(r, p);
}

export function httpEndpoint(scheme: 'http' | 'https'): Handler {
  return (ev, r, c, args) => {
    const get = (k: string) => {
      const n = args.get(k);
      return n ? ev.int(n) : undefined;
    };
    const nameNode = args.get('name');
    const envNode = args.get('env');
    const name = (nameNode ? ev.str(nameNode) : undefined) ?? scheme;
    const e: Endpoint = { name, scheme, protocol: 'tcp', transport: 'http', external: false };
    const port = get('port');
    const targetPort = get('targetPort');
    if (port !== undefined) e.port = port;
    if (targetPort !== undefined) e.targetPort = targetPort;
    putEndpoint(ev, r, c, e, envNode ? ev.str(envNode) : undefined);
  };
}

/** `WithEndpoint("name", e => { e.Port = 1; e.IsExternal = true; })`: change an endpoint in place. */
function endpointCallback(ev: Evaluator, r: Resource, c: MethodCall, name: string, lambda: Node): void {
  let e = r.endpoints.find((x) => x.name === name);
  if (!e) {
    e = { name, scheme: 'tcp', protocol: 'tcp', transport: 'tcp', external: false };
    r.endpoints.push(e);
  }
  const body = lambda.childForFieldName('body');
  const assignments = !body
    ? []
    : body.type === 'block'
      ? body.namedChildren.map((s) => s?.namedChild(0) ?? null)
      : [body];
  for (const a of assignments) {
    if (a?.type !== 'assignment_expression') {
      if (a && a.type !== 'comment')
        ev.model.warn(
          'unsupported-call',
          `Line ${lineOf(a)}: "${a.text}" inside WithEndpoint is not understood; ignored.`,
          lineOf(a),
          r.name,
          'WithEndpoint',
        );
      continue;
    }
    const prop = a.childForFieldName('left')?.childForFieldName('name')?.text;
    const right = a.childForFieldName('right');
    if (!right) continue;
    switch (prop) {
      case 'Port':
      case 'TargetPort': {
        const v = ev.int(right);
        if (v === undefined) break;
        if (prop === 'Port') e.port = v;
        else e.targetPort = v;
        continue;
      }
      case 'IsExternal':
        e.external = ev.bool(right) === true;
        continue;
      case 'UriScheme': {
        const v = ev.str(right);
        if (v !== undefined) e.scheme = v;
        continue;
      }
      case 'Transport': {
        const v = ev.str(right);
        if (v === 'http' || v === 'http2' || v === 'tcp') e.transport = v;
        continue;
      }
    }
    ev.model.warn(
      'unsupported-call',
      `Line ${lineOf(a)}: "${a.text}" inside WithEndpoint is not understood; ignored.`,
      lineOf(a),
      r.name,
      'WithEndpoint',
    );
  }
  if (e.port !== undefined && e.port === e.targetPort) delete e.port;
}

export function withEndpoint(ev: Evaluator, r: Resource, c: MethodCall): void {
  const first = c.args[0];
  const second = c.args[1];
  if (first && !first.name && second?.value.type === 'lambda_expression') {
    const name = ev.str(first.value);
    if (name !== undefined) endpointCallback(ev, r, c, name, second.value);
    else
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: the endpoint name is not a constant string; ignored.`,
        c.at,
        r.name,
        c.method,
      );
    return;
  }
  const args = bindArguments(c.args, [
    'port',
    'targetPort',
    'scheme',
    'name',
    'env',
    'isProxied',
    'isExternal',
    'protocol',
  ]);
  const int = (k: string) => {
    const n = args.get(k);
    return n ? ev.int(n) : undefined;
  };
  const str = (k: string) => {
    const n = args.get(k);
    return n ? ev.str(n) : undefined;
  };
  const scheme = str('scheme') ?? 'tcp';
  const name = str('name') ?? scheme;
  const transport: Transport = isHttpScheme(scheme) ? 'http' : 'tcp';
  const protocolNode = args.get('protocol');
  const e: Endpoint = {
    name,
    scheme,
    protocol: protocolNode && /Udp$/.test(protocolNode.text) ? 'udp' : 'tcp',
    transport,
    external: (() => {
      const n = args.get('isExternal');
      return n ? ev.bool(n) === true : false;
    })(),
  };
  const port = int('port');
  const targetPort = int('targetPort');
  if (port !== undefined) e.port = port;
  if (targetPort !== undefined) e.targetPort = targetPort;
  putEndpoint(ev, r, c, e, str('env'));
}
