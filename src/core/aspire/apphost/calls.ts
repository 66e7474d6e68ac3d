/**
 * Invocations: what `x.Method(…)` does while interpreting. In order: methods the App Host
 * declares itself (local functions, helpers, extension methods — they may shadow anything),
 * the builder's `AddX` calls, fluent calls on resources, the few framework helpers App Hosts
 * use to compute names and paths, and publish-mode facts. A declaration that is not understood
 * keeps a placeholder resource under its name, so what refers to it stays visible.
 */
import type { Node } from 'web-tree-sitter';
import { builderCall } from './builder-calls';
import { publishModeCall, publishModeProperty } from './conditions';
import { Expressions } from './expressions';
import { pathCombine, stringFormat } from './folding';
import { pickMethod, type UserMethod } from './methods';
import { endpointCall, resourceCall } from './resource-calls';
import { orleansCall } from './orleans-calls';
import { unwrap, type MethodCall } from './syntax';
import { REPORTED, UNKNOWN, type Value } from './values';
import { unmodelledReason } from '../../model/integrations/unmodelled';

const STRING_METHODS: Record<string, (s: string) => string> = {
  ToLower: (s) => s.toLowerCase(),
  ToLowerInvariant: (s) => s.toLowerCase(),
  ToUpper: (s) => s.toUpperCase(),
  ToUpperInvariant: (s) => s.toUpperCase(),
  Trim: (s) => s.trim(),
  ToString: (s) => s,
};

export abstract class Calls extends Expressions {
  /** User-declared methods by name (several: overloads). */
  protected readonly methods = new Map<string, UserMethod[]>();

  /** Run a user method with a receiver (extension methods) and arguments. */
  protected abstract invoke(m: UserMethod, self: Value | undefined, c: MethodCall): Value;

  protected declareMethod(m: UserMethod): void {
    const list = this.methods.get(m.name) ?? [];
    list.unshift(m); // a local function declared later (inner) shadows an outer one
    this.methods.set(m.name, list);
  }

  private constants(c: MethodCall): (string | number | undefined)[] {
    return c.args.map((a) => {
      const v = this.value(a.value);
      return v.t === 'string' || v.t === 'int' ? v.value : v.t === 'bool' ? String(v.value) : undefined;
    });
  }

  /** Framework helpers over constants; undefined when `recv.method` is not one of them. */
  private framework(recvText: string, c: MethodCall): Value | undefined {
    const t = recvText.replace(/^System\.(IO\.)?/, '');
    if (
      (t === 'Path' && (c.method === 'Combine' || c.method === 'Join')) ||
      (c.method === 'GetFullPath' && t === 'Path')
    ) {
      const parts = this.constants(c);
      if (parts.some((p) => typeof p !== 'string')) return UNKNOWN;
      return { t: 'string', value: pathCombine(parts as string[]) };
    }
    if ((t === 'string' || t === 'String') && c.method === 'Format' && c.args[0]) {
      const [format, ...rest] = this.constants(c);
      const out = typeof format === 'string' ? stringFormat(format, rest) : undefined;
      return out === undefined ? UNKNOWN : { t: 'string', value: out };
    }
    if ((t === 'string' || t === 'String') && (c.method === 'Concat' || c.method === 'Join')) {
      const vals = this.constants(c);
      if (c.method === 'Concat')
        return vals.every((v) => v !== undefined) ? { t: 'string', value: vals.join('') } : UNKNOWN;
      const list = c.args[1] ? this.value(c.args[1].value) : UNKNOWN;
      const items =
        list.t === 'array'
          ? list.items.map((v) => (v.t === 'string' || v.t === 'int' ? String(v.value) : undefined))
          : vals.slice(1);
      return typeof vals[0] === 'string' && items.every((v) => v !== undefined)
        ? { t: 'string', value: items.join(vals[0]) }
        : UNKNOWN;
    }
    if (t === 'Enumerable' && c.method === 'Range') {
      const [start, count] = this.constants(c);
      if (typeof start !== 'number' || typeof count !== 'number' || count < 0 || count > 10_000) return UNKNOWN;
      return { t: 'array', items: Array.from({ length: count }, (_, i) => ({ t: 'int', value: start + i }) as Value) };
    }
    return undefined;
  }

  /**
   * A call whose arguments did not parse is reported, not read: error recovery may hand it
   * another call's arguments (a password as a resource name). What it would declare or change is
   * left out and listed as not understood.
   */
  private damagedCall(c: MethodCall): Value {
    this.model.warn(
      'syntax-error',
      `Line ${c.line}: ${this.model.construct(c.method)}(…) has a syntax error in or around its arguments; ` +
        'it is not read (what it would declare or change is left out).',
      c.at,
      undefined,
      c.method,
    );
    return REPORTED;
  }

  protected call(c: MethodCall): Value {
    if (c.damaged) return this.damagedCall(c);
    if (!c.receiver) return this.bareCall(c);
    const recvNode = unwrap(c.receiver);
    if (c.method === 'CreateBuilder' && /(^|\.)DistributedApplication$/.test(recvNode.text)) return { t: 'builder' };
    if (c.method === 'Create' && /(^|\.)ReferenceExpression$/.test(recvNode.text) && c.args[0]) {
      const t = this.template(c.args[0].value);
      return t === undefined ? UNKNOWN : { t: 'template', value: t };
    }
    // Only IsEnvironment("…") needs its argument; evaluating others here would run them twice.
    const first = c.method === 'IsEnvironment' && c.args[0] ? this.str(c.args[0].value) : undefined;
    const fixed = publishModeCall(recvNode.text, c.method, first);
    if (fixed !== undefined) return { t: 'bool', value: fixed };
    // `Path.Combine(…)`, `Helpers.AddAll(builder)`: a type name, not a variable.
    const isType =
      (recvNode.type === 'identifier' ||
        recvNode.type === 'predefined_type' ||
        recvNode.type === 'member_access_expression') &&
      !this.scope.has(recvNode.text.split('.')[0]!) &&
      !/^builder\b/.test(recvNode.text);
    if (isType) {
      const helper = this.framework(recvNode.text, c);
      if (helper) return helper;
      const stat = pickMethod(this.methods.get(c.method), c.args.length, false);
      if (stat) return this.invoke(stat, undefined, c);
    }
    const recv = this.value(recvNode);
    // A user extension method: `builder.AddMyServices()`, `api.WithMyTelemetry()`.
    const user =
      recv.t !== 'unknown' && recv.t !== 'member'
        ? pickMethod(this.methods.get(c.method), c.args.length, true)
        : undefined;
    if (user) {
      const out = this.invoke(user, recv, c);
      // `builder.AddHealthChecksUI("ui")` declared by the user but not understood inside: keep the name.
      return out.t === 'unknown' && recv.t === 'builder' ? this.unknownDeclaration(c, true) : out;
    }
    // TypeScript App Hosts read properties as methods: builder.executionContext(), context.isPublishMode().
    if (c.args.length === 0 && recv.t === 'builder' && /^(ExecutionContext|Environment|Configuration)$/.test(c.method))
      return { t: 'member', text: c.method };
    if (c.args.length === 0 && recv.t === 'member' && recv.text === 'ExecutionContext') {
      const mode = publishModeProperty(`ExecutionContext.${c.method}`);
      if (mode !== undefined) return { t: 'bool', value: mode };
    }
    switch (recv.t) {
      case 'builder':
        return builderCall(this, c) ?? this.unknownDeclaration(c);
      case 'app':
        if (/^(Run|RunAsync|Start|StartAsync)$/.test(c.method)) return { t: 'app' };
        break;
      case 'resource': {
        const r = this.model.resources.get(recv.name);
        return r ? resourceCall(this, r, c) : REPORTED;
      }
      case 'endpoint':
        return endpointCall(this, recv, c);
      case 'orleans':
        return orleansCall(this, recv, c);
      case 'string': {
        const f = STRING_METHODS[c.method];
        if (f) return { t: 'string', value: f(recv.value) };
        const [a, b] = this.constants(c);
        if (c.method === 'Replace' && typeof a === 'string' && typeof b === 'string')
          return { t: 'string', value: recv.value.split(a).join(b) };
        break;
      }
      case 'member': {
        // `var env = builder.Environment; env.IsDevelopment()`.
        const mode = publishModeCall(recv.text, c.method, first);
        if (mode !== undefined) return { t: 'bool', value: mode };
        if (recv.text === 'Configuration' || recv.text === 'Environment') return UNKNOWN;
        break;
      }
      case 'unknown':
        if (recv.reported) return REPORTED;
        // Configuration and environment are deployment data: unknown here, reported where used.
        if (/(^|\.)(Configuration|Environment)\b/.test(recvNode.text)) return UNKNOWN;
        break;
      default:
        break;
    }
    if (/^(Console|console)$/.test(recvNode.text)) {
      // Printing changes nothing that is deployed (console.log in apphost.ts, Console.WriteLine).
      this.model.info(
        'console',
        `Line ${c.line}: ${recvNode.text}.${c.method}(…) only prints; nothing to deploy.`,
        c.at,
      );
      return REPORTED;
    }
    this.model.warn(
      'unknown-call',
      `Line ${c.line}: ${recvNode.text.slice(0, 40)}.${this.model.construct(c.method)}(…) is not understood; ignored.`,
      c.at,
      undefined,
      c.method,
    );
    return REPORTED;
  }

  private bareCall(c: MethodCall): Value {
    if (c.method === 'nameof' && c.args[0]) return { t: 'string', value: c.args[0].value.text.split('.').pop()! };
    const user = pickMethod(this.methods.get(c.method), c.args.length, false);
    if (user) return this.invoke(user, undefined, c);
    this.model.warn(
      'unknown-call',
      `Line ${c.line}: ${this.model.construct(c.method)}(…) is not declared in the App Host code that was ` +
        `read; ignored.`,
      c.at,
      undefined,
      c.method,
    );
    return REPORTED;
  }

  /**
   * `builder.AddSomething("name", …)` this tool does not model (an integration it does not
   * know, a custom extension declared elsewhere): the resource is kept as a placeholder so
   * WithReference/WaitFor to it stay visible and the parity table shows it as unknown.
   */
  private unknownDeclaration(c: MethodCall, quiet = false): Value {
    const nameNode: Node | undefined = c.args.find((a) => a.name === undefined || a.name === 'name')?.value;
    const name = nameNode ? this.str(nameNode) : undefined;
    if (/^Add[A-Z]/.test(c.method) && name !== undefined) {
      const why = unmodelledReason(c.method);
      const r = this.model.placeholder(
        name,
        `Line ${c.line}: builder.${this.model.construct(c.method)}("${name}", …) is not an integration this tool ` +
          `models; "${name}" is kept as a placeholder and not deployed.` +
          (why ? ` Why: ${why}` : ''),
        c.at,
        c.method,
      );
      return { t: 'resource', name: r.name };
    }
    if (!quiet)
      this.model.warn(
        'unknown-call',
        `Line ${c.line}: builder.${this.model.construct(c.method)}(…) is not an App Host call this tool understands ` +
          `(a custom extension or an unsupported integration?); ignored.`,
        c.at,
        undefined,
        c.method,
      );
    return REPORTED;
  }
}
