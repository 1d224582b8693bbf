// Relu6 (tf.nn.relu6): elementwise min(max(x, 0), 6), on ints and floats.
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferRealUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { greater, less, logical_and } from '../math/api.ts';
import { masked } from './grad_helpers.ts';

export const Relu6 = defineOp({
  type: 'Relu6',
  infer: (ctx) => inferRealUnary(ctx),
  kernel: unaryKernel('Relu6'),
  // TF's Relu6Grad: dy where 0 < x < 6.
  grad: (op, [dy]) => {
    const x = op.inputs[0];
    return [masked(logical_and(greater(x, 0), less(x, 6)), dy!)];
  },
});

export function relu6(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Relu6', features, opts.name);
}
