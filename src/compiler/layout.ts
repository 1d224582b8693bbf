// layout (wasm): an operand that several matmuls read transposed is transposed once, ahead, for wasm's fast NN path.
import type { Tensor } from '../graph/tensor.ts';
import { NDArray } from '../runtime/ndarray.ts';
import { newNode, producerMap, type Node, type Pass } from './ir.ts';

/**
 * Measured here (wasm, tfjs 4.22, bench in the report of issue 5): a flagged BatchMatMul leaves XNNPACK and runs
 * 2–10× slower than Transpose + NN matmul (e.g. 170×25×100: 0.26 ms vs 0.035 ms; 200×2·(16×2)ᵀ: 17 µs vs 5 µs).
 * On wasm the fuse pass makes every rank-2 MatMul a _FusedMatMul, whose kernel decides per run (a flagged operand
 * with a unit dim is a reshape, a one-row A·Bᵀ runs as B·Aᵀ, others are transposed first), so this pass only
 * shares work: an operand read transposed by two or more matmuls (an unrolled RNN's weight in its gradient) is
 * transposed once. BatchMatMulV2 (whose kernel keeps tfjs's flags) is transposed ahead from LAYOUT_MIN_FLOPS up.
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
    const flagged = new Map<Tensor, number>();
    for (const n of ir.nodes) {
      if (!MATMULS.has(n.type)) continue;
      if (n.attrs.transpose_a) flagged.set(n.inputs[0], (flagged.get(n.inputs[0]) ?? 0) + 1);
      if (n.attrs.transpose_b) flagged.set(n.inputs[1], (flagged.get(n.inputs[1]) ?? 0) + 1);
    }
    // _FusedMatMul's kernel handles a lone flagged operand itself, as well or better (reshapes for unit dims).
    const worth = (n: Node, x: Tensor) => n.type !== '_FusedMatMul' || ((flagged.get(x) ?? 0) >= 2 && !hasUnitDim(x));
    const out: Node[] = [];
    for (const n of ir.nodes) {
      const ta = !!n.attrs.transpose_a && worth(n, n.inputs[0]);
      const tb = !!n.attrs.transpose_b && worth(n, n.inputs[1]);
      if (!MATMULS.has(n.type) || (!ta && !tb) || n.outputs[0].dtype !== 'float32' || (n.type !== '_FusedMatMul' && !bigEnough(n)) ||
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
      n.attrs = { ...n.attrs, transpose_a: !!n.attrs.transpose_a && !ta, transpose_b: !!n.attrs.transpose_b && !tb };
      details.push(`${n.op.name} (${n.type}): ${[ta && 'a', tb && 'b'].filter(Boolean).join(' and ')} transposed ahead, NN matmul`);
      out.push(n);
    }
    ir.nodes = out;
    return ir;
  },
};

/** A matrix with a statically known dim of 1 (its transpose is a reshape). */
function hasUnitDim(x: Tensor): boolean {
  const s = x.staticShape;
  return s !== null && (s.at(-1) === 1 || s.at(-2) === 1);
}

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
