// Sigmoid (tf.sigmoid, tf.nn.sigmoid): elementwise 1 / (1 + e^−x).
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferFloatUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply, sub } from '../math/api.ts';

export const Sigmoid = defineOp({
  type: 'Sigmoid',
  infer: (ctx) => inferFloatUnary(ctx, 'x'),
  kernel: unaryKernel('Sigmoid'),
  // TF's SigmoidGrad: dy · y · (1 − y), from the output y.
  grad: (op, [dy]) => {
    const y = op.outputs[0];
    return [multiply(dy!, multiply(y, sub(1, y)))];
  },
});

export function sigmoid(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sigmoid', x, opts.name);
}
