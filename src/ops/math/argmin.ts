// ArgMin (tf.argmin): index of the smallest value along an axis (default 0); int64 labels by default, ties → smallest index.
import { defineOp } from '../registry.ts';
import { argKernel, argReduce, inferArg, type ArgOptions } from './reduction.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const ArgMin = defineOp({
  type: 'ArgMin',
  nondiff: true,
  infer: (ctx) => inferArg(ctx),
  kernel: argKernel('ArgMin'),
});

export function argmin(input: unknown, axis?: unknown, opts?: ArgOptions): Tensor {
  return argReduce('ArgMin', input, axis, opts);
}
