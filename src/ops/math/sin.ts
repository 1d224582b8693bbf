// Sin (tf.sin): elementwise sine.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sin = defineOp({
  type: 'Sin',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Sin'),
});

export function sin(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sin', x, opts.name);
}
