// ZerosLike (tf.zeros_like): zeros of the input's shape; a Const via tf.zeros when the static shape is known (as TF1).
import { asDType, type DType } from '../../graph/dtypes.ts';
import { isFullyDefined } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { opScope, type NameOpt } from './util.ts';
import { filled } from './zeros_ones.ts';
import { shape as shapeOf } from './shape.ts';

export const ZerosLike = defineOp({
  type: 'ZerosLike',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.inputs[0].dtype, shape: ctx.inputs[0].staticShape }],
  kernel: (ctx) => [ctx.call('ZerosLike', { x: ctx.inputs[0] })],
});

/** tf.zeros_like(tensor, {dtype, optimize=true}). */
export function zeros_like(tensor: unknown, opts: NameOpt & { dtype?: DType | string; optimize?: boolean } = {}): Tensor {
  return opScope([tensor], opts.name, 'zeros_like', (scope) => {
    const x = toTensor(tensor, { name: 'tensor' });
    const dtype = opts.dtype === undefined || opts.dtype === null ? x.dtype : asDType(opts.dtype);
    const s = x.staticShape;
    if ((opts.optimize ?? true) && isFullyDefined(s)) return filled(0, s, dtype, scope);
    if (dtype !== x.dtype) return filled(0, shapeOf(x), dtype, scope);
    return makeOp('ZerosLike', [x], {}, { name: scope }).outputs[0];
  });
}
