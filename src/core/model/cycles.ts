/**
 * The cycles of a directed graph: its strongly connected components with more than one node,
 * or one node with an edge to itself. Tarjan's algorithm, iterative so a long chain cannot
 * overflow the stack. Used for WaitFor cycles by the generator (a warning at convert) and by
 * the parity check (a failing row), so both find the same cycles.
 */
export function cyclesOf<T>(nodes: readonly T[], next: (n: T) => readonly T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { v: T; i: number; succ: readonly T[] }[] = [];
    const open = (v: T) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      work.push({ v, i: 0, succ: next(v) });
    };
    open(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.succ.length) {
        const u = top.succ[top.i++]!;
        if (!index.has(u)) open(u);
        else if (onStack.has(u)) low.set(top.v, Math.min(low.get(top.v)!, index.get(u)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const scc: T[] = [];
        let x: T;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          scc.push(x);
        } while (x !== top.v);
        if (scc.length > 1 || next(top.v).includes(top.v)) out.push(scc.reverse());
      }
    }
  }
  return out;
}
