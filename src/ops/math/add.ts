// Add (tf.add, `a + b`): elementwise sum with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Add = defineOp({
  type: 'Add',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Add'),
});

export function add(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Add', x, y, opts.name);
}
