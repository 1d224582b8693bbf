// Softplus (tf.nn.softplus): elementwise log(1 + e^x), computed stably as max(x, 0) + log1p(e^−|x|).
import { defineOp } from '../registry.ts';
import { unary } from '../math/elementwise.ts';
import { inferFloatUnary, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from '../math/api.ts';
import { sigmoid } from './sigmoid.ts';

export const Softplus = defineOp({
  type: 'Softplus',
  infer: (ctx) => inferFloatUnary(ctx),
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const negAbs = ctx.call('Neg', { x: ctx.call('Abs', { x }) });
    const tail = ctx.call('Log1p', { x: ctx.call('Exp', { x: negAbs }) });
    return [ctx.call('Add', { a: ctx.call('Relu', { x }), b: tail })];
  },
  // TF's SoftplusGrad: dy · sigmoid(x).
  grad: (op, [dy]) => [multiply(dy!, sigmoid(op.inputs[0]))],
});

export function softplus(features: unknown, opts: NameOpt = {}): Tensor {
  return unary('Softplus', features, opts.name);
}
