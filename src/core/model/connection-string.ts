/**
 * Connection strings and URLs read in linear time. A regular expression with a quantified
 * scheme, user or value in front of a lookahead retries from every start position, and one
 * 200 KB env value took 34 s to check; these scanners visit each character a bounded number of
 * times, so a megabyte costs milliseconds. They are the one place that knows where a
 * credential sits in such text: the generator (which moves it to a Secret), the parity rules
 * (which flag it) and share links (which replace it) all ask here.
 */

/** One `key=value` pair of a `;`-separated connection string or a URL query. */
export interface ConnectionPair {
  key: string;
  value: string;
  /** Offsets of the value (trimmed) in the scanned text. */
  valueStart: number;
  valueEnd: number;
}

const PAIR_SEPARATORS = new Set([';', ',', '&', '?', '\n', '\r']);

/** Unicode spaces and line separators, NEL, and invisible format characters (ZWSP, bidi marks). */
const BLANK = /[\s\u0085\p{Cf}]/u;

function isSpace(c: string): boolean {
  return BLANK.test(c);
}

const KEY_CHAR = /[A-Za-z0-9_.\-\u0085\p{Cf}\p{Cc}]/u;
const HIDDEN = /[\s\u0085\p{Cf}\p{Cc}]/gu;

/**
 * A key or name as it reads: without spaces, control and invisible format characters, which a
 * hostile input puts inside `Pass\u200Bword` or `POSTGRES_PA\u2029SSWORD` to slip past a match.
 */
export function normalisedKey(key: string): string {
  return key.replace(HIDDEN, '');
}

/**
 * The `key=value` pairs of a text, split at `;` `,` `&` `?` and line breaks; the key is the last
 * word before the first `=` of a segment (so `--db Password=x` has the key `Password`), the
 * value runs to the next separator. One pass; each segment is read once.
 */
export function connectionPairs(text: string): ConnectionPair[] {
  const pairs: ConnectionPair[] = [];
  let segStart = 0;
  // The next `=` at or after segStart, found again only once segStart has passed it: a search
  // per segment would rescan a long `=`-free tail once per separator.
  let eq = -2;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !PAIR_SEPARATORS.has(text[i]!)) continue;
    if (eq !== -1 && eq < segStart) eq = text.indexOf('=', segStart);
    if (eq !== -1 && eq < i) {
      let keyEnd = eq;
      while (keyEnd > segStart && isSpace(text[keyEnd - 1]!)) keyEnd--;
      // The key is the identifier right before `=` (after `"`, `(` or a space in code or prose).
      let keyStart = keyEnd;
      while (keyStart > segStart && KEY_CHAR.test(text[keyStart - 1]!)) keyStart--;
      let vs = eq + 1;
      while (vs < i && isSpace(text[vs]!)) vs++;
      let ve = i;
      while (ve > vs && isSpace(text[ve - 1]!)) ve--;
      const key = normalisedKey(text.slice(keyStart, keyEnd));
      if (key) pairs.push({ key, value: text.slice(vs, ve), valueStart: vs, valueEnd: ve });
    }
    segStart = i + 1;
  }
  return pairs;
}

/** `scheme://user:password@` user info of a URL, with the password's offsets. */
export interface UrlCredentials {
  user: string;
  password: string;
  passwordStart: number;
  passwordEnd: number;
}

function isSchemeChar(c: string): boolean {
  return /[A-Za-z0-9+.-]/.test(c);
}

/** URL parsers (WHATWG, and so browsers and Node) delete tabs and line breaks anywhere in a URL. */
const URL_IGNORED = new Set(['\t', '\n', '\r']);

/** Where a URL's authority ends: a path, query or fragment, or a space (the end of the URL in prose). */
function endsAuthority(c: string): boolean {
  return c === '/' || c === '?' || c === '#' || c === '\\' || (!URL_IGNORED.has(c) && isSpace(c));
}

/** Before `//`: a scheme (`https://`), or nothing URL-like, which makes it scheme-relative. */
function startsAuthority(text: string, slashes: number): boolean {
  if (slashes === 0) return true;
  const before = text[slashes - 1]!;
  if (before === ':') return slashes > 1 && isSchemeChar(text[slashes - 2]!);
  return /[\s"'`=(,;<>[{]/.test(before);
}

/**
 * Every `scheme://user:password@` in a text, and scheme-relative `//user:password@` (a browser
 * resolves it against the page's scheme; a mutation put spaces between `https:` and `//`), read
 * as a URL parser reads it: the authority runs to the next `/ ? # \\` or space, its last `@`
 * ends the user info and the first `:` in that starts the password (so `redis://:pw@h` has
 * one, and `u:p@ss@h` has `p@ss`); tabs and line breaks inside do not end it, since parsers
 * delete them. No scan crosses the next `//` (it holds a `/`): linear in the text.
 */
export function urlCredentials(text: string): UrlCredentials[] {
  const out: UrlCredentials[] = [];
  let at = text.indexOf('//');
  while (at !== -1) {
    const next = text.indexOf('//', at + 2);
    if (startsAuthority(text, at)) {
      const start = at + 2;
      let colon = -1;
      let lastAt = -1;
      let i = start;
      for (; i < text.length && !endsAuthority(text[i]!); i++) {
        if (text[i] === '@') lastAt = i;
        else if (text[i] === ':' && colon === -1) colon = i;
      }
      if (lastAt !== -1 && colon !== -1 && colon < lastAt && colon + 1 < lastAt)
        out.push({
          user: text.slice(start, colon),
          password: text.slice(colon + 1, lastAt),
          passwordStart: colon + 1,
          passwordEnd: lastAt,
        });
    }
    at = next;
  }
  return out;
}

/**
 * A value that is a reference, not the secret itself: Kubernetes `$(VAR)`, our `<secret:…>`
 * placeholder, and with `templates` an Aspire `{resource.path}` expression (in a topology it
 * names a parameter; in rendered YAML it is text nobody resolved, so a literal).
 */
export function isReferenceValue(value: string, templates = false): boolean {
  return (
    value.startsWith('$(') || value.includes('<secret:') || (templates && value.startsWith('{') && value.endsWith('}'))
  );
}

const PASSWORD_KEYS = new Set(['password', 'pwd']);

/** Keys that name a credential: `AccountKey`, `SharedAccessKey`, `ClientSecret`, `sig` (not `SharedAccessKeyName`). */
function isCredentialKey(key: string): boolean {
  const k = key.toLowerCase();
  if (PASSWORD_KEYS.has(k)) return true;
  if (!/^[a-z0-9_.-]+$/.test(k)) return false;
  return (
    k.endsWith('key') || k.endsWith('secret') || k.endsWith('token') || k.endsWith('signature') || k.endsWith('sig')
  );
}

/** A span of text that holds a credential written out in plain text. */
export interface CredentialSpan {
  start: number;
  end: number;
}

/**
 * Where a text writes a credential out: `Password=`/`pwd=` values, credential pairs
 * (`AccountKey=`, `sig=`…) when `pairs` is on, and URL passwords. References (`$(VAR)`,
 * `<secret:…>`, `{param.value}`) are not credentials.
 */
export function credentialSpans(text: string, opts: { pairs?: boolean; templates?: boolean } = {}): CredentialSpan[] {
  const spans: CredentialSpan[] = [];
  if (text.includes('=')) {
    for (const p of connectionPairs(text)) {
      if (!p.value || isReferenceValue(p.value, opts.templates) || p.value.includes('$(')) continue;
      const password = PASSWORD_KEYS.has(p.key.toLowerCase());
      if (password || (opts.pairs && isCredentialKey(p.key))) spans.push({ start: p.valueStart, end: p.valueEnd });
    }
  }
  if (text.includes('//')) {
    for (const u of urlCredentials(text))
      if (!isReferenceValue(u.password, opts.templates)) spans.push({ start: u.passwordStart, end: u.passwordEnd });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A literal password in a connection string or URL (`Password=…`, `pwd=…`, `user:pass@`). */
export function hasLiteralPassword(text: string): boolean {
  return credentialSpans(text).length > 0;
}

/** Any literal credential: passwords plus key/secret/token/signature pairs. */
export function hasLiteralCredential(text: string): boolean {
  return credentialSpans(text, { pairs: true }).length > 0;
}

/** A topology template with every literal credential replaced by `placeholder` (expressions are kept). */
export function redactCredentials(text: string, placeholder: string): string {
  const spans = credentialSpans(text, { pairs: true, templates: true });
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + placeholder;
    at = s.end;
  }
  return out + text.slice(at);
}
