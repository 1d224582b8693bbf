// Pow (tf.pow, `a ** b`): elementwise x^y with broadcasting (floats and int32/int64).
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { add } from './add.ts';
import { log } from './log.ts';
import { greater } from './greater.ts';
import { cast } from './cast.ts';

export const Pow = defineOp({
  type: 'Pow',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Pow'),
  // TF1: dx = dy·y·x^(y−1); dy·z·log(x) for y, taken as 0 where x ≤ 0 (log(x·m + 1 − m)·m keeps it finite).
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    const z = op.outputs[0];
    const gx = multiply(multiply(dy, y), pow(x, sub(y, 1)));
    const m = cast(greater(x, 0), x.dtype);
    const logx = multiply(log(add(multiply(x, m), sub(1, m))), m);
    return [unbroadcast(gx, x, y)[0], unbroadcast(multiply(multiply(dy, z), logx), x, y)[1]];
  },
});

export function pow(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Pow', x, y, opts.name);
}
