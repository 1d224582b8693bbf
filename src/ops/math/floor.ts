// Floor (tf.floor): elementwise largest integer ≤ x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Floor = defineOp({
  type: 'Floor',
  nondiff: true, // TF1 registers no gradient (None)
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Floor'),
});

export function floor(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Floor', x, opts.name);
}
