// LeakyRelu (tf.nn.leaky_relu(features, {alpha: 0.2})): elementwise x for x ≥ 0, alpha·x otherwise.
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import { cast } from '../math/api.ts';
import { isInteger } from '../../graph/dtypes.ts';
import { inferFloatUnary, nameScope } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { greater, multiply } from '../math/api.ts';
import { where } from '../array/api.ts';

export const LeakyRelu = defineOp({
  type: 'LeakyRelu',
  infer: (ctx) => {
    if (typeof ctx.attrs.alpha !== 'number' || !Number.isFinite(ctx.attrs.alpha)) {
      throw new TypeError(`Expected float for argument 'alpha' not ${JSON.stringify(ctx.attrs.alpha)}.`);
    }
    return inferFloatUnary(ctx);
  },
  kernel: (ctx) => [ctx.call('LeakyRelu', { x: ctx.inputs[0] }, { alpha: ctx.attrs.alpha })],
  // TF's LeakyReluGrad: dy where x > 0, alpha · dy elsewhere.
  grad: (op, [dy]) => [where(greater(op.inputs[0], 0), dy!, multiply(dy!, op.attrs.alpha as number))],
});

export interface LeakyReluOptions { alpha?: number; name?: string }

/** TF1 builds it in name scope 'LeakyRelu' (integers cast to float32) and names the op after the scope. */
export function leaky_relu(features: unknown, opts: LeakyReluOptions = {}): Tensor {
  return nameScope([features], opts.name, 'LeakyRelu', (scope) => {
    let x = toTensor(features, { name: 'features' });
    if (isInteger(x.dtype)) x = cast(x, 'float32');
    return makeOp('LeakyRelu', [x], { alpha: opts.alpha ?? 0.2 }, { name: scope }).outputs[0];
  });
}
