// Sign (tf.sign): elementwise −1, 0 or 1.
import { defineOp } from '../registry.ts';
import { FLOAT_INT, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sign = defineOp({
  type: 'Sign',
  nondiff: true, // piecewise constant (TF1's gradient is zeros)
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: unaryKernel('Sign'),
});

export function sign(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sign', x, opts.name);
}
