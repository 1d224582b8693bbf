// Sqrt (tf.sqrt): elementwise square root.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sqrt = defineOp({
  type: 'Sqrt',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Sqrt'),
});

export function sqrt(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sqrt', x, opts.name);
}
