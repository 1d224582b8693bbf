// Add (tf.add, `a + b`): elementwise sum with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';

export const Add = defineOp({
  type: 'Add',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Add'),
  // Both operands get dy, summed back over the axes they were broadcast along.
  grad: (op, [dy]) => (dy ? unbroadcast(dy, op.inputs[0], op.inputs[1]) : [null, null]),
});

export function add(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Add', x, y, opts.name);
}
