// Relu6 (tf.nn.relu6): elementwise min(max(x, 0), 6), on ints and floats.
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferRealUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Relu6 = defineOp({
  type: 'Relu6',
  infer: (ctx) => inferRealUnary(ctx),
  kernel: unaryKernel('Relu6'),
});

export function relu6(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Relu6', features, opts.name);
}
