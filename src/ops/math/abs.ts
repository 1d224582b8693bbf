// Abs (tf.abs, `abs(x)`): elementwise absolute value.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Abs = defineOp({
  type: 'Abs',
  infer: (ctx) => inferUnary(ctx, [...FLOATS, 'int8', 'int16', 'int32', 'int64']),
  kernel: unaryKernel('Abs'),
});

export function abs(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Abs', x, opts.name);
}
