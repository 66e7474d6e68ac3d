/**
 * A Fix snippet as a report prints it. A snippet regenerated from the user's own Secret (a
 * connection string with its host corrected) carries its password, as text under `stringData`
 * or base64 under `data`, and CI logs keep what a report prints. Applying a Fix uses the real
 * snippet; only what is printed is masked.
 */
import { hasLiteralCredential, redactCredentials } from '../model/connection-string';

const PLACEHOLDER = '<redacted>';
/** A base64 token long enough to hold `Password=…` (16+ characters, standard alphabet, padded). */
const BASE64_TOKEN = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g;

function decodedCredential(token: string): boolean {
  if (token.length % 4 !== 0) return false;
  let text: string;
  try {
    text = atob(token);
  } catch {
    return false;
  }
  return hasLiteralCredential(text);
}

export function redactSnippet(snippet: string): string {
  return redactCredentials(snippet, PLACEHOLDER).replace(BASE64_TOKEN, (t) => (decodedCredential(t) ? PLACEHOLDER : t));
}
