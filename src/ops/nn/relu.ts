// Relu (tf.nn.relu): elementwise max(x, 0), on ints and floats.
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferRealUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { greater } from '../math/api.ts';
import { masked } from './grad_helpers.ts';

export const Relu = defineOp({
  type: 'Relu',
  infer: (ctx) => inferRealUnary(ctx),
  kernel: unaryKernel('Relu'),
  // TF's ReluGrad: dy where the output is positive (0 at the kink).
  grad: (op, [dy]) => [masked(greater(op.outputs[0], 0), dy!)],
});

export function relu(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Relu', features, opts.name);
}
