// Rsqrt (tf.rsqrt): elementwise 1 / √x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Rsqrt = defineOp({
  type: 'Rsqrt',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Rsqrt'),
});

export function rsqrt(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Rsqrt', x, opts.name);
}
