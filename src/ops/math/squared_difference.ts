// SquaredDifference (tf.squared_difference): elementwise (x − y)² with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { negative } from './neg.ts';

export const SquaredDifference = defineOp({
  type: 'SquaredDifference',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('SquaredDifference'),
  // d(x − y)² = (2·dy·(x − y), −2·dy·(x − y)), each summed back over its broadcast axes.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    const gx = multiply(multiply(dy, 2), sub(x, y));
    return [unbroadcast(gx, x, y)[0], unbroadcast(negative(gx), x, y)[1]];
  },
});

export function squared_difference(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('SquaredDifference', x, y, opts.name);
}
