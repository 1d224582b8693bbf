// Tanh: elementwise hyperbolic tangent.
import { defineOp } from '../registry.ts';
import { inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import { isFloating } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Tanh = defineOp({
  type: 'Tanh',
  infer: (ctx) => inferUnary(ctx, isFloating),
  kernel: unaryKernel('Tanh'),
});

export function tanh(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Tanh', x, opts.name);
}
