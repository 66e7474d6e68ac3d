/**
 * The target ports Aspire's manifest writer fills in (ResourceExtensions.ResolveEndpoints with the
 * ManifestPublishingContext's one PortAllocator, starting at 8000, shared by all resources in
 * declaration order):
 * - an explicit targetPort stays;
 * - a container endpoint with only a port listens on that port;
 * - a project's first endpoint of each http scheme gets none (the deployment tool picks it);
 * - anything else is allocated; an exposed port (explicit, or the target) is marked used.
 * App Host import applies this at the end, so its endpoints read as the manifest's do.
 */
import type { Resource, Topology } from '../topology';

const isHttp = (scheme: string) => scheme === 'http' || scheme === 'https';

export function allocatePublishPorts(t: Topology): Topology {
  const used = new Set<number>();
  let next = 8000;
  const allocate = () => {
    while (used.has(next)) next++;
    return next;
  };
  const resources = t.resources.map((r): Resource => {
    if (r.endpoints.length === 0 || !['project', 'container', 'dockerfile', 'executable'].includes(r.kind)) return r;
    const seen = new Set<string>();
    const endpoints = r.endpoints.map((e) => {
      let target = e.targetPort;
      if (target === undefined) {
        if ((r.kind === 'container' || r.kind === 'dockerfile') && e.port !== undefined) target = e.port;
        else if (r.kind === 'project' && isHttp(e.scheme) && !seen.has(e.scheme)) target = undefined;
        else target = allocate();
      }
      if (r.kind === 'project' && isHttp(e.scheme)) seen.add(e.scheme);
      const exposed = e.port ?? target ?? (isHttp(e.scheme) ? undefined : allocate());
      if (exposed !== undefined) used.add(exposed);
      const out = { ...e };
      if (target !== undefined) out.targetPort = target;
      if (exposed !== undefined && exposed !== target) out.port = exposed;
      else delete out.port;
      return out;
    });
    return { ...r, endpoints };
  });
  return { ...t, resources };
}
