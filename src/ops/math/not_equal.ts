// NotEqual (tf.not_equal): elementwise x != y (bool), broadcasting; any dtype incl. bool.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const NotEqual = defineOp({
  type: 'NotEqual',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', undefined),
  kernel: binaryKernel('NotEqual'),
});

export function not_equal(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('NotEqual', x, y, opts.name);
}
