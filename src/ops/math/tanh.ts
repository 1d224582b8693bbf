// Tanh: elementwise hyperbolic tangent.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Tanh = defineOp({
  type: 'Tanh',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Tanh'),
});

export function tanh(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Tanh', x, opts.name);
}
