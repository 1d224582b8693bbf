// FloorDiv (tf.floordiv, `a // b`): division rounded toward −infinity, with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const FloorDiv = defineOp({
  type: 'FloorDiv',
  nondiff: true, // TF1 registers no gradient (None)
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: (ctx) => {
    const [a, b] = ctx.inputs;
    // tfjs's cpu FloorDiv returns int32 for float inputs: floats use floor(a / b).
    if (a.dtype === 'float32') return [ctx.call('Floor', { x: ctx.call('RealDiv', { a, b }) })];
    return [ctx.call('FloorDiv', { a, b })];
  },
});

/** tf.floordiv(x, y): the op is named 'floordiv' by default, as TF1's wrapper scope names it. */
export function floordiv(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('FloorDiv', x, y, opts.name, 'floordiv');
}
