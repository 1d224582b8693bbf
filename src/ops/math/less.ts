// Less (tf.less): elementwise x < y (bool), broadcasting; real numbers.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Less = defineOp({
  type: 'Less',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', NUMBERS),
  kernel: binaryKernel('Less'),
});

export function less(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Less', x, y, opts.name);
}
