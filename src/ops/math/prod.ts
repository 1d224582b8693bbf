// Prod (tf.reduce_prod): product of elements across axes (all when axis is null; keepdims keeps them as 1).
import { defineOp } from '../registry.ts';
import { NUMBERS } from './elementwise.ts';
import { inferReduction, reduce, reduceKernel, type ReduceOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { keptDims, spreadTo } from './grad_util.ts';
import { multiply } from './mul.ts';
import { realdiv } from './realdiv.ts';

export const Prod = defineOp({
  type: 'Prod',
  infer: (ctx) => inferReduction(ctx, NUMBERS),
  kernel: reduceKernel('Prod', 'axis'),
  // Simpler than TF1's cumprod formula: ∂prod/∂xᵢ = prod/xᵢ, correct for nonzero inputs only.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const x = op.inputs[0];
    const scaled = multiply(keptDims(op, dy), keptDims(op, op.outputs[0]));
    return [realdiv(spreadTo(scaled, x), x), null];
  },
});

export function reduce_prod(input_tensor: unknown, axis?: unknown, opts?: ReduceOptions): Tensor {
  return reduce('Prod', input_tensor, axis, opts);
}
