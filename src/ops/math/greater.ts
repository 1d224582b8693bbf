// Greater (tf.greater): elementwise x > y (bool), broadcasting; real numbers.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Greater = defineOp({
  type: 'Greater',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', NUMBERS),
  kernel: binaryKernel('Greater'),
});

export function greater(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Greater', x, y, opts.name);
}
