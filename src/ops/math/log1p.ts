// Log1p (tf.log1p): elementwise log(1 + x).
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { realdiv } from './realdiv.ts';
import { add } from './add.ts';

export const Log1p = defineOp({
  type: 'Log1p',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Log1p'),
  // d(log(1 + x)) = dy/(1 + x).
  grad: (op, [dy]) => [dy ? realdiv(dy, add(op.inputs[0], 1)) : null],
});

export function log1p(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Log1p', x, opts.name);
}
