/**
 * The one sanitiser for text we write from input: YAML comments and scalars, README, Helm
 * templates and NOTES.txt, App Host code, JSON reports and the terminal.
 *
 * Why: kubectl's YAML parser (go-yaml) ends a line at NEL (U+0085), LS (U+2028) and PS (U+2029)
 * as well as at LF and CR, so a resource name carrying one inside a `# comment` turned the rest
 * of the "comment" into YAML objects; ESC sequences in a name cleared the terminal; bidi
 * overrides make text read differently from what it is. Every such character is written as the
 * escape `\uXXXX`, which is valid inside YAML double-quoted scalars, JSON strings and C# string
 * literals, and reads as plain text in comments, Markdown and terminals.
 */

/**
 * C0 controls, DEL, C1 controls (with NEL), the ALM/LRM/RLM marks, LS and PS, bidi
 * embeddings/overrides (U+202A–202E) and isolates (U+2066–2069), the BOM, and lone surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Characters a YAML parser, kubectl included, takes as the end of a line. */
export const YAML_LINE_BREAKS = ['\n', '\r', '\u0085', '\u2028', '\u2029'] as const;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when the text holds a character none of our outputs may carry (line breaks included). */
export function hasUnsafeChar(text: string, keep = ''): boolean {
  if (!keep) return UNSAFE.test(text);
  UNSAFE_ALL.lastIndex = 0;
  for (let m = UNSAFE_ALL.exec(text); m; m = UNSAFE_ALL.exec(text)) if (!keep.includes(m[0])) return true;
  return false;
}

/** Escape every unsafe character except those in `keep` as `\uXXXX`. */
export function escapeUnsafe(text: string, keep = ''): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => (keep.includes(c) ? c : escapeChar(c)));
}

/** The text without any unsafe character (for a name we must derive, like an application name). */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE_ALL, '');
}

/** One line of output: nothing that ends the line, moves the cursor or reorders text. Tabs stay. */
export function safeLine(text: string): string {
  return escapeUnsafe(text, '\t');
}

/** Multi-line output (a README, NOTES.txt, a comment block): LF and tabs stay, the rest is escaped. */
export function safeText(text: string): string {
  return escapeUnsafe(text, '\n\t');
}

const NAMES: Record<string, string> = {
  '\n': 'a line feed',
  '\r': 'a carriage return',
  '\t': 'a tab',
  '\u001b': 'an escape (ESC)',
  '\u0085': 'a next-line (NEL, U+0085)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
};

/** What the first unsafe character of a text is, for a message ("a line separator (U+2028)"), or undefined. */
export function describeUnsafeChar(text: string): string | undefined {
  const m = UNSAFE.exec(text);
  if (!m) return undefined;
  const c = m[0];
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (NAMES[c]) return NAMES[c];
  if (/[\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]/.test(c)) return `a bidirectional-text control (${code})`;
  return `a control character (${code})`;
}
