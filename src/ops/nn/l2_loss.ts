// L2Loss (tf.nn.l2_loss(t)): the scalar Σ t² / 2.
import { defineOp } from '../registry.ts';
import { unary } from '../math/elementwise.ts';
import { checkDType, scalar, type NameOpt } from './helpers.ts';
import { isFloating } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from '../math/api.ts';

export const L2Loss = defineOp({
  type: 'L2Loss',
  infer: (ctx) => {
    checkDType(ctx, 0, 't', isFloating);
    return [{ dtype: ctx.inputs[0].dtype, shape: [] }];
  },
  kernel: (ctx) => {
    const t = ctx.inputs[0];
    const sq = ctx.call('Square', { x: t });
    const rank = t.shape.length;
    const total = rank === 0 ? sq : ctx.call('Sum', { x: sq }, { axis: [...Array(rank).keys()], keepDims: false });
    return [ctx.call('Multiply', { a: total, b: scalar(ctx, 0.5) })];
  },
  // d(Σ t²/2)/dt = t, scaled by the scalar dy.
  grad: (op, [dy]) => [multiply(op.inputs[0], dy!)],
});

export function l2_loss(t: unknown, opts: NameOpt = {}): Tensor {
  return unary('L2Loss', t, opts.name);
}
