// Square (tf.square): elementwise x².
import { defineOp } from '../registry.ts';
import { FLOAT_INT, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Square = defineOp({
  type: 'Square',
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: unaryKernel('Square'),
});

export function square(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Square', x, opts.name);
}
