// Log1p (tf.log1p): elementwise log(1 + x).
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Log1p = defineOp({
  type: 'Log1p',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Log1p'),
});

export function log1p(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Log1p', x, opts.name);
}
