import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  connectionPairs,
  credentialSpans,
  hasLiteralCredential,
  hasLiteralPassword,
  redactCredentials,
  urlCredentials,
} from './connection-string';

const MB = 1 << 20;

describe('connection strings', () => {
  it('finds passwords, credential pairs and URL passwords, not references', () => {
    expect(hasLiteralPassword('Host=db;Username=app;Password=s3cret')).toBe(true);
    expect(hasLiteralPassword('Host=db; pwd = s3cret ;')).toBe(true);
    expect(hasLiteralPassword('Host=db;Password=$(SECRET_PG)')).toBe(false);
    expect(hasLiteralPassword('Host=db;Password={pg-password.value}')).toBe(true); // rendered text: nobody resolved it
    expect(redactCredentials('Host=db;Password={pg-password.value}', '<s>')).toBe(
      'Host=db;Password={pg-password.value}',
    );
    expect(hasLiteralPassword('Host=db;Password=<secret:pg>')).toBe(false);
    expect(hasLiteralPassword('Host=db;Password=')).toBe(false);
    expect(hasLiteralPassword('postgres://app:hunter2@db:5432/x')).toBe(true);
    expect(hasLiteralPassword('postgres://app:$(PW)@db:5432/x')).toBe(false);
    expect(hasLiteralPassword('http://host:8080/path@foo')).toBe(false);
    expect(hasLiteralCredential('Endpoint=sb://x/;SharedAccessKeyName=Root;SharedAccessKey=abc=')).toBe(true);
    expect(hasLiteralCredential('Endpoint=sb://x/;SharedAccessKeyName=Root')).toBe(false);
    expect(hasLiteralCredential('https://x.blob/c?sv=1&sig=abcd')).toBe(true);
  });

  it('reads pairs with their offsets', () => {
    const text = 'a=1; Password = p w ;c';
    const pw = connectionPairs(text).find((p) => p.key === 'Password')!;
    expect(text.slice(pw.valueStart, pw.valueEnd)).toBe('p w');
  });

  // As a URL parser reads them (the fuzz run found the tab: a password the share link kept).
  it('reads URL user info as parsers do: empty user, @ in the password, tabs and line breaks inside', () => {
    const pw = (text: string) => urlCredentials(text).map((u) => u.password);
    expect(pw('redis://:x@h')).toEqual(['x']); // Redis's password-only form
    expect(pw('https://svc:se\tcret@h/x')).toEqual(['se\tcret']);
    expect(pw('https://svc:se\ncret\r@h')).toEqual(['se\ncret\r']);
    expect(pw('https://u:p@ss@h/x@y')).toEqual(['p@ss']);
    expect(pw('https://u@h:8080/x')).toEqual([]);
    expect(pw('https://h:8080/p?q=a:b@c#d:e@f')).toEqual([]);
    expect(pw('see https://h:1 and mail u@x')).toEqual([]);
    expect(pw('"https:    //svc:pw@h/x"')).toEqual(['pw']); // scheme-relative: //user:pw@host
    expect(pw('//svc:pw@h')).toEqual(['pw']);
    expect(pw('a//b:c@d')).toEqual([]);
    expect(redactCredentials('x=https://svc:CANARY\t@upstream/x', '<s>')).toBe('x=https://svc:<s>@upstream/x');
  });

  it('redacts every credential and keeps the rest', () => {
    expect(redactCredentials('Host=db;Password=s3cret;x=postgres://u:pw@h', '<secret>')).toBe(
      'Host=db;Password=<secret>;x=postgres://u:<secret>@h',
    );
  });

  // Without the linear scanners one 200 KB value took 34 s; each case here is 1 MB.
  it('scans 1 MB adversarial values in linear time (property)', () => {
    const unit = fc.constantFrom(
      'a',
      ';',
      '=',
      ':',
      '/',
      '@',
      ' ',
      'password',
      '://',
      'x:',
      '{',
      '$(',
      ',',
      '&',
      'pwd=',
      'a://b:',
      '\t',
      '@',
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), (pattern) => {
        const piece = pattern.join('');
        const text = piece.repeat(Math.ceil(MB / piece.length)).slice(0, MB);
        const t0 = performance.now();
        credentialSpans(text, { pairs: true });
        redactCredentials(text, '<s>');
        expect(performance.now() - t0).toBeLessThan(1500);
      }),
      { numRuns: 12, seed: 15 },
    );
  });

  it('handles the shapes that made the old expressions backtrack', () => {
    for (const text of [
      'a'.repeat(MB),
      ';'.repeat(MB) + '=',
      'a://b:'.repeat(MB / 6),
      'x://'.repeat(MB / 4),
      ' '.repeat(MB) + 'password',
    ]) {
      const t0 = performance.now();
      hasLiteralCredential(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    }
  });
});
