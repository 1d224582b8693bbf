// MatMul / BatchMatMul (tf.matmul): transpose_a/b, batch dims broadcast as in TF ≥1.14.
import { defineOp, makeOp, type InferCtx, type KernelCtx } from '../registry.ts';
import { broadcastShapes, formatDims, type Dim } from '../../graph/shape.ts';
import { dryInfer, withOperands } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { matmulGrad } from './matmul_grad.ts';

function inferMatMul(ctx: InferCtx) {
  const [a, b] = ctx.inputs;
  const ta = !!ctx.attrs.transpose_a;
  const tb = !!ctx.attrs.transpose_b;
  if (a.dtype !== b.dtype) {
    throw new TypeError(`Input 'b' of '${ctx.type}' Op has type ${b.dtype} that does not match type ${a.dtype} of argument 'a'.`);
  }
  const sa = a.staticShape;
  const sb = b.staticShape;
  if (sa !== null && sa.length < 2) ctx.fail(`Shape must be rank 2 but is rank ${sa.length}`);
  if (sb !== null && sb.length < 2) ctx.fail(`Shape must be rank 2 but is rank ${sb.length}`);
  if (ctx.type === 'MatMul' && ((sa && sa.length !== 2) || (sb && sb.length !== 2))) {
    ctx.fail(`Shape must be rank 2 but is rank ${(sa && sa.length !== 2 ? sa : sb)!.length}`);
  }
  if (sa === null || sb === null) return [{ dtype: a.dtype, shape: null }];
  const [m, k1] = ta ? [sa.at(-1)!, sa.at(-2)!] : [sa.at(-2)!, sa.at(-1)!];
  const [k2, n] = tb ? [sb.at(-1)!, sb.at(-2)!] : [sb.at(-2)!, sb.at(-1)!];
  if (k1 !== null && k2 !== null && k1 !== k2) ctx.fail(`Dimensions must be equal, but are ${k1} and ${k2}`);
  const batch = broadcastShapes(sa.slice(0, -2), sb.slice(0, -2));
  if (batch === 'error') ctx.fail(`Batch dimensions ${formatDims(sa.slice(0, -2))} and ${formatDims(sb.slice(0, -2))} are not broadcastable`);
  return [{ dtype: a.dtype, shape: [...(batch as Dim[]), m, n] }];
}

/** tfjs's BatchMatMul; wasm's takes only float32, so integers go through float32 (exact below 2^24). */
function matmulKernel(ctx: KernelCtx) {
  const attrs = { transposeA: !!ctx.attrs.transpose_a, transposeB: !!ctx.attrs.transpose_b };
  const [a, b] = broadcastBatch(ctx);
  if (a.dtype === 'float32') return [ctx.call('BatchMatMul', { a, b }, attrs)];
  const fa = ctx.call('Cast', { x: a }, { dtype: 'float32' });
  const fb = ctx.call('Cast', { x: b }, { dtype: 'float32' });
  return [ctx.call('Cast', { x: ctx.call('BatchMatMul', { a: fa, b: fb }, attrs) }, { dtype: 'int32' })];
}

/**
 * tfjs flattens batch dims and indexes them modulo each operand's batch size, which is right only when the
 * batch shapes are equal or one has a single batch; otherwise both are tiled to the broadcast batch shape.
 */
function broadcastBatch(ctx: KernelCtx) {
  const [a, b] = ctx.inputs;
  const ba = a.shape.slice(0, -2);
  const bb = b.shape.slice(0, -2);
  const prod = (s: number[]) => s.reduce((x, y) => x * y, 1);
  if (prod(ba) === 1 || prod(bb) === 1 || (ba.length === bb.length && ba.every((d, i) => d === bb[i]))) return [a, b];
  const n = Math.max(ba.length, bb.length);
  const pad = (s: number[]) => [...Array(n - s.length).fill(1), ...s];
  const [pa, pb] = [pad(ba), pad(bb)];
  const out = pa.map((d, i) => Math.max(d, pb[i]));
  const expand = (t: typeof a, p: number[]) => {
    const r = ctx.call('Reshape', { x: t }, { shape: [...p, ...t.shape.slice(-2)] });
    return ctx.call('Tile', { x: r }, { reps: [...out.map((d, i) => d / p[i]), 1, 1] });
  };
  return [expand(a, pa), expand(b, pb)];
}

export const MatMul = defineOp({
  type: 'MatMul',
  infer: inferMatMul,
  kernel: matmulKernel,
  grad: matmulGrad,
});

export const BatchMatMulV2 = defineOp({
  type: 'BatchMatMulV2',
  infer: (ctx) => inferMatMul(ctx),
  kernel: matmulKernel,
  grad: matmulGrad,
});

export interface MatMulOptions { transpose_a?: boolean; transpose_b?: boolean; adjoint_a?: boolean; adjoint_b?: boolean; name?: string }

/**
 * tf.matmul(a, b, {transpose_a, transpose_b}): rank 2 → MatMul, higher ranks → BatchMatMulV2; either is named
 * 'MatMul' by default (TF1's name scope), `x @ y` names it 'matmul'.
 */
export function matmul(a: unknown, b: unknown, opts: MatMulOptions = {}, defaultName = 'MatMul'): Tensor {
  const attrs = { transpose_a: !!(opts.transpose_a || opts.adjoint_a), transpose_b: !!(opts.transpose_b || opts.adjoint_b) };
  // TF1 uses BatchMatMulV2 when either rank is unknown or above 2.
  const typeOf = (x: Tensor, y: Tensor) => ([x, y].some((t) => t.staticShape === null || t.staticShape.length > 2) ? 'BatchMatMulV2' : 'MatMul');
  return withOperands([a, b], ['a', 'b'], opts.name, defaultName,
    ([x, y], n) => makeOp(typeOf(x, y), [x, y], attrs, { name: n }).outputs[0], true,
    ([x, y], n) => dryInfer(typeOf(x, y), [x, y], attrs, n));
}
