// ArgMax (tf.argmax): index of the largest value along an axis (default 0); int64 labels by default, ties → smallest index.
import { defineOp } from '../registry.ts';
import { argKernel, argReduce, inferArg, type ArgOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const ArgMax = defineOp({
  type: 'ArgMax',
  nondiff: true,
  infer: (ctx) => inferArg(ctx),
  kernel: argKernel('ArgMax'),
});

export function argmax(input: unknown, axis?: unknown, opts?: ArgOptions): Tensor {
  return argReduce('ArgMax', input, axis, opts);
}
