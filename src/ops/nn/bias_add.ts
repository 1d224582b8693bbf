// BiasAdd (tf.nn.bias_add(value, bias)): adds a rank-1 bias along the last axis of value (NHWC).
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import { checkDType, isReal, nameScope, type NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { reduce_sum } from '../math/api.ts';
import { concat, reshape, shape } from '../array/api.ts';
import { constant } from '../constant.ts';

export const BiasAdd = defineOp({
  type: 'BiasAdd',
  infer: (ctx) => {
    const [value, bias] = ctx.inputs;
    checkDType(ctx, 0, 'value', isReal);
    if (bias.dtype !== value.dtype) {
      throw new TypeError(`Input 'bias' of 'BiasAdd' Op has type ${bias.dtype} that does not match type ${value.dtype} of argument 'value'.`);
    }
    const vs = value.staticShape;
    const bs = bias.staticShape;
    if (vs !== null && vs.length < 2) ctx.fail(`Shape must be at least rank 2 but is rank ${vs.length}`);
    if (bs !== null && bs.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${bs.length}`);
    if (vs === null) return [{ dtype: value.dtype, shape: null }];
    const last = vs[vs.length - 1];
    const b = bs === null ? null : bs[0];
    if (last !== null && b !== null && last !== b) ctx.fail(`Dimensions must be equal, but are ${last} and ${b}`);
    return [{ dtype: value.dtype, shape: [...vs.slice(0, -1), last ?? b] }];
  },
  kernel: (ctx) => [ctx.call('Add', { a: ctx.inputs[0], b: ctx.inputs[1] })],
  // TF1's _BiasAddGrad: dy for value; dy summed over every axis but the last (BiasAddGrad) for bias.
  grad: (op, [dy]) => [dy!, biasGrad(dy!, op.inputs[1])],
});

export interface BiasAddOptions extends NameOpt { data_format?: string | null }

/** TF1 builds it in name scope 'BiasAdd' (bias converted to value's dtype) and names the op after the scope. */
export function bias_add(value: unknown, bias: unknown, opts: BiasAddOptions = {}): Tensor {
  if (opts.data_format && opts.data_format !== 'NHWC' && opts.data_format !== 'N...C') {
    throw new Error(`ValueError: bias_add: data_format '${opts.data_format}' is not supported (only NHWC)`);
  }
  return nameScope([value, bias], opts.name, 'BiasAdd', (scope) => {
    const v = toTensor(value, { name: 'input' });
    const b = toTensor(bias, { dtype: v.dtype, name: 'bias' });
    return makeOp('BiasAdd', [v, b], {}, { name: scope }).outputs[0];
  });
}

/** Σ of dy over all axes but the last: static axes when the rank is known, else over rows of [-1, C]. */
function biasGrad(dy: Tensor, bias: Tensor): Tensor {
  const s = dy.staticShape;
  if (s !== null) return reduce_sum(dy, s.slice(0, -1).map((_, i) => i));
  return reduce_sum(reshape(dy, concat([constant([-1], { dtype: 'int32' }), shape(bias)], 0)), 0);
}
