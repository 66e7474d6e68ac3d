/**
 * Constant folding for the values App Hosts compute: .NET format specifiers in interpolations
 * (`$"pg-{i:000}"`, `{n:D2}`, `{x,5}`), `string.Format`, `Path.Combine` and integer
 * arithmetic. Pure functions over plain values; the interpreter decides when they apply.
 */

/**
 * Format an integer the way .NET does for the specifiers App Hosts use: standard `D<n>`,
 * `X<n>`/`x<n>`, `N0`/`F0`-free integers, and custom zero/hash patterns (`000`, `#0`).
 * Undefined for anything else, so the caller reports it instead of guessing.
 */
export function formatInt(value: number, spec: string): string | undefined {
  if (spec === '' || spec === 'G' || spec === 'g') return String(value);
  const std = /^([DdXx])(\d*)$/.exec(spec);
  if (std) {
    const width = std[2] ? Number(std[2]) : 0;
    const hex = std[1] === 'X' || std[1] === 'x';
    let digits = hex ? Math.abs(value).toString(16) : String(Math.abs(value));
    if (std[1] === 'X') digits = digits.toUpperCase();
    return (value < 0 ? '-' : '') + digits.padStart(width, '0');
  }
  if (/^[0#]+$/.test(spec)) {
    const zeros = spec.length - spec.replace(/0/g, '').length;
    return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(zeros, '0');
  }
  return undefined;
}

/** `{x,5}` / `{x,-5}`: right or left alignment. */
export function align(text: string, width: number): string {
  return width >= 0 ? text.padStart(width) : text.padEnd(-width);
}

/** `string.Format("{0}-{1:00}", a, b)` over constant arguments; undefined when a part is not constant. */
export function stringFormat(format: string, args: readonly (string | number | undefined)[]): string | undefined {
  let failed = false;
  const out = format.replace(
    /\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g,
    (m, index: string | undefined, width: string | undefined, spec: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      const v = args[Number(index)];
      if (v === undefined) {
        failed = true;
        return '';
      }
      const text = typeof v === 'number' ? formatInt(v, spec ?? '') : spec ? undefined : v;
      if (text === undefined) {
        failed = true;
        return '';
      }
      return width !== undefined ? align(text, Number(width)) : text;
    },
  );
  return failed ? undefined : out;
}

/**
 * `Path.Combine(a, b, …)` with '/' separators (deployments run on Linux; manifest paths are
 * written with '/'): a rooted later part restarts the path, `.` segments disappear, and `..`
 * cancels the segment before it when there is one.
 */
export function pathCombine(parts: readonly string[]): string {
  let path = '';
  for (const raw of parts) {
    const p = raw.replace(/\\/g, '/');
    if (p === '') continue;
    if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) path = p;
    else path = path === '' ? p : `${path.replace(/\/+$/, '')}/${p}`;
  }
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Integer arithmetic as C# does it for `int` (truncating division); undefined on divide by zero. */
export function arithmetic(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : Math.trunc(a / b);
    case '%':
      return b === 0 ? undefined : a % b;
    default:
      return undefined;
  }
}

/** Comparisons and equality over constants; undefined for other operators. */
export function compare(op: string, a: number | string | boolean, b: number | string | boolean): boolean | undefined {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return undefined;
  }
}
