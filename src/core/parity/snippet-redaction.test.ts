import { describe, expect, it } from 'vitest';
import { redactSnippet } from './snippet-redaction';

const CS = 'Server=catalog-sql,1433;Database=catalog;User ID=sa;Password=Hunter2Secret!';

describe('redactSnippet', () => {
  it('masks a password in a connection string', () => {
    const out = redactSnippet(`stringData:\n  connection-string: "${CS}"\n`);
    expect(out).not.toContain('Hunter2Secret');
    expect(out).toContain('Server=catalog-sql,1433');
  });

  it('masks a base64 Secret value whose text holds a credential', () => {
    const out = redactSnippet(`data:\n  connection-string: ${btoa(CS)}\n`);
    expect(out).toBe('data:\n  connection-string: <redacted>\n');
  });

  it('keeps base64 that holds no credential, and ordinary YAML', () => {
    const plain = `data:\n  host: ${btoa('catalog-sql.shop.svc.cluster.local')}\nimage: registry/app:1.2.3\n`;
    expect(redactSnippet(plain)).toBe(plain);
  });
});
