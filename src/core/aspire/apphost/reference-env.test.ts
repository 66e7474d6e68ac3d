import { describe, expect, it } from 'vitest';
import { connectionStringEnv } from './reference-env';

describe('connectionStringEnv (Aspire 13.6, fixtures/oracle/connection-name and postgres)', () => {
  it('writes the portable alias beside a name with a dash', () => {
    expect(connectionStringEnv('my-db')).toEqual([
      { name: 'ConnectionStrings__my-db', value: '{my-db.connectionString}' },
      { name: 'ConnectionStrings__my_db', value: '{my-db.connectionString}' },
    ]);
  });

  it('writes one name when it is already portable, also under a connectionName', () => {
    expect(connectionStringEnv('session-cache', 'sessions')).toEqual([
      { name: 'ConnectionStrings__sessions', value: '{session-cache.connectionString}' },
    ]);
    expect(connectionStringEnv('catalog')).toHaveLength(1);
  });
});
