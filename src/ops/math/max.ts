// Max (tf.reduce_max): maximum of elements across axes (all when axis is null; keepdims keeps them as 1).
import { defineOp } from '../registry.ts';
import { NUMBERS } from './elementwise.ts';
import { inferReduction, reduce, reduceKernel, type ReduceOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { minOrMaxGrad } from './grad_util.ts';

export const Max = defineOp({
  type: 'Max',
  infer: (ctx) => inferReduction(ctx, NUMBERS),
  kernel: reduceKernel('Max', 'reductionIndices'),
  grad: minOrMaxGrad,
});

export function reduce_max(input_tensor: unknown, axis?: unknown, opts?: ReduceOptions): Tensor {
  return reduce('Max', input_tensor, axis, opts);
}
