// Exp (tf.exp): elementwise e^x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Exp = defineOp({
  type: 'Exp',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Exp'),
});

export function exp(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Exp', x, opts.name);
}
