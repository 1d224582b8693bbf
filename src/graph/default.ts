// The default-graph stack: tf.get_default_graph, g.as_default, tf.reset_default_graph.
import type { Graph } from './graph.ts';

let globalDefault: Graph | null = null;
const stack: Graph[] = [];
let makeGraph: (() => Graph) | null = null;

/** Set once by graph/index.ts so this module does not import Graph (cycle). */
export function _setGraphFactory(f: () => Graph): void { makeGraph = f; }

export function get_default_graph(): Graph {
  if (stack.length) return stack[stack.length - 1];
  if (!globalDefault) globalDefault = makeGraph!();
  return globalDefault;
}

export function withGraph<T>(g: Graph, fn: () => T): T {
  stack.push(g);
  try {
    return fn();
  } finally {
    const i = stack.lastIndexOf(g);
    if (i >= 0) stack.splice(i, 1);
  }
}

/** Pushes a graph until the returned function is called (InteractiveSession, `using` sessions). */
export function pushGraph(g: Graph): () => void {
  stack.push(g);
  return () => {
    const i = stack.lastIndexOf(g);
    if (i >= 0) stack.splice(i, 1);
  };
}

export function reset_default_graph(): void {
  if (stack.length) {
    throw new Error('AssertionError: Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.');
  }
  globalDefault = makeGraph!();
}
