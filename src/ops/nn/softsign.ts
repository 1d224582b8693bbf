// Softsign (tf.nn.softsign): elementwise x / (1 + |x|).
import { defineOp } from '../registry.ts';
import { unary } from '../math/elementwise.ts';
import { inferFloatUnary, scalar, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { abs, add, realdiv, square } from '../math/api.ts';

export const Softsign = defineOp({
  type: 'Softsign',
  infer: (ctx) => inferFloatUnary(ctx),
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const denom = ctx.call('Add', { a: ctx.call('Abs', { x }), b: scalar(ctx, 1) });
    return [ctx.call('RealDiv', { a: x, b: denom })];
  },
  // TF's SoftsignGrad: dy / (1 + |x|)².
  grad: (op, [dy]) => [realdiv(dy!, square(add(abs(op.inputs[0]), 1)))],
});

export function softsign(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Softsign', features, opts.name);
}
