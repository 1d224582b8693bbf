// Log (tf.log): elementwise natural logarithm (log 0 = −inf).
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { realdiv } from './realdiv.ts';

export const Log = defineOp({
  type: 'Log',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Log'),
  // d(log x) = dy/x.
  grad: (op, [dy]) => [dy ? realdiv(dy, op.inputs[0]) : null],
});

export function log(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Log', x, opts.name);
}
