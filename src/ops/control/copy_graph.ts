// Copies a body graph's ops into the current default graph, with some of its tensors replaced (gradient recompute).
import type { FuncGraph } from '../../graph/func_graph.ts';
import type { Operation } from '../../graph/graph.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { makeOp } from '../registry.ts';

/**
 * Re-creates every op of `body` whose outputs are not already mapped, in id order, with inputs looked up in
 * `map` (which gains the copies' outputs). Control dependencies inside bodies are not copied.
 */
export function copyGraph(body: FuncGraph | readonly Operation[], map: Map<Tensor, Tensor>): void {
  const ops: readonly Operation[] = Array.isArray(body) ? body : (body as FuncGraph).get_operations();
  for (const op of ops) {
    if (op.outputs.length && op.outputs.every((t) => map.has(t))) continue;
    const inputs = op.inputs.map((t) => {
      const m = map.get(t);
      if (!m) throw new Error(`loop gradient: cannot copy ${op.name}: input ${t.name} has no copy`);
      return m;
    });
    const copy = makeOp(op.type, inputs, op.attrs as Record<string, unknown>, { name: op.name.split('/').pop() });
    op.outputs.forEach((t, i) => map.set(t, copy.outputs[i]));
  }
}
