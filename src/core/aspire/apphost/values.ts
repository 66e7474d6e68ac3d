/**
 * What an App Host expression evaluates to while interpreting: the builder, a resource
 * builder, an endpoint reference, or a plain value. Anything else is `unknown`, and the first
 * place that needs it reports it (once, so one bad call does not produce a cascade).
 */
import type { Node } from 'web-tree-sitter';
import type { BindingProperty } from '../../model/template';
import type { AppModel } from './state';

export type Value =
  | { t: 'builder' }
  | { t: 'app' }
  | { t: 'resource'; name: string }
  | { t: 'endpoint'; resource: string; endpoint: string; property?: BindingProperty }
  /** `AddOrleans(name)` (not a resource) or its `AsClient()`. */
  | { t: 'orleans'; service: string; client: boolean }
  | { t: 'string'; value: string }
  /** Text with `{resource.path}` expressions (interpolated strings, ReferenceExpression). */
  | { t: 'template'; value: string }
  | { t: 'int'; value: number }
  | { t: 'bool'; value: boolean }
  /** `EndpointProperty.Host`, `ProbeType.Liveness`, …: kept as written. */
  | { t: 'member'; text: string }
  /** Arrays, lists and tuples of constants (foreach unrolls them). */
  | { t: 'array'; items: Value[] }
  | { t: 'null' }
  | { t: 'unknown'; reported: boolean };

export const UNKNOWN: Value = { t: 'unknown', reported: false };
export const REPORTED: Value = { t: 'unknown', reported: true };

/** What call handlers need from the interpreter. */
export interface Evaluator {
  readonly model: AppModel;
  value(node: Node): Value;
  /** A compile-time string (literal, const, concatenation); undefined when not one. */
  str(node: Node): string | undefined;
  int(node: Node): number | undefined;
  bool(node: Node): boolean | undefined;
  /** A value that can stand in an env var or argument, as a template; undefined when not one. */
  template(node: Node): string | undefined;
  /** The template text of an already evaluated value; undefined when it has none. */
  templateOf(v: Value): string | undefined;
}

export function resourceName(v: Value): string | undefined {
  return v.t === 'resource' ? v.name : undefined;
}
