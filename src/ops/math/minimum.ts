// Minimum (tf.minimum): elementwise min(x, y) with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Minimum = defineOp({
  type: 'Minimum',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Minimum'),
});

export function minimum(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Minimum', x, y, opts.name);
}
