// Gradients of MatMul and BatchMatMulV2 (TF1's _MatMulGrad, _BatchMatMulV2Grad).
import type { Tensor } from '../../graph/tensor.ts';
import type { Operation } from '../../graph/graph.ts';
import { isFullyDefined } from '../../graph/shape.ts';
import { reshape } from '../array/reshape.ts';
import { shape as shapeOf } from '../array/shape.ts';
import { reduce_sum } from './sum.ts';
import { matmul } from './matmul.ts';

/** TF1's _MatMulGrad / _BatchMatMulV2 for each transpose_a/b combination; batch grads are summed over broadcast dims. */
export function matmulGrad(op: Operation, [dy]: (Tensor | null)[]): (Tensor | null)[] {
  if (!dy) return [null, null];
  const [a, b] = op.inputs;
  const ta = !!op.attrs.transpose_a;
  const tb = !!op.attrs.transpose_b;
  const mm = (x: Tensor, y: Tensor, tx: boolean, ty: boolean) => matmul(x, y, { transpose_a: tx, transpose_b: ty });
  let ga: Tensor;
  let gb: Tensor;
  if (!ta && !tb) [ga, gb] = [mm(dy, b, false, true), mm(a, dy, true, false)];
  else if (!ta && tb) [ga, gb] = [mm(dy, b, false, false), mm(dy, a, true, false)];
  else if (ta && !tb) [ga, gb] = [mm(b, dy, false, true), mm(a, dy, false, false)];
  else [ga, gb] = [mm(b, dy, true, true), mm(dy, a, true, true)];
  if (op.type === 'MatMul') return [ga, gb];
  return [sumBatchTo(ga, a), sumBatchTo(gb, b)];
}

/** A batch-matmul gradient summed over the batch dims its operand was broadcast along (static shapes). */
function sumBatchTo(g: Tensor, target: Tensor): Tensor {
  const gs = g.staticShape;
  const ts = target.staticShape;
  if (gs === null || ts === null) return g; // unknown ranks: assumes the batch dims were not broadcast
  const off = gs.length - ts.length;
  const axes: number[] = [];
  for (let i = 0; i < gs.length - 2; i++) {
    if (i < off || (ts[i - off] === 1 && gs[i] !== 1)) axes.push(i);
  }
  if (axes.length === 0) return g;
  const summed = reduce_sum(g, axes);
  return isFullyDefined(ts) ? reshape(summed, ts) : reshape(summed, shapeOf(target));
}
