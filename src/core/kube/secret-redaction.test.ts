import { describe, expect, it } from 'vitest';
import { importAny } from '../aspire/import-any';
import { redactTopology } from './secret-redaction';

describe('redaction', () => {
  // Fuzz case #4662: a credential pair in an env *name* is replaced by the placeholder, and the
  // placeholder's "secret" then made the parameter behind it a credential on a second pass.
  it('is idempotent when a name holds a credential pair', () => {
    const manifest = JSON.stringify({
      resources: {
        region: {
          type: 'parameter.v0',
          value: '{region.inputs.value}',
          inputs: { value: { type: 'string', default: { value: 'westeurope' } } },
        },
        api: { type: 'container.v0', image: 'api:1', env: { ';AccountKey=k3y==;REGION': '{region.value}' } },
      },
    });
    const once = redactTopology(importAny(manifest, 'aspire-manifest.json').topology!);
    expect(JSON.stringify(once.value)).not.toContain('k3y');
    expect(redactTopology(once.value).replaced).toEqual([]);
  });
});
