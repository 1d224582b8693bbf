// Exp (tf.exp): elementwise e^x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';

export const Exp = defineOp({
  type: 'Exp',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Exp'),
  // d(eˣ) = dy·eˣ, from the output.
  grad: (op, [dy]) => [dy ? multiply(dy, op.outputs[0]) : null],
});

export function exp(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Exp', x, opts.name);
}
