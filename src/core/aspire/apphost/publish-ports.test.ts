import { describe, expect, it } from 'vitest';
import type { Endpoint, Resource } from '../../model/topology';
import { assignPublishPorts } from './publish-ports';
import { newResource } from './state';

const ep = (name: string, extra: Partial<Endpoint> = {}): Endpoint => ({
  name,
  scheme: 'http',
  protocol: 'tcp',
  transport: 'http',
  external: false,
  ...extra,
});
const res = (name: string, kind: Resource['kind'], endpoints: Endpoint[]): Resource => ({
  ...newResource(name, kind, ''),
  endpoints,
});

describe('assignPublishPorts (Aspire 13.6 manifest publisher)', () => {
  it('allocates project target ports from 8000, skipping ports written before, in declaration order', () => {
    const edge = res('edge', 'container', [
      ep('web', { targetPort: 8000 }),
      ep('raw', { port: 7000, scheme: 'tcp', transport: 'tcp' }),
    ]);
    const orders = res('orders', 'project', [
      ep('http'),
      ep('https', { scheme: 'https' }),
      ep('admin', { port: 9090 }),
    ]);
    const later = res('later', 'container', [ep('web', { targetPort: 8002 })]);
    const billing = res('billing', 'project', [ep('metrics', { port: 9292 })]);
    assignPublishPorts([edge, orders, later, billing]);
    expect(edge.endpoints[1]).toMatchObject({ targetPort: 7000 });
    expect(edge.endpoints[1]!.port).toBeUndefined();
    expect(orders.endpoints.map((e) => e.targetPort)).toEqual([undefined, undefined, 8001]);
    // 8002 was written (by "later") before billing's endpoint is reached.
    expect(billing.endpoints[0]!.targetPort).toBe(8003);
  });

  it('is idempotent', () => {
    const p = res('p', 'project', [ep('extra', { port: 1 })]);
    assignPublishPorts([p]);
    assignPublishPorts([p]);
    expect(p.endpoints[0]!.targetPort).toBe(8000);
  });
});
