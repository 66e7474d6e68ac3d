/**
 * `AddExternalService("name", "https://host/")` or `AddExternalService("name", urlParameter)`:
 * a service outside the app, known by its URL. Aspire 13.6 writes no manifest resource for it;
 * each `WithReference(service)` writes `NAME` = the URL and `services__name__<key>__0` = the URL,
 * where the key is the URL's scheme, or `default` when the URL is a parameter (measured:
 * fixtures/oracle/external-service). So it is read, kept out of the topology like an excluded
 * resource, and lives on in the consumers' environment.
 */
import type { EnvVar, Resource } from '../../model/topology';
import { newResource } from './state';
import type { MethodCall } from './syntax';
import { bindArguments } from './syntax';
import type { Evaluator, Value } from './values';

const SOURCE_TYPE = 'apphost.external-service';

export function addExternalService(ev: Evaluator, c: MethodCall, reported: Value): Value {
  const args = bindArguments(c.args, ['name', 'url']);
  const nameNode = args.get('name');
  const urlNode = args.get('url');
  const name = nameNode ? ev.str(nameNode) : undefined;
  const url = urlNode ? ev.template(urlNode) : undefined;
  if (name === undefined || url === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: ${c.method} needs a constant name and a URL (a string or a parameter); skipped.`,
      c.at,
      name,
      c.method,
    );
    return reported;
  }
  const r = newResource(name, 'value', SOURCE_TYPE);
  r.raw = { url };
  const added = ev.model.add(r, c.at, c.method).name;
  ev.model.excluded.add(added);
  return { t: 'resource', name: added };
}

export const isExternalService = (r: Resource): boolean => r.sourceType === SOURCE_TYPE;

/** The environment `WithReference(service)` writes into a consumer. */
export function externalServiceEnv(r: Resource): EnvVar[] {
  const url = (r.raw as { url: string }).url;
  const scheme = /^\{/.test(url)
    ? 'default'
    : (/^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase() ?? 'default');
  return [
    { name: r.name.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), value: url },
    { name: `services__${r.name}__${scheme}__0`, value: url },
  ];
}
