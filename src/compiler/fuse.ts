// fuse: MatMul (+ BiasAdd / Add of a rank-1 bias) (+ Relu / Sigmoid, + Tanh on cpu) → one _FusedMatMul, when nothing else
// reads the parts; on cpu every float32 MatMul becomes a _FusedMatMul, whose JS kernel is 3–5× faster than tfjs-cpu's.
import type { Tensor } from '../graph/tensor.ts';
import { newNode, withKernel, producerMap, rewritable, sweep, Subst, useCounts, type IR, type Node, type Pass } from './ir.ts';

const ACTIVATIONS: Record<string, string> = { Relu: 'relu', Sigmoid: 'sigmoid' };

export const fuse: Pass = {
  name: 'fuse',
  run(ir, details, ctx) {
    const cpu = ctx.backend === 'cpu';
    const producers = producerMap(ir);
    const uses = useCounts(ir);
    const consumer = soleConsumers(ir, uses);
    const fusable = (n: Node) => rewritable(ir, n, producers) && n.outputs[0]?.dtype === 'float32';
    const ok = (n: Node | undefined): n is Node => !!n && fusable(n);
    const replaced = new Map<Node, Node>();
    const subst = new Subst();
    for (const mm of ir.nodes) {
      if (mm.type !== 'MatMul' || replaced.has(mm) || mm.outputs[0]?.dtype !== 'float32') continue;
      if (!fusable(mm)) {
        // cpu: the matmul alone, at its own position and with its own inputs (a variable read stays read at use).
        if (cpu && !mm.ctrl.length && !ir.pinned.has(mm.op)) replaceAlone(mm);
        continue;
      }
      const out = mm.outputs[0];
      const chain = [mm];
      let bias: Tensor | null = null;
      let next = consumer.get(out);
      if (ok(next) && (next.type === 'BiasAdd' || next.type === 'Add' || next.type === 'AddV2')) {
        bias = biasOf(next, out);
        if (bias) chain.push(next);
      }
      const last = chain.at(-1)!.outputs[0];
      next = consumer.get(last);
      const act = ok(next) ? ACTIVATIONS[next.type] ?? (cpu && next.type === 'Tanh' ? 'tanh' : null) : null;
      if (act) chain.push(next!);
      if (chain.length === 1) {
        if (cpu) replaceAlone(mm);
        continue;
      }
      const tail = chain.at(-1)!;
      const inputs = bias ? [mm.inputs[0], mm.inputs[1], bias] : [mm.inputs[0], mm.inputs[1]];
      const attrs = { transpose_a: !!mm.attrs.transpose_a, transpose_b: !!mm.attrs.transpose_b, activation: act ?? 'linear' };
      const f = newNode(tail.op, tail.id, tail.op.name, '_FusedMatMul', inputs, attrs,
        [{ dtype: 'float32', shape: tail.outputs[0].staticShape }]);
      replaced.set(tail, f);
      subst.set(tail.outputs[0], f.outputs[0]);
      details.push(`${chain.map((n) => `${n.op.name} (${n.type})`).join(' + ')} → _FusedMatMul {activation=${attrs.activation}}`);
    }
    function replaceAlone(mm: Node): void {
      const attrs = { transpose_a: !!mm.attrs.transpose_a, transpose_b: !!mm.attrs.transpose_b, activation: 'linear' };
      replaced.set(mm, withKernel(mm, '_FusedMatMul', [...mm.inputs], attrs));
      details.push(`${mm.op.name} (MatMul) → _FusedMatMul {activation=linear} (cpu kernel)`);
    }
    if (!replaced.size) return ir;
    ir.nodes = ir.nodes.map((n) => replaced.get(n) ?? n);
    subst.apply(ir);
    sweep(ir);
    return ir;
  },
};

/** value → its consumer node, for values read exactly once and not fetched. */
function soleConsumers(ir: IR, uses: ReadonlyMap<Tensor, number>): Map<Tensor, Node> {
  const fetched = new Set(ir.fetches);
  const out = new Map<Tensor, Node>();
  // A fed value is read from the feed, not from its op's output: it never links a chain.
  for (const n of ir.nodes) for (const t of n.inputs) if (uses.get(t) === 1 && !fetched.has(t) && !ir.fed.has(t)) out.set(t, n);
  return out;
}

/** The bias of `x + bias` / BiasAdd(x, bias): rank 1, as long as x's last dim (both known), so x's shape is kept. */
function biasOf(n: Node, x: Tensor): Tensor | null {
  const [p, q] = n.inputs;
  const bias = n.type === 'BiasAdd' ? (p === x ? q : null) : p === x ? q : q === x ? p : null;
  if (!bias || bias === x || bias.dtype !== 'float32') return null;
  const bs = bias.staticShape;
  const xs = x.staticShape;
  const cols = xs?.[1] ?? null;
  return bs !== null && bs.length === 1 && bs[0] !== null && bs[0] === cols ? bias : null;
}
