// Elu (tf.nn.elu): elementwise x for x > 0, e^x − 1 otherwise.
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferFloatUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Elu = defineOp({
  type: 'Elu',
  infer: (ctx) => inferFloatUnary(ctx),
  kernel: unaryKernel('Elu'),
});

export function elu(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Elu', features, opts.name);
}
