// Sum (tf.reduce_sum): sum of elements across axes (all when axis is null; keepdims keeps them as 1).
import { defineOp } from '../registry.ts';
import { NUMBERS } from './elementwise.ts';
import { inferReduction, reduce, reduceKernel, type ReduceOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sum = defineOp({
  type: 'Sum',
  infer: (ctx) => inferReduction(ctx, NUMBERS),
  kernel: reduceKernel('Sum', 'axis'),
});

export function reduce_sum(input_tensor: unknown, axis?: unknown, opts?: ReduceOptions): Tensor {
  return reduce('Sum', input_tensor, axis, opts);
}
