/**
 * Which env values are secrets written out in plain text: the one rule the generator (which
 * moves them to a Secret), share links and saved designs (which replace them) follow.
 */
import { hasLiteralCredential, normalisedKey } from './connection-string';

/** Env names that hold a credential (`POSTGRES_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`…). */
export const SECRET_ENV_NAME =
  /(password|passwd|passphrase|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|bearer|credential|_pass$)/i;

/** Names that point at a credential rather than hold one: a file, a path, a key's name or id. */
const POINTS_AT_SECRET = /_(FILE|PATH|NAME|KEY_ID)$/i;

/**
 * A credential-named variable or key, read without hidden characters: the one name rule the
 * generator, the redactor and the parity table's plain-text-secret row share.
 */
export function isSecretName(name: string): boolean {
  // A `<secret:…>` placeholder in a name is a reference (redaction writes it), not a credential
  // name: counting its "secret" made redacting a redacted design change it again.
  const key = normalisedKey(name).replace(/<secret:[^>]*>/g, '');
  return SECRET_ENV_NAME.test(key) && !POINTS_AT_SECRET.test(key);
}

/**
 * A literal the input holds in plain text where a secret belongs: a credential-named variable
 * whose value is not spliced from a Secret (`$(VAR)`), or `Password=…`, `user:pass@`, an
 * `AccountKey=…`/`sig=…` pair anywhere in the value.
 */
export function isLiteralSecret(name: string, text: string): boolean {
  if (!text) return false;
  return (isSecretName(name) && !text.includes('$(')) || hasLiteralCredential(text);
}
