// Elu (tf.nn.elu): elementwise x for x > 0, e^x − 1 otherwise.
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferFloatUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { add, less, multiply } from '../math/api.ts';
import { where } from '../array/api.ts';

export const Elu = defineOp({
  type: 'Elu',
  infer: (ctx) => inferFloatUnary(ctx),
  kernel: unaryKernel('Elu'),
  // TF's EluGrad: dy · (y + 1) where y < 0 (d/dx e^x − 1 = e^x = y + 1), else dy.
  grad: (op, [dy]) => {
    const y = op.outputs[0];
    return [where(less(y, 0), multiply(dy!, add(y, 1)), dy!)];
  },
});

export function elu(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Elu', features, opts.name);
}
