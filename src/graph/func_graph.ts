// FuncGraph: the body graph of a loop. Outer tensors used inside are captured as placeholders; variables live outside.
import { Graph } from './graph.ts';
import type { Tensor } from './tensor.ts';

export class FuncGraph extends Graph {
  /** Outer tensor → the placeholder standing for it in this graph, in capture order. */
  readonly captures = new Map<Tensor, Tensor>();

  constructor(readonly outer: Graph, readonly name: string) {
    super();
    this.seed = null;
  }

  /**
   * The placeholder standing for `t` (a tensor of an enclosing graph), created on first use. A tensor of a
   * grand-outer graph is first captured by the outer body, so every level passes it on as a loop input.
   */
  capture(t: Tensor, makePlaceholder: (g: Graph, t: Tensor) => Tensor): Tensor {
    if (t.graph === (this as Graph)) return t;
    const known = this.captures.get(t);
    if (known) return known;
    if (!isEnclosing(this.outer, t.graph)) {
      throw new Error(`ValueError: Tensor ${t.name} is not an element of this graph or of a graph enclosing loop body '${this.name}'.`);
    }
    const outerT = this.outer instanceof FuncGraph ? this.outer.capture(t, makePlaceholder) : t;
    const ph = makePlaceholder(this, outerT);
    this.captures.set(outerT, ph);
    if (outerT !== t) this.captures.set(t, ph);
    return ph;
  }

  /** The outer tensors captured, each once, in capture order (the loop op's extra inputs). */
  capturedOuter(): Tensor[] {
    const seen = new Set<Tensor>();
    const out: Tensor[] = [];
    for (const [outerT, ph] of this.captures) {
      if (outerT.graph === this.outer && !seen.has(ph)) {
        seen.add(ph);
        out.push(outerT);
      }
    }
    return out;
  }

  placeholderFor(outerT: Tensor): Tensor { return this.captures.get(outerT)!; }
}

function isEnclosing(g: Graph, target: Graph): boolean {
  for (let cur: Graph | null = g; cur; cur = cur instanceof FuncGraph ? cur.outer : null) if (cur === target) return true;
  return false;
}

/** The outermost graph (where variables, collections and the graph seed live). */
export function rootGraph(g: Graph): Graph {
  let cur = g;
  while (cur instanceof FuncGraph) cur = cur.outer;
  return cur;
}
