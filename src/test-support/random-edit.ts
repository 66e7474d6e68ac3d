/**
 * Random edits of YAML text as a user's keystrokes make them: a typed character or token, a
 * deletion, a duplicated or deleted line, an indent or dedent. Driven by a seeded generator so
 * every failure is reproducible from its seed.
 */
/** What a user's keystrokes put into YAML that matters to a parser. */
const TYPED = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '|',
  '|-',
  '>',
  '\n',
  '\n  ',
  '&a ',
  '*a',
  '!',
  '{',
  '}',
  '[',
  ']',
  ',',
  'x',
  'yes',
  '0x1f',
  '1.5',
  '~',
  '\\',
  '\t',
  '? ',
  '---',
  '...',
  '%',
];

export function mutate(text: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const lines = text.split('\n');
  const at = Math.floor(next() * text.length);
  const line = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 7)) {
    case 0:
      return text.slice(0, at) + pick(TYPED) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    case 2:
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 3:
      lines.splice(line, 1);
      return lines.join('\n');
    case 4:
      lines[line] = `  ${lines[line] ?? ''}`;
      return lines.join('\n');
    case 5:
      lines[line] = (lines[line] ?? '').replace(/^ {1,2}/, '');
      return lines.join('\n');
    default:
      lines[line] = `${lines[line] ?? ''} ${pick(TYPED)}`;
      return lines.join('\n');
  }
}
