import { describe, expect, it } from 'vitest';
import { applyFix } from './apply-fix';

const FILE = `# trip-api: AddProject("trip-api")
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trip-api
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: trip-api
          image: registry.example.com/trip-api:1.0.0
          env:
            - name: A
              value: "1"
---
apiVersion: v1
kind: Service
metadata:
  name: trip-api
spec:
  ports:
    - port: 80
`;

describe('applyFix', () => {
  it('appends env entries to the container list in the evidence document only', () => {
    const r = applyFix(
      FILE,
      {
        text: 'add',
        snippet:
          '- name: ConnectionStrings__catalog\n  valueFrom:\n    secretKeyRef:\n      name: catalog-connection\n    ' +
          '  key: connection-string\n',
        target: { file: 'f', path: ['spec', 'template', 'spec', 'containers', 0, 'env'] },
      },
      11,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.startLine).toBe(1);
    expect(r.endLine).toBe(16);
    expect(r.fileText).toContain('# trip-api: AddProject("trip-api")');
    expect(r.fileText).toContain('- name: ConnectionStrings__catalog');
    expect(r.fileText.split('---')[1]).toBe(FILE.split('---')[1]);
  });

  it('sets a scalar in the document holding the evidence line (not the Service)', () => {
    const r = applyFix(
      FILE,
      { text: 'replicas', snippet: '3\n', target: { file: 'f', path: ['spec', 'replicas'] } },
      7,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.fileText).toContain('replicas: 3');
    expect(r.fileText).not.toContain('replicas: 1');
  });

  it('merges a probe into the container map', () => {
    const r = applyFix(FILE, {
      text: 'probe',
      snippet: 'readinessProbe:\n  httpGet:\n    path: /health\n    port: http\n',
      target: { file: 'f', path: ['spec', 'template', 'spec', 'containers', 0] },
    });
    if ('error' in r) throw new Error(r.error);
    expect(r.fileText).toMatch(/readinessProbe:\n\s+httpGet:\n\s+path: \/health/);
  });

  it('replaces an env entry with the same name instead of duplicating it', () => {
    const r = applyFix(FILE, {
      text: 'a',
      snippet: '- name: A\n  value: "2"\n',
      target: { file: 'f', path: ['spec', 'template', 'spec', 'containers', 0, 'env'] },
    });
    if ('error' in r) throw new Error(r.error);
    expect(r.fileText.match(/name: A/g)).toHaveLength(1);
    expect(r.fileText).toContain('value: "2"');
  });

  it('leaves one entry of a duplicated name: the fix replaces every entry of that name', () => {
    const dup = FILE.replace(
      'value: "1"\n',
      'value: "1"\n            - name: B\n              value: b\n            - name: A\n              value: "9"\n',
    );
    const r = applyFix(dup, {
      text: 'once',
      snippet: '- name: A\n  value: "1"\n',
      target: { file: 'f', path: ['spec', 'template', 'spec', 'containers', 0, 'env'] },
    });
    if ('error' in r) throw new Error(r.error);
    expect(r.fileText.match(/name: [AB]/g)).toEqual(['name: A', 'name: B']);
    expect(r.fileText).not.toContain('"9"');
  });

  it('removes a key set to null (merge patch) and replaces a node whole when the target says so', () => {
    const container = ['spec', 'template', 'spec', 'containers', 0];
    const gone = applyFix(FILE, { text: 'rm', snippet: 'env: null\n', target: { file: 'f', path: container } });
    if ('error' in gone) throw new Error(gone.error);
    expect(gone.fileText.split('---')[0]).not.toContain('env:');
    expect(gone.fileText).toContain('image: registry.example.com/trip-api:1.0.0');
    const env = [...container, 'env'];
    const whole = applyFix(FILE, {
      text: 'gen',
      snippet: '- name: Z\n  value: z\n',
      target: { file: 'f', path: env, replace: true },
    });
    if ('error' in whole) throw new Error(whole.error);
    expect(whole.fileText).toContain('name: Z');
    expect(whole.fileText).not.toContain('name: A');
    const none = applyFix(FILE, { text: 'none', snippet: 'null\n', target: { file: 'f', path: env, replace: true } });
    if ('error' in none) throw new Error(none.error);
    expect(none.fileText.split('---')[0]).not.toContain('env:');
  });

  it('explains instead of guessing when there is no snippet or the file is broken', () => {
    expect(applyFix(FILE, { text: 'do it by hand' })).toHaveProperty('error');
    expect(applyFix('a: [', { text: 'x', snippet: 'b: 1', target: { file: 'f', path: ['spec', 'x'] } })).toHaveProperty(
      'error',
    );
  });
});
