// Shape (tf.shape(input, {out_type})): the run-time shape as an int32 vector; a Const when statically known (as TF1).
import { asDType, type DType } from '../../graph/dtypes.ts';
import { isFullyDefined } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import type { NameOpt } from './util.ts';

export const Shape = defineOp({
  type: 'Shape',
  nondiff: true,
  infer: (ctx) => {
    const s = ctx.inputs[0].staticShape;
    return [{ dtype: ctx.attrs.out_type as DType, shape: [s === null ? null : s.length] }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    return [ctx.write(Int32Array.from(x.shape), [x.shape.length], 'int32')];
  },
});

export function checkIndexType(d: DType, fn: string): DType {
  if (d !== 'int32' && d !== 'int64') throw new TypeError(`${fn}: out_type must be int32 or int64, got ${d}`);
  return d;
}

/** tf.shape(input, {out_type=int32, optimize=true}). */
export function shape(input: unknown, opts: NameOpt & { out_type?: DType | string; optimize?: boolean } = {}): Tensor {
  const x = toTensor(input);
  const out_type = checkIndexType(asDType(opts.out_type ?? 'int32'), 'tf.shape');
  const s = x.staticShape;
  if ((opts.optimize ?? true) && isFullyDefined(s)) {
    return constant(s, { dtype: out_type, name: opts.name ?? 'Shape', shape: [s.length] });
  }
  return makeOp('Shape', [x], { out_type }, { name: opts.name, defaultName: 'Shape' }).outputs[0];
}
