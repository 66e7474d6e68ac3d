/**
 * Variables while interpreting: one scope per block, method call and loop iteration, so a
 * helper's parameters and a loop variable do not leak into the code around them.
 */
import type { Value } from './values';

export class Scope {
  private readonly vars = new Map<string, Value>();

  constructor(readonly parent?: Scope) {}

  has(name: string): boolean {
    return this.vars.has(name) || (this.parent?.has(name) ?? false);
  }

  get(name: string): Value | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  /** `var x = …`: a new variable in this scope. */
  declare(name: string, v: Value): void {
    this.vars.set(name, v);
  }

  /** `x = …`: the nearest scope that declares x (or this one, for fields and unknown names). */
  assign(name: string, v: Value): void {
    if (!this.vars.has(name) && this.parent?.has(name)) this.parent.assign(name, v);
    else this.vars.set(name, v);
  }

  /** The variables this scope itself holds (to merge the branches of an undecidable `if`). */
  own(): Map<string, Value> {
    return this.vars;
  }
}
