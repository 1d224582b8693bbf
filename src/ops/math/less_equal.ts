// LessEqual (tf.less_equal): elementwise x <= y (bool), broadcasting; real numbers.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const LessEqual = defineOp({
  type: 'LessEqual',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', NUMBERS),
  kernel: binaryKernel('LessEqual'),
});

export function less_equal(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('LessEqual', x, y, opts.name);
}
