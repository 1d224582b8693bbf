// SquaredDifference (tf.squared_difference): elementwise (x − y)² with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const SquaredDifference = defineOp({
  type: 'SquaredDifference',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('SquaredDifference'),
});

export function squared_difference(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('SquaredDifference', x, y, opts.name);
}
