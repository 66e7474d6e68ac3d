import { describe, expect, it } from 'vitest';
import { importAny } from '../aspire/import-any';

const manifest = (name: string) =>
  JSON.stringify({
    resources: { [name]: { type: 'container.v0', image: 'redis:7.4' }, api: { type: 'value.v0', value: 'x' } },
  });

describe('a URL or connection string given as a resource name', () => {
  for (const name of ['postgres://u:Hunter2@h:5432/db', ';AccountKey=Hunter2==;orders', 'cache password=Hunter2']) {
    it(`is refused without echoing it: ${name.replace(/Hunter2/, '…')}`, () => {
      const { diagnostics } = importAny(manifest(name), 'aspire-manifest.json');
      const errors = diagnostics.filter((d) => d.code === 'value-as-name');
      expect(errors).toHaveLength(1);
      expect(JSON.stringify(errors)).not.toContain('Hunter2');
    });
  }
  it('leaves names other tools write alone (dots, underscores)', () => {
    const { diagnostics } = importAny(manifest('My_Api.Service'), 'aspire-manifest.json');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
