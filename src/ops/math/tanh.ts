// Tanh: elementwise hyperbolic tangent.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { square } from './square.ts';

export const Tanh = defineOp({
  type: 'Tanh',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Tanh'),
  // TF1's TanhGrad: dy·(1 − y²), from the output.
  grad: (op, [dy]) => [dy ? multiply(dy, sub(1, square(op.outputs[0]))) : null],
});

export function tanh(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Tanh', x, opts.name);
}
