// OnesLike (tf.ones_like): ones of the input's shape; a Const via tf.ones when the static shape is known.
import { asDType, type DType } from '../../graph/dtypes.ts';
import { isFullyDefined } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { opScope, type NameOpt } from './util.ts';
import { filled } from './zeros_ones.ts';
import { shape as shapeOf } from './shape.ts';

export const OnesLike = defineOp({
  type: 'OnesLike',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.inputs[0].dtype, shape: ctx.inputs[0].staticShape }],
  kernel: (ctx) => [ctx.call('OnesLike', { x: ctx.inputs[0] })],
});

/** tf.ones_like(tensor, {dtype, optimize=true}). */
export function ones_like(tensor: unknown, opts: NameOpt & { dtype?: DType | string; optimize?: boolean } = {}): Tensor {
  return opScope([tensor], opts.name, 'ones_like', (scope) => {
    const x = toTensor(tensor, { name: 'tensor' });
    const dtype = opts.dtype === undefined || opts.dtype === null ? x.dtype : asDType(opts.dtype);
    const s = x.staticShape;
    if ((opts.optimize ?? true) && isFullyDefined(s)) return filled(1, s, dtype, scope);
    if (dtype !== x.dtype) return filled(1, shapeOf(x), dtype, scope);
    return makeOp('OnesLike', [x], {}, { name: scope }).outputs[0];
  });
}
