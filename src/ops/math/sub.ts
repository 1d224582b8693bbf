// Sub (tf.sub): elementwise difference with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { negative } from './neg.ts';

export const Sub = defineOp({
  type: 'Sub',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Sub'),
  // (dy, −dy), each summed back over its broadcast axes.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    return [unbroadcast(dy, x, y)[0], unbroadcast(negative(dy), x, y)[1]];
  },
});

export function sub(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Sub', x, y, opts.name);
}
