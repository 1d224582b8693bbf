// Square (tf.square): elementwise x².
import { defineOp } from '../registry.ts';
import { FLOAT_INT, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';

export const Square = defineOp({
  type: 'Square',
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: unaryKernel('Square'),
  // d(x²) = dy·2x.
  grad: (op, [dy]) => [dy ? multiply(dy, multiply(op.inputs[0], 2)) : null],
});

export function square(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Square', x, opts.name);
}
