// Ceil (tf.ceil): elementwise smallest integer ≥ x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Ceil = defineOp({
  type: 'Ceil',
  nondiff: true, // TF1 registers no gradient (None)
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Ceil'),
});

export function ceil(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Ceil', x, opts.name);
}
