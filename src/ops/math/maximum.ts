// Maximum (tf.maximum): elementwise max(x, y) with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { cast } from './cast.ts';
import { greater_equal } from './greater_equal.ts';

export const Maximum = defineOp({
  type: 'Maximum',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Maximum'),
  // TF1: dy goes to x where x ≥ y (ties to x), else to y; each summed back over its broadcast axes.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    const m = cast(greater_equal(x, y), dy.dtype);
    const gx = multiply(dy, m);
    return [unbroadcast(gx, x, y)[0], unbroadcast(sub(dy, gx), x, y)[1]];
  },
});

export function maximum(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Maximum', x, y, opts.name);
}
