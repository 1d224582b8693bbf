// UnsortedSegmentSum (tf.unsorted_segment_sum): out[ids[i], ...] += data[i, ...]; GatherV2's gradient scatters with it.
import { isInteger } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { gather } from './gather.ts';
import { intArg, opScope, readInts, runtimeError, scalarValue, type NameOpt } from './util.ts';

export const UnsortedSegmentSum = defineOp({
  type: 'UnsortedSegmentSum',
  infer: (ctx) => {
    const [data, ids, numT] = ctx.inputs;
    if (!isInteger(ids.dtype)) throw new TypeError(`Value passed to parameter 'segment_ids' has DataType ${ids.dtype} not in list of allowed values: int32, int64`);
    const ds = data.staticShape;
    const is = ids.staticShape;
    if (ds === null || is === null) return [{ dtype: data.dtype, shape: null }];
    if (is.length > ds.length) ctx.fail(`Shape must be at least rank ${is.length} but is rank ${ds.length}`);
    return [{ dtype: data.dtype, shape: [scalarValue(numT), ...ds.slice(is.length)] }];
  },
  // A host kernel: tfjs's wasm backend has no UnsortedSegmentSum.
  kernel: (ctx) => {
    const [data, ids] = ctx.inputs;
    const num = readInts(ctx, 2)[0];
    const idv = readInts(ctx, 1);
    const shape = [num, ...data.shape.slice(ids.shape.length)];
    const inner = shape.slice(1).reduce((a, d) => a * d, 1);
    const x = ctx.read(data);
    const out = allocData(data.dtype as never, num * inner);
    idv.forEach((s, i) => {
      if (s >= num) throw runtimeError(ctx, `segment_ids[${i}] = ${s} is out of range [0, ${num})`);
      if (s < 0) return; // TF drops negative ids
      for (let k = 0; k < inner; k++) out[s * inner + k] += x[i * inner + k];
    });
    return [ctx.write(out, shape, data.dtype)];
  },
  // Each data row received the gradient of its segment: a gather of dy (TF1's _UnsortedSegmentSumGrad).
  grad: (op, [dy]) => [gather(dy!, op.inputs[1]), null, null],
});

/** tf.unsorted_segment_sum(data, segment_ids, num_segments). */
export function unsorted_segment_sum(data: unknown, segment_ids: unknown, num_segments: unknown, opts: NameOpt = {}): Tensor {
  return opScope([data, segment_ids], opts.name, 'UnsortedSegmentSum', (scope) => {
    const d = toTensor(data, { name: 'data' });
    const ids = intArg(segment_ids, 'segment_ids');
    return makeOp('UnsortedSegmentSum', [d, ids, intArg(num_segments, 'num_segments')], {}, { name: scope }).outputs[0];
  });
}
