// Maximum (tf.maximum): elementwise max(x, y) with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Maximum = defineOp({
  type: 'Maximum',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Maximum'),
});

export function maximum(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Maximum', x, y, opts.name);
}
