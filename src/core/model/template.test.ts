import { describe, expect, it } from 'vitest';
import { parseExpressionBody, parseTemplate } from './template';

describe('parseExpressionBody', () => {
  it('reads a binding, a connection string and an output', () => {
    expect(parseExpressionBody('api.bindings.http.url')).toEqual({
      resource: 'api',
      path: { kind: 'binding', endpoint: 'http', property: 'url' },
    });
    expect(parseExpressionBody('db.connectionString')).toEqual({ resource: 'db', path: { kind: 'connectionString' } });
    expect(parseExpressionBody('kv.outputs.vaultUri')).toEqual({
      resource: 'kv',
      path: { kind: 'output', name: 'vaultUri', secret: false },
    });
  });

  it('reads a resource name with dots (other tools write them) up to the property path', () => {
    expect(parseExpressionBody('My_Api.Service.bindings.http.url')).toEqual({
      resource: 'My_Api.Service',
      path: { kind: 'binding', endpoint: 'http', property: 'url' },
    });
    expect(parseExpressionBody('a.b.outputs.x')).toEqual({
      resource: 'a.b',
      path: { kind: 'output', name: 'x', secret: false },
    });
  });

  it('is not an expression without a known property path', () => {
    expect(parseExpressionBody('api')).toBeUndefined();
    expect(parseExpressionBody('api.something')).toBeUndefined();
    expect(parseExpressionBody('.value')).toBeUndefined();
  });
});

describe('parseTemplate', () => {
  it('splits literal text and expressions, keeping an unknown resource as a dangling expression', () => {
    const parts = parseTemplate(
      'http://{My_Api.Service.bindings.http.host}:{nope.bindings.http.port}/x',
      (n) => n === 'My_Api.Service',
    );
    expect(parts.map((p) => (typeof p === 'string' ? p : `<${p.resource}>`))).toEqual([
      'http://',
      '<My_Api.Service>',
      ':',
      '<nope>',
      '/x',
    ]);
  });

  it('leaves an unknown resource literal when dangling expressions are not wanted', () => {
    expect(parseTemplate('{nope.value}', () => false, false)).toEqual(['{nope.value}']);
  });
});
