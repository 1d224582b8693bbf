// layout (wasm): a matmul with transpose_a/transpose_b reads a materialised transpose instead, so it takes wasm's fast NN path.
import type { Tensor } from '../graph/tensor.ts';
import { NDArray } from '../runtime/ndarray.ts';
import { newNode, producerMap, type Node, type Pass } from './ir.ts';

/**
 * Measured here (wasm, tfjs 4.22, bench in the report of issue 5): a flagged BatchMatMul leaves XNNPACK and runs
 * 2–10× slower than Transpose + NN matmul for m·k·n from ~16k up (e.g. 170×25×100: 0.26 ms vs 0.035 ms); below
 * that the two are within noise (200×16×2: 0.011 vs 0.013 ms), so tiny products keep their flags.
 */
export const LAYOUT_MIN_FLOPS = 16384;
const MATMULS = new Set(['MatMul', 'BatchMatMulV2', '_FusedMatMul']);

export const layout: Pass = {
  name: 'layout',
  run(ir, details, ctx) {
    if (ctx.backend !== 'wasm') return ir;
    // One transpose per (operand, rank): an unrolled RNN's gradient reads W^T at every step.
    const made = new Map<Tensor, Tensor>();
    const perms = new Map<number, Tensor>();
    const producers = producerMap(ir);
    // A variable read at use must stay read by the matmul itself (an assignment may come between two readers).
    const readable = (t: Tensor) => ir.fed.has(t) || producers.of(t) !== undefined;
    const out: Node[] = [];
    for (const n of ir.nodes) {
      const ta = !!n.attrs.transpose_a;
      const tb = !!n.attrs.transpose_b;
      if (!MATMULS.has(n.type) || (!ta && !tb) || n.outputs[0].dtype !== 'float32' || !bigEnough(n) ||
          (ta && !readable(n.inputs[0])) || (tb && !readable(n.inputs[1]))) {
        out.push(n);
        continue;
      }
      const flip = (k: number) => {
        const x = n.inputs[k];
        let t = made.get(x);
        if (!t) {
          const s = x.staticShape!;
          const r = s.length;
          const perm = [...Array(r - 2).keys(), r - 1, r - 2];
          const name = `${x.op.name}/layout_transpose_${x.value_index}`;
          let p = perms.get(r);
          if (!p) {
            const c = newNode(n.op, n.id, `${name}/perm`, 'Const', [], { value: new NDArray('int32', [r], Int32Array.from(perm)), dtype: 'int32' },
              [{ dtype: 'int32', shape: [r] }]);
            out.push(c);
            perms.set(r, (p = c.outputs[0]));
          }
          const tr = newNode(n.op, n.id, name, 'Transpose', [x, p], {}, [{ dtype: x.dtype, shape: perm.map((i) => s[i]) }]);
          out.push(tr);
          made.set(x, (t = tr.outputs[0]));
        }
        n.inputs = n.inputs.map((v, i) => (i === k ? t! : v));
      };
      if (ta) flip(0);
      if (tb) flip(1);
      n.attrs = { ...n.attrs, transpose_a: false, transpose_b: false };
      details.push(`${n.op.name} (${n.type}): ${[ta && 'a', tb && 'b'].filter(Boolean).join(' and ')} transposed ahead, NN matmul`);
      out.push(n);
    }
    ir.nodes = out;
    return ir;
  },
};

/** Statically known m·k·n at least LAYOUT_MIN_FLOPS (an unknown dim, e.g. the batch, counts as large). */
function bigEnough(n: Node): boolean {
  const [a, b] = n.inputs;
  const sa = a.staticShape;
  const sb = b.staticShape;
  if (sa === null || sb === null || sa.length < 2 || sb.length < 2) return false;
  const dims = [sa.at(-2)!, sa.at(-1)!, n.attrs.transpose_b ? sb.at(-2)! : sb.at(-1)!];
  if (dims.some((d) => d === null)) return true;
  return (dims as number[]).reduce((p, d) => p * d, 1) >= LAYOUT_MIN_FLOPS;
}
