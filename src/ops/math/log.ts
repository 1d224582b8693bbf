// Log (tf.log): elementwise natural logarithm (log 0 = −inf).
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Log = defineOp({
  type: 'Log',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Log'),
});

export function log(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Log', x, opts.name);
}
