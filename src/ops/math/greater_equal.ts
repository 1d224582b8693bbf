// GreaterEqual (tf.greater_equal): elementwise x >= y (bool), broadcasting; real numbers.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const GreaterEqual = defineOp({
  type: 'GreaterEqual',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', NUMBERS),
  kernel: binaryKernel('GreaterEqual'),
});

export function greater_equal(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('GreaterEqual', x, y, opts.name);
}
