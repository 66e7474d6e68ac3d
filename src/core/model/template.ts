/**
 * Aspire expression templates: "Host={pg.bindings.tcp.host};Password={pg-password.value}".
 *
 * A `{…}` is an expression only when it names a resource that exists and its path follows the
 * grammar Aspire writes; anything else (`/api/{**catch-all}`, JSON with braces) stays literal
 * text, because the manifest writer does not escape literal braces.
 */

export type ExpressionPath =
  | { kind: 'binding'; endpoint: string; property: BindingProperty }
  | { kind: 'connectionString' }
  | { kind: 'value' }
  | { kind: 'inputs.value' }
  | { kind: 'output'; name: string; secret: boolean }
  | { kind: 'keyvault-secret'; name: string }
  | { kind: 'containerImage' }
  | { kind: 'containerPort' };

export type BindingProperty = 'url' | 'host' | 'port' | 'targetPort' | 'scheme' | 'tlsEnabled';

export interface Expression {
  resource: string;
  path: ExpressionPath;
  /** The exact source text including braces. */
  text: string;
}

export type TemplatePart = string | Expression;

/**
 * The resource part may contain dots (shortest match first): Aspire forbids them, but other
 * tools' manifests use names like `My_Api.Service`, and a reference to one must resolve — or at
 * least be reported — rather than stay silently literal.
 */
const EXPRESSION =
  /^([A-Za-z0-9_-][A-Za-z0-9_.-]*?)\.(bindings\.([A-Za-z0-9_-]+)\.(url|host|port|targetPort|scheme|tlsEnabled)|connectionString|value|inputs\.value|outputs\.([^{}]+)|secretOutputs\.([^{}]+)|secrets\.([^{}]+)|containerImage|containerPort)$/;

/** Parse one `{…}` body into an expression, or undefined when it is not Aspire's grammar. */
export function parseExpressionBody(body: string): Omit<Expression, 'text'> | undefined {
  const m = EXPRESSION.exec(body);
  if (!m) return undefined;
  const resource = m[1]!;
  const rest = m[2]!;
  if (m[3] !== undefined) {
    return { resource, path: { kind: 'binding', endpoint: m[3], property: m[4] as BindingProperty } };
  }
  if (m[5] !== undefined) return { resource, path: { kind: 'output', name: m[5], secret: false } };
  if (m[6] !== undefined) return { resource, path: { kind: 'output', name: m[6], secret: true } };
  if (m[7] !== undefined) return { resource, path: { kind: 'keyvault-secret', name: m[7] } };
  switch (rest) {
    case 'connectionString':
      return { resource, path: { kind: 'connectionString' } };
    case 'value':
      return { resource, path: { kind: 'value' } };
    case 'inputs.value':
      return { resource, path: { kind: 'inputs.value' } };
    case 'containerImage':
      return { resource, path: { kind: 'containerImage' } };
    default:
      return { resource, path: { kind: 'containerPort' } };
  }
}

/**
 * Split a template into literal text and expressions.
 * @param isResource tells which names are resources; a well-formed expression naming an
 *   unknown resource is still returned as an expression (so callers can report it dangling)
 *   only when `keepDangling` is true, otherwise it stays literal.
 */
export function parseTemplate(
  text: string,
  isResource: (name: string) => boolean = () => true,
  keepDangling = true,
): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  // The first '}' after the current '{', kept while the scan stays before it: searching
  // again from every '{' of a `{{{{…}` run was quadratic (hostile input, issue 15).
  let close = -1;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    if (close <= open) close = text.indexOf('}', open + 1);
    if (close < 0) break;
    // A nested '{' means the outer brace is literal; restart the scan from the inner one.
    const inner = text.indexOf('{', open + 1);
    if (inner !== -1 && inner < close) {
      literal += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const body = text.slice(open + 1, close);
    const parsed = parseExpressionBody(body);
    if (parsed && (keepDangling || isResource(parsed.resource))) {
      literal += text.slice(i, open);
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ ...parsed, text: text.slice(open, close + 1) });
    } else {
      literal += text.slice(i, close + 1);
    }
    i = close + 1;
  }
  literal += text.slice(i);
  if (literal) parts.push(literal);
  return parts;
}

/** The text with every `{…}` span removed (what a template says outside its expressions), in linear time. */
export function withoutExpressions(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 1);
    if (close < 0) break;
    out += text.slice(i, open);
    i = close + 1;
  }
  return out + text.slice(i);
}

/** Every expression in a template. */
export function expressionsIn(text: string): Expression[] {
  return parseTemplate(text).filter((p): p is Expression => typeof p !== 'string');
}

/** Format an expression path back to Aspire's text (without braces). */
export function formatExpression(resource: string, path: ExpressionPath): string {
  switch (path.kind) {
    case 'binding':
      return `${resource}.bindings.${path.endpoint}.${path.property}`;
    case 'output':
      return `${resource}.${path.secret ? 'secretOutputs' : 'outputs'}.${path.name}`;
    case 'keyvault-secret':
      return `${resource}.secrets.${path.name}`;
    default:
      return `${resource}.${path.kind}`;
  }
}

/** Rewrite every expression naming `from` to name `to`; literal text is untouched. */
export function renameInTemplate(text: string, from: string, to: string): string {
  return parseTemplate(text)
    .map((p) => (typeof p === 'string' ? p : p.resource === from ? `{${formatExpression(to, p.path)}}` : p.text))
    .join('');
}

/** Resolve a template with a function that renders each expression (generator, previews). */
export function renderTemplate(text: string, render: (e: Expression) => string): string {
  return parseTemplate(text)
    .map((p) => (typeof p === 'string' ? p : render(p)))
    .join('');
}
