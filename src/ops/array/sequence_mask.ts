// tf.sequence_mask(lengths, {maxlen, dtype}): mask[..., j] = j < lengths[...], built from Range, ExpandDims, Cast and Less (as TF1).
import { asDType, type DType } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { castTo } from '../math/cast.ts';
import { less } from '../math/less.ts';
import { reduce_max } from '../math/max.ts';
import { maximum } from '../math/maximum.ts';
import { makeOp } from '../registry.ts';
import { expand_dims } from './expand_dims.ts';
import { intArg, opScope, type NameOpt } from './util.ts';

/** tf.sequence_mask(lengths, {maxlen=max(lengths), dtype=bool}) → shape lengths.shape + [maxlen]. */
export function sequence_mask(lengths: unknown, opts: NameOpt & { maxlen?: unknown; dtype?: DType | string } = {}): Tensor {
  return opScope([lengths, opts.maxlen], opts.name, 'SequenceMask', () => {
    const len = intArg(lengths, 'lengths');
    let maxlen: Tensor;
    if (opts.maxlen === undefined || opts.maxlen === null) {
      maxlen = reduce_max(len);
      maxlen = maximum(constant(0, { dtype: maxlen.dtype }), maxlen);
    } else {
      maxlen = intArg(opts.maxlen, 'maxlen');
    }
    if (maxlen.staticShape !== null && maxlen.staticShape.length !== 0) throw new Error('ValueError: maxlen must be scalar for sequence_mask');
    const row = makeOp('Range', [constant(0, { dtype: maxlen.dtype }), maxlen, constant(1, { dtype: maxlen.dtype })], { Tidx: maxlen.dtype },
      { defaultName: 'Range' }).outputs[0];
    let matrix = expand_dims(len, -1);
    if (matrix.dtype !== maxlen.dtype) matrix = castTo(matrix, maxlen.dtype);
    const result = less(row, matrix);
    const dtype = opts.dtype === undefined || opts.dtype === null ? 'bool' : asDType(opts.dtype);
    return dtype === 'bool' ? result : castTo(result, dtype);
  });
}
