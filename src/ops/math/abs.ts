// Abs (tf.abs, `abs(x)`): elementwise absolute value.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { sign } from './sign.ts';

export const Abs = defineOp({
  type: 'Abs',
  infer: (ctx) => inferUnary(ctx, [...FLOATS, 'int8', 'int16', 'int32', 'int64']),
  kernel: unaryKernel('Abs'),
  // d|x| = dy·sign(x).
  grad: (op, [dy]) => [dy ? multiply(dy, sign(op.inputs[0])) : null],
});

export function abs(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Abs', x, opts.name);
}
