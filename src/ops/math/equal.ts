// Equal (tf.equal): elementwise x == y (bool), broadcasting; any dtype incl. bool.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Equal = defineOp({
  type: 'Equal',
  nondiff: true,
  infer: (ctx) => inferBinary(ctx, 'bool', undefined),
  kernel: binaryKernel('Equal'),
});

export function equal(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Equal', x, y, opts.name);
}
