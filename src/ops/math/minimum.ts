// Minimum (tf.minimum): elementwise min(x, y) with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { cast } from './cast.ts';
import { less_equal } from './less_equal.ts';

export const Minimum = defineOp({
  type: 'Minimum',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Minimum'),
  // TF1: dy goes to x where x ≤ y (ties to x), else to y; each summed back over its broadcast axes.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    const m = cast(less_equal(x, y), dy.dtype);
    const gx = multiply(dy, m);
    return [unbroadcast(gx, x, y)[0], unbroadcast(sub(dy, gx), x, y)[1]];
  },
});

export function minimum(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Minimum', x, y, opts.name);
}
