/**
 * Which env values are secrets written out in plain text: the one rule the generator (which
 * moves them to a Secret), share links and saved designs (which replace them) follow.
 */
import { hasLiteralCredential, normalisedKey } from './connection-string';

/** Env names that hold a credential (`POSTGRES_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`…). */
export const SECRET_ENV_NAME = /(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|_pass$)/i;

/** A credential-named variable or key, read without hidden characters. */
export function isSecretName(name: string): boolean {
  return SECRET_ENV_NAME.test(normalisedKey(name));
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
