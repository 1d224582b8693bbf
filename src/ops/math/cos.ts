// Cos (tf.cos): elementwise cosine.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Cos = defineOp({
  type: 'Cos',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Cos'),
});

export function cos(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Cos', x, opts.name);
}
