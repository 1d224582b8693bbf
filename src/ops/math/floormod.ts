// FloorMod (tf.mod, tf.floormod, `a % b`): remainder of floor division; its sign follows the divisor.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const FloorMod = defineOp({
  type: 'FloorMod',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Mod'),
});

export function floormod(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('FloorMod', x, y, opts.name);
}

export { floormod as mod };
