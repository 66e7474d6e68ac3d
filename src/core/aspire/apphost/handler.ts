/**
 * The shape every fluent-call handler has (resource-calls.ts dispatches to them).
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import type { MethodCall } from './syntax';
import type { Evaluator, Value } from './values';

/** A fluent call's handler: changes the resource, returns what the C# call returns (void: the same builder). */
export type Handler = (ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>) => Value | void;
