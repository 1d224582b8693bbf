// fuse: MatMul (+ BiasAdd / Add of a rank-1 bias) (+ Relu / Sigmoid / Tanh) → one _FusedMatMul, when nothing else
// reads the parts; on cpu and wasm every float32 MatMul becomes a _FusedMatMul (cpu: a JS kernel 3–5× faster than
// tfjs-cpu's; wasm: a kernel that keeps every product on XNNPACK's NN path). wasm has no tanh epilogue and a slow Tanh,
// so tanh(xW + b) runs as 2·sigmoid(x(2W) + 2b) − 1 with the sigmoid epilogue (2W and 2b computed once per run).
import type { Tensor } from '../graph/tensor.ts';
import { Operation, type Attrs, type Graph } from '../graph/graph.ts';
import { getOpDef } from '../ops/registry.ts';
import { NDArray } from '../runtime/ndarray.ts';
import { newNode, withKernel, producerMap, rewritable, sweep, Subst, useCounts, type IR, type Node, type Pass } from './ir.ts';

const ACTIVATIONS: Record<string, string> = { Relu: 'relu', Sigmoid: 'sigmoid' };

export const fuse: Pass = {
  name: 'fuse',
  run(ir, details, ctx) {
    const cpu = ctx.backend === 'cpu';
    const wasm = ctx.backend === 'wasm';
    const alone = cpu || wasm;
    const producers = producerMap(ir);
    const uses = useCounts(ir);
    const consumer = soleConsumers(ir, uses);
    const fusable = (n: Node) => rewritable(ir, n, producers) && n.outputs[0]?.dtype === 'float32';
    const ok = (n: Node | undefined): n is Node => !!n && fusable(n);
    const replaced = new Map<Node, Node>();
    const subst = new Subst();
    // Nodes a rewrite adds: before a node (constants, doubled weights) and after a fused node (its epilogue).
    const before = new Map<Node, Node[]>();
    const extra = new Map<Node, Node[]>();
    const consts = new Map<string, Tensor>();
    const twice = new Map<Tensor, Tensor>();
    for (const mm of ir.nodes) {
      if (wasm && mm.type === 'SparseSoftmaxCrossEntropyWithLogits' && mm.inputs[0].dtype === 'float32' && mm.inputs[1].dtype === 'int32') {
        // One JS loop over the heap instead of a dozen tiny kernels (same op, same outputs).
        replaced.set(mm, withKernel(mm, '_SparseSoftmaxXent', [...mm.inputs], mm.attrs));
        details.push(`${mm.op.name} (${mm.type}) → _SparseSoftmaxXent (wasm JS kernel)`);
        continue;
      }
      if (mm.type !== 'MatMul' || replaced.has(mm) || mm.outputs[0]?.dtype !== 'float32') continue;
      if (!fusable(mm)) {
        // cpu: the matmul alone, at its own position and with its own inputs (a variable read stays read at use).
        if (alone && !mm.ctrl.length && !ir.pinned.has(mm.op)) replaceAlone(mm);
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
      const act = ok(next) ? ACTIVATIONS[next.type] ?? ((cpu || wasm) && next.type === 'Tanh' ? 'tanh' : null) : null;
      if (act) chain.push(next!);
      if (chain.length === 1) {
        if (alone) replaceAlone(mm);
        continue;
      }
      const tail = chain.at(-1)!;
      const viaSigmoid = wasm && act === 'tanh';
      const w = viaSigmoid ? doubled(mm, mm.inputs[1]) : mm.inputs[1];
      const inputs = bias ? [mm.inputs[0], w, viaSigmoid ? doubled(mm, bias) : bias] : [mm.inputs[0], w];
      const attrs = { transpose_a: !!mm.attrs.transpose_a, transpose_b: !!mm.attrs.transpose_b, activation: viaSigmoid ? 'sigmoid' : act ?? 'linear' };
      const shape = tail.outputs[0].staticShape;
      const f = newNode(tail.op, tail.id, viaSigmoid ? `${tail.op.name}/sigmoid` : tail.op.name, '_FusedMatMul', inputs, attrs,
        [{ dtype: 'float32', shape }]);
      replaced.set(tail, f);
      let y = f.outputs[0];
      if (viaSigmoid) {
        const scaled = newNode(tail.op, tail.id, `${tail.op.name}/twice`, 'Mul', [y, scalar(tail, 'two', 2)], {}, [{ dtype: 'float32', shape }]);
        const tanh = newNode(tail.op, tail.id, tail.op.name, 'Sub', [scaled.outputs[0], scalar(tail, 'one', 1)], {}, [{ dtype: 'float32', shape }]);
        extra.set(f, [scaled, tanh]);
        y = tanh.outputs[0];
      }
      subst.set(tail.outputs[0], y);
      details.push(`${chain.map((n) => `${n.op.name} (${n.type})`).join(' + ')} → _FusedMatMul {activation=${attrs.activation}}` +
        (viaSigmoid ? ' on 2W, 2b, then 2s − 1 (tanh via sigmoid)' : ''));
    }
    /** One float32 scalar constant per value, placed before its first reader (its op shared by every plan of the graph). */
    function scalar(at: Node, key: string, v: number): Tensor {
      let c = consts.get(key);
      if (!c) {
        const op = sharedScalar(at, v);
        const n: Node = { id: at.id, op, type: 'Const', def: getOpDef('Const'), inputs: [], attrs: op.attrs as Attrs, outputs: op.outputs, ctrl: [] };
        before.set(at, [...(before.get(at) ?? []), n]);
        consts.set(key, (c = n.outputs[0]));
      }
      return c;
    }
    /** 2·t, once per value (an unrolled RNN's steps share one doubled weight), computed where the first matmul reads t. */
    function doubled(at: Node, t: Tensor): Tensor {
      let d = twice.get(t);
      if (!d) {
        const two = scalar(at, 'two', 2);
        const n = newNode(at.op, at.id, `${t.op.name}/doubled_${t.value_index}`, 'Mul', [t, two], {}, [{ dtype: t.dtype, shape: t.staticShape }]);
        before.set(at, [...(before.get(at) ?? []), n]);
        twice.set(t, (d = n.outputs[0]));
      }
      return d;
    }
    function replaceAlone(mm: Node): void {
      const attrs = { transpose_a: !!mm.attrs.transpose_a, transpose_b: !!mm.attrs.transpose_b, activation: 'linear' };
      replaced.set(mm, withKernel(mm, '_FusedMatMul', [...mm.inputs], attrs));
      details.push(`${mm.op.name} (MatMul) → _FusedMatMul {activation=linear} (${ctx.backend} kernel)`);
    }
    if (!replaced.size) return ir;
    ir.nodes = ir.nodes.flatMap((n) => {
      const r = replaced.get(n) ?? n;
      return [...(before.get(n) ?? []), r, ...(extra.get(r) ?? [])];
    });
    subst.apply(ir);
    sweep(ir);
    return ir;
  },
};

/**
 * The scalar constants of tanh-via-sigmoid, one op per (graph, value) for all plans: a session caches a constant's
 * buffer per op, so plans compiled later (other fetches) reuse the buffers instead of adding their own.
 */
const scalarOps = new WeakMap<Graph, Map<number, Operation>>();

function sharedScalar(at: Node, v: number): Operation {
  const g = at.op.graph;
  let byValue = scalarOps.get(g);
  if (!byValue) scalarOps.set(g, (byValue = new Map()));
  let op = byValue.get(v);
  if (!op) {
    op = new Operation(g, at.id, `tanh_via_sigmoid/${v}`, 'Const', [], [], { value: new NDArray('float32', [], Float32Array.of(v)), dtype: 'float32' },
      [{ dtype: 'float32', shape: [] }]);
    byValue.set(v, op);
  }
  return op;
}

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
