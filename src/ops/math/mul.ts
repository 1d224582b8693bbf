// Mul (tf.multiply): elementwise product with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';

export const Mul = defineOp({
  type: 'Mul',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Multiply'),
  // d(x·y) = (dy·y, x·dy), each summed back over its broadcast axes.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    return [unbroadcast(multiply(dy, y), x, y)[0], unbroadcast(multiply(x, dy), x, y)[1]];
  },
});

export function multiply(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Mul', x, y, opts.name);
}
