// FloorMod (tf.mod, tf.floormod, `a % b`): remainder of floor division; its sign follows the divisor.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { unbroadcast } from '../../autodiff/helpers.ts';
import { multiply } from './mul.ts';
import { negative } from './neg.ts';
import { floor } from './floor.ts';
import { realdiv } from './realdiv.ts';

export const FloorMod = defineOp({
  type: 'FloorMod',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Mod'),
  // TF1: x mod y = x − floor(x/y)·y, so (dy, −dy·floor(x/y)) with floor's derivative taken as 0.
  grad: (op, [dy]) => {
    if (!dy) return [null, null];
    const [x, y] = op.inputs;
    const gy = multiply(negative(dy), floor(realdiv(x, y)));
    return [unbroadcast(dy, x, y)[0], unbroadcast(gy, x, y)[1]];
  },
});

export function floormod(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('FloorMod', x, y, opts.name);
}

export { floormod as mod };
