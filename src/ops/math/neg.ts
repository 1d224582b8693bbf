// Neg (tf.negative, `-x`): elementwise negation.
import { defineOp } from '../registry.ts';
import { FLOAT_INT, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';


export const Neg = defineOp({
  type: 'Neg',
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: unaryKernel('Neg'),
  // d(−x) = −dy.
  grad: (op, [dy]) => [dy ? negative(dy) : null],
});

export function negative(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Neg', x, opts.name);
}
