/**
 * Init containers no WaitFor declares: the ones that can never finish fail, on the workload's
 * resource; an init container that waits on nothing (chown) or on a DNS name outside the
 * cluster is not judged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology';
import { checkParity } from '../engine';

const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
  .topology;
const good = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8');
const TRIP = `      containers:\n        - name: trip-api\n`;
const withInit = (name: string, command: string) =>
  good.replace(
    TRIP,
    `        - name: ${name}\n          image: busybox:1.36\n          command: ${command}\n` +
      `          resources:\n            requests: { cpu: 10m, memory: 16Mi }\n` +
      `            limits: { cpu: 50m, memory: 32Mi }\n${TRIP}`,
  );
const strayRows = (text: string) =>
  checkParity({ topology, files: [{ path: 'b.yaml', text }] }).rows.filter((r) => r.rule === 'init-wait-ends');

describe('init containers the design does not declare', () => {
  it('a poll of the listener-less worker fails, naming it', () => {
    const rows = strayRows(
      withInit('wait-w', '["sh", "-c", "until nc -z availability-worker 8080; do sleep 2; done"]'),
    );
    expect(rows.map((r) => [r.resource, r.status])).toEqual([['trip-api', 'fail']]);
    expect(rows[0]!.detail).toContain('availability-worker listens on no port');
  });
  it('a poll of a cluster-local name with no Service fails', () => {
    const rows = strayRows(
      withInit('wait-q', '["sh", "-c", "until nc -z queue.default.svc.cluster.local 5672; do :; done"]'),
    );
    expect(rows[0]?.detail).toContain('no Service named "queue"');
  });
  it('a kubectl wait for a Job the bundle does not hold fails', () => {
    const rows = strayRows(withInit('wait-j', '["kubectl", "wait", "--for=condition=complete", "job/seed"]'));
    expect(rows[0]?.detail).toContain('holds no workload named seed');
  });
  it('an init container that waits on nothing, or on a host outside the cluster, is not judged', () => {
    expect(strayRows(withInit('perms', '["sh", "-c", "chown 1000 /data && chmod 700 /data"]'))).toEqual([]);
    expect(strayRows(withInit('ext', '["sh", "-c", "until nc -z db.example.com 5432; do sleep 2; done"]'))).toEqual([]);
    expect(strayRows(good)).toEqual([]);
  });
});

describe('an undeclared wait on a Service that exists', () => {
  it('fails when the Service has no such port, passes silently when it answers', () => {
    const poll = (port: number) => `["sh", "-c", "until nc -z otel-collector ${port}; do sleep 2; done"]`;
    expect(strayRows(withInit('wait-otel', poll(4999)))[0]?.detail).toContain(
      'Service otel-collector has no port 4999 (it has 4317',
    );
    expect(strayRows(withInit('wait-otel', poll(4317)))).toEqual([]);
  });
});

describe('a second init container for a declared wait', () => {
  it('is judged: the WaitFor row reads the first, this one on a wrong port blocks the pod alone', () => {
    const poll = (port: number) => `["sh", "-c", "until nc -z catalog-sql ${port}; do sleep 2; done"]`;
    const rows = strayRows(withInit('wait-sql-again', poll(1533)));
    expect(rows.map((r) => r.id)).toEqual(['init-wait-ends:trip-api:trip-api/wait-sql-again']);
    expect(rows[0]!.detail).toContain('Service catalog-sql has no port 1533');
    expect(strayRows(withInit('wait-sql-again', poll(1433)))).toEqual([]);
  });
});
