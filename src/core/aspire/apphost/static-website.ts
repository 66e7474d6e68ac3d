/**
 * `PublishAsStaticWebsite(apiPath, apiTarget)` on a JavaScript app (Aspire.Hosting.JavaScript,
 * JavaScriptHostingExtensions.cs): in publish mode the built site is served by a YARP image that
 * also reverse-proxies `apiPath` to `apiTarget`. The proxy is a real relationship: Aspire calls
 * `WithReference(apiTarget)` and writes the route as REVERSEPROXY__ variables, and both are kept
 * here. The image swap itself (YARP on port 5000 serving the build output) is not modelled, and
 * says so with its line.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import { referTo } from './reference-calls';
import type { MethodCall } from './syntax';
import type { Evaluator } from './values';
import { resourceAddress } from './yarp-configuration';

export const STATIC_WEBSITE_PARAMS = ['apiPath', 'apiTarget', 'options'];

export function publishAsStaticWebsite(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const pathNode = args.get('apiPath');
  const targetNode = args.get('apiTarget');
  const apiPath = pathNode ? ev.str(pathNode)?.replace(/\/+$/, '') : undefined;
  const target = targetNode ? ev.value(targetNode) : undefined;
  const api = target?.t === 'resource' ? ev.model.resources.get(target.name) : undefined;
  if (target && api && apiPath) {
    referTo(ev, r, c, target);
    ev.model.setEnv(r, { name: 'YARP_ENABLE_STATIC_FILES', value: 'true' });
    ev.model.setEnv(r, { name: 'REVERSEPROXY__ROUTES__api__CLUSTERID', value: 'api' });
    ev.model.setEnv(r, { name: 'REVERSEPROXY__ROUTES__api__MATCH__PATH', value: `${apiPath}/{**catch-all}` });
    ev.model.setEnv(r, {
      name: 'REVERSEPROXY__CLUSTERS__api__DESTINATIONS__destination1__ADDRESS',
      value: resourceAddress(api),
    });
  }
  ev.model.warn(
    'unsupported-call',
    `Line ${c.line}: ${ev.model.construct(c.method)} publishes "${r.name}" as a static website served by YARP ` +
      `(port 5000, the build output copied in)${api ? `, proxying ${apiPath} to "${api.name}"` : ''}; the image ` +
      'swap is not modelled, so the bundle runs the app as declared.',
    c.at,
    r.name,
    c.method,
  );
}
