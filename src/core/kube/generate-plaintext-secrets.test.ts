import { describe, expect, it } from 'vitest';
import { plainStream } from '../bundle/plain';
import { envOf, load } from '../../test-support/generate-fixture';
import { generate } from './generate';

describe('generate: secrets written as plain text in the input', () => {
  it('moves them to a placeholder Secret instead of copying them into the workload or the bundle', () => {
    const gen = generate(
      load({
        resources: {
          pg: {
            type: 'container.v0',
            image: 'postgres:16.4',
            env: {
              POSTGRES_PASSWORD: 'pass123',
              ConnectionStrings__db: 'Host=pg;Username=u;Password=pass123',
              PLAIN: 'hello',
            },
          },
        },
      }),
    );
    const text = plainStream(gen);
    expect(text).not.toContain('pass123');
    const env = envOf(gen.objects.find((o) => o.object.kind === 'Deployment')!.object);
    expect(env['POSTGRES_PASSWORD']).toEqual({ secretKeyRef: { name: 'pg-env', key: 'POSTGRES_PASSWORD' } });
    expect(env['ConnectionStrings__db']).toEqual({ secretKeyRef: { name: 'pg-env', key: 'ConnectionStrings__db' } });
    expect(env['PLAIN']).toBe('hello');
    expect(gen.diagnostics.filter((d) => d.code === 'literal-secret')).toHaveLength(2);
  });

  it('treats account keys, shared access keys and SAS signatures in a literal connection string as secrets', () => {
    const gen = generate(
      load({
        resources: {
          storage: {
            type: 'value.v0',
            connectionString:
              'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0S2V5;EndpointSuffix=core.windows.net',
          },
          bus: {
            type: 'value.v0',
            connectionString:
              'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=sasKey123=',
          },
          blob: {
            type: 'value.v0',
            connectionString: 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=sigValue%3D',
          },
          plain: {
            type: 'value.v0',
            connectionString: 'Endpoint=https://search.example.com;SharedAccessKeyName=reader',
          },
          'milvus-key': {
            type: 'parameter.v0',
            value: '{milvus-key.inputs.value}',
            inputs: { value: { type: 'string', secret: true } },
          },
          milvus: { type: 'value.v0', connectionString: 'Endpoint=http://milvus:19530;Key=root:{milvus-key.value}' },
          api: {
            type: 'container.v0',
            image: 'api:1.0',
            env: {
              ConnectionStrings__storage: '{storage.connectionString}',
              ConnectionStrings__bus: '{bus.connectionString}',
              BLOB: '{blob.connectionString}',
              ConnectionStrings__plain: '{plain.connectionString}',
              ConnectionStrings__milvus: '{milvus.connectionString}',
            },
          },
        },
      }),
    );
    const text = plainStream(gen);
    for (const secret of ['c2VjcmV0S2V5', 'sasKey123', 'sigValue']) expect(text).not.toContain(secret);
    const env = envOf(gen.objects.find((o) => o.object.kind === 'Deployment')!.object);
    expect(env['ConnectionStrings__storage']).toEqual({
      secretKeyRef: { name: 'api-env', key: 'ConnectionStrings__storage' },
    });
    expect(env['ConnectionStrings__bus']).toEqual({ secretKeyRef: { name: 'api-env', key: 'ConnectionStrings__bus' } });
    expect(env['BLOB']).toEqual({ secretKeyRef: { name: 'api-env', key: 'BLOB' } });
    // A key *name* is not a key: nothing secret here, so it stays readable.
    expect(env['ConnectionStrings__plain']).toBe('Endpoint=https://search.example.com;SharedAccessKeyName=reader');
    // A key spliced from its Secret is wired already, not a literal.
    expect(env['ConnectionStrings__milvus']).toBe('Endpoint=http://milvus:19530;Key=root:$(SECRET_MILVUS_KEY)');
  });
});
