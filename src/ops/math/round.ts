// Round (tf.round): elementwise rounding to the nearest integer, halves to even; integers pass through.
import { defineOp } from '../registry.ts';
import { isInteger } from '../../graph/dtypes.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { FLOAT_INT, inferUnary, unary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Round = defineOp({
  type: 'Round',
  nondiff: true, // TF1 registers no gradient (None)
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: (ctx) => [ctx.inputs[0].dtype === 'float32' ? ctx.call('Round', { x: ctx.inputs[0] }) : ctx.keep(ctx.inputs[0])],
});

/** tf.round(x): an integer tensor is returned as is (no op), as TF1 does. */
export function round(x: unknown, opts: NameOpt = {}): Tensor {
  if (isTensorValue(x) && isInteger(toTensor(x).dtype)) return toTensor(x);
  return unary('Round', x, opts.name);
}
