// Size (tf.size(input, {out_type})): the number of elements as a scalar; a Const when statically known (as TF1).
import { asDType, type DType } from '../../graph/dtypes.ts';
import { isFullyDefined, numElements } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { checkIndexType } from './shape.ts';
import type { NameOpt } from './util.ts';

export const Size = defineOp({
  type: 'Size',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.attrs.out_type as DType, shape: [] }],
  kernel: (ctx) => [ctx.write(Int32Array.of(ctx.inputs[0].shape.reduce((a, d) => a * d, 1)), [], 'int32')],
});

/** tf.size(input, {out_type=int32}). */
export function size(input: unknown, opts: NameOpt & { out_type?: DType | string; optimize?: boolean } = {}): Tensor {
  const x = toTensor(input);
  const out_type = checkIndexType(asDType(opts.out_type ?? 'int32'), 'tf.size');
  const s = x.staticShape;
  if ((opts.optimize ?? true) && isFullyDefined(s)) return constant(numElements(s), { dtype: out_type, name: opts.name ?? 'Size' });
  return makeOp('Size', [x], { out_type }, { name: opts.name, defaultName: 'Size' }).outputs[0];
}
