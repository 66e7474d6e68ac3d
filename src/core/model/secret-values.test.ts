import { describe, expect, it } from 'vitest';
import { isLiteralSecret, isSecretName } from './secret-values';

describe('the one credential-name rule (generator, redactor and parity table)', () => {
  it('names that hold a credential, hidden characters or not', () => {
    for (const name of [
      'POSTGRES_PASSWORD',
      'SMTP_PASS',
      'GPG_PASSPHRASE',
      'Github_Token',
      'API_KEY',
      'apikey',
      'AUTH_BEARER',
      'SERVICE_CREDENTIAL',
      'POSTGRES_PA\u2029SSWORD',
      'CLIENT_SECRET',
    ])
      expect(isSecretName(name), name).toBe(true);
  });

  it('names that point at a credential, or only look alike, do not', () => {
    for (const name of [
      'POSTGRES_PASSWORD_FILE',
      'TLS_PRIVATE_KEY_PATH',
      'SECRET_NAME',
      'AWS_ACCESS_KEY_ID',
      'PASSENGER_API',
      'BYPASS_CACHE',
    ])
      expect(isSecretName(name), name).toBe(false);
    expect(isLiteralSecret('DB_PASSWORD', '$(DB_PASSWORD)')).toBe(false);
    // Redaction's own placeholder in a name (fuzz case #4662: a second redaction changed the design).
    expect(isSecretName(';AccountKey=<secret:redacted>;REGION')).toBe(false);
    expect(isLiteralSecret('UPSTREAM', 'https://u:p@h')).toBe(true);
  });
});
