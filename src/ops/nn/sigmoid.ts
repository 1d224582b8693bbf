// Sigmoid (tf.sigmoid, tf.nn.sigmoid): elementwise 1 / (1 + e^−x).
import { defineOp } from '../registry.ts';
import { unary, unaryKernel } from '../math/elementwise.ts';
import { inferFloatUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sigmoid = defineOp({
  type: 'Sigmoid',
  infer: (ctx) => inferFloatUnary(ctx, 'x'),
  kernel: unaryKernel('Sigmoid'),
});

export function sigmoid(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sigmoid', x, opts.name);
}
