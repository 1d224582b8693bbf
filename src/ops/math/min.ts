// Min (tf.reduce_min): minimum of elements across axes (all when axis is null; keepdims keeps them as 1).
import { defineOp } from '../registry.ts';
import { NUMBERS } from './elementwise.ts';
import { inferReduction, reduce, reduceKernel, type ReduceOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { minOrMaxGrad } from './grad_util.ts';

export const Min = defineOp({
  type: 'Min',
  infer: (ctx) => inferReduction(ctx, NUMBERS),
  kernel: reduceKernel('Min', 'axis'),
  grad: minOrMaxGrad,
});

export function reduce_min(input_tensor: unknown, axis?: unknown, opts?: ReduceOptions): Tensor {
  return reduce('Min', input_tensor, axis, opts);
}
